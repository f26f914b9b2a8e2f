// Splits an alignment unit into the comparable pieces the features look at: folded words,
// numbers and the punctuation that survives translation. Language-neutral on purpose, so
// de-fr works the same as en-es.
import { foldForSearch } from '../text/fold';

/** Words (letters with marks, digits) and translation-stable punctuation, in text order. */
const PIECE = /[\p{L}\p{M}\p{N}]+|[¿?¡!%()«»“”„"]/gu;

/** Lower-cased, accent-free: "Perú" and "peru" are one word for matching. */
export const foldWord = foldForSearch;

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

/** Folded forms of the tokens seen so far: a long text repeats its words many times. */
const foldCache = new Map<string, string>();
const FOLD_CACHE_SIZE = 100_000;

/** The piece a token of PIECE stands for: its punctuation class, or the word folded. */
export function foldPiece(raw: string): string {
	let piece = foldCache.get(raw);
	if (piece === undefined) {
		const punct = PUNCTUATION_CLASS[raw];
		piece = punct ? `p:${punct}` : foldWord(raw);
		const ordinal = ORDINAL.exec(piece);
		if (ordinal) piece = ordinal[1];
		if (foldCache.size >= FOLD_CACHE_SIZE) foldCache.clear();
		foldCache.set(raw, piece);
	}
	return piece;
}

/** Web addresses: the same string on both sides, as rare as evidence gets. */
const URL = /(?:https?:\/\/|www\.)[^\s<>"«»“”]+/giu;
/** Ordinals written with digits mean their number: 24th, 1st, 2.º, 3ª. */
const ORDINAL = /^(\d+)(?:st|nd|rd|th|º|ª|er|ro|do|to|vo|no)$/;

/** The web addresses of a trimmed unit as pieces (`u:example.org/path`), duplicates removed. */
export function addressPieces(trimmed: string): string[] {
	const pieces: string[] = [];
	if (trimmed.includes('www.') || trimmed.includes('://')) {
		for (const match of trimmed.matchAll(URL)) {
			const address = match[0]
				.toLowerCase()
				.replace(/^https?:\/\/(?:www\.)?|^www\./, '')
				.replace(/[.,;:!?)\]]+$/, '');
			if (!pieces.includes(`u:${address}`)) pieces.push(`u:${address}`);
		}
	}
	return pieces;
}

/** Calls `visit` with every token of PIECE in a trimmed unit, raw (not folded), in text order. */
export function forEachToken(trimmed: string, visit: (raw: string) => void): void {
	PIECE.lastIndex = 0;
	for (let match = PIECE.exec(trimmed); match; match = PIECE.exec(trimmed)) visit(match[0]);
}

export function splitUnit(text: string): UnitPieces {
	const trimmed = text.trim();
	const pieces = addressPieces(trimmed);
	// Units are short: a linear scan beats a Set until a few dozen distinct pieces.
	let seen: Set<string> | undefined;
	PIECE.lastIndex = 0;
	for (let match = PIECE.exec(trimmed); match; match = PIECE.exec(trimmed)) {
		const piece = foldPiece(match[0]);
		if (seen) {
			if (seen.has(piece)) continue;
			seen.add(piece);
			pieces.push(piece);
		} else if (!pieces.includes(piece)) {
			pieces.push(piece);
			if (pieces.length >= 48) seen = new Set(pieces);
		}
	}
	return { pieces, chars: trimmed.length };
}

/**
 * A rough cross-language spelling for cognate matching: democracy → democracia share
 * "democ", nation → nacion, philosophy → filosofia, christ → cristo. Applied to both sides alike.
 */
export function cognateSkeleton(word: string): string {
	return word
		.replace(/ph/g, 'f')
		.replace(/ch/g, 'c')
		.replace(/th/g, 't')
		.replace(/tion/g, 'cion')
		.replace(/y/g, 'i')
		.replace(/k/g, 'c')
		.replace(/(.)\1+/g, '$1');
}

export const isNumber = (piece: string): boolean => /^\p{N}+$/u.test(piece);
