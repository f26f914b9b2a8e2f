// Splits an alignment unit into the comparable pieces the features look at: folded words,
// numbers and the punctuation that survives translation. Language-neutral on purpose, so
// de-fr works the same as en-es.

/** Words (letters with marks, digits) and translation-stable punctuation, in text order. */
const PIECE = /[\p{L}\p{M}\p{N}]+|[¿?¡!%()«»“”„"]/gu;

/** Lower-cased, accent-free: "Perú" and "peru" are one word for matching. */
export function foldWord(word: string): string {
	const lower = word.toLowerCase();
	// Most words are plain ASCII; skip the NFD pass for them (it dominates on large inputs).
	// eslint-disable-next-line no-control-regex
	if (/^[\x00-\x7f]*$/.test(lower)) return lower;
	return lower.normalize('NFD').replace(/\p{M}/gu, '');
}

/** Punctuation marks that mean the same on both sides (¿…? and ?…, « » and “ ”). */
const PUNCTUATION_CLASS: Record<string, string> = {
	'¿': '?',
	'?': '?',
	'¡': '!',
	'!': '!',
	'%': '%',
	'(': '(',
	')': '(',
	'«': '"',
	'»': '"',
	'“': '"',
	'”': '"',
	'„': '"',
	'"': '"'
};

export interface UnitPieces {
	/** Folded words and punctuation classes (`p:?`), duplicates removed. */
	pieces: string[];
	/** Length in characters, trimmed: what the length model counts. */
	chars: number;
}

export function splitUnit(text: string): UnitPieces {
	const trimmed = text.trim();
	const seen = new Set<string>();
	for (const match of trimmed.matchAll(PIECE)) {
		const raw = match[0];
		const punct = PUNCTUATION_CLASS[raw];
		seen.add(punct ? `p:${punct}` : foldWord(raw));
	}
	return { pieces: [...seen], chars: trimmed.length };
}

/**
 * A rough cross-language spelling for cognate matching: democracy → democracia share
 * "democ", nation → nacion, philosophy → filosofia. Applied to both sides alike.
 */
export function cognateSkeleton(word: string): string {
	return word
		.replace(/ph/g, 'f')
		.replace(/th/g, 't')
		.replace(/tion/g, 'cion')
		.replace(/y/g, 'i')
		.replace(/k/g, 'c')
		.replace(/(.)\1+/g, '$1');
}

export const isNumber = (piece: string): boolean => /^\p{N}+$/u.test(piece);
