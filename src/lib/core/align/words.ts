// Splits an alignment unit into the comparable pieces the features look at: folded words,
// numbers and the punctuation that survives translation. Language-neutral on purpose, so
// de-fr works the same as en-es.
import { foldForSearch } from '../text/fold';

// Tokens (PIECE): runs of letters, marks and digits, and each translation-stable punctuation
// mark, in text order: the matches of /[\p{L}\p{M}\p{N}]+|[¿?¡!%()«»“”„"]/gu (forEachToken).

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
	// The same tokens as running PIECE over the text, found by a scan of character codes: on
	// a book this is the aligner's largest single cost after the search, and a regular
	// expression with Unicode classes builds a match object per word.
	const length = trimmed.length;
	let i = 0;
	while (i < length) {
		const code = trimmed.charCodeAt(i);
		const width = wordCharWidth(trimmed, i, code);
		if (width > 0) {
			const start = i;
			i += width;
			while (i < length) {
				const next = wordCharWidth(trimmed, i, trimmed.charCodeAt(i));
				if (next === 0) break;
				i += next;
			}
			visit(trimmed.slice(start, i));
		} else {
			if (code < 0x80 ? ASCII_PUNCTUATION[code] === 1 : PUNCTUATION_CLASS[trimmed[i]] !== undefined)
				visit(trimmed[i]);
			i++;
		}
	}
}

/** 1 for the ASCII marks of PIECE's punctuation class. */
const ASCII_PUNCTUATION = new Uint8Array(128);
for (const mark of Object.keys(PUNCTUATION_CLASS))
	if (mark.charCodeAt(0) < 0x80) ASCII_PUNCTUATION[mark.charCodeAt(0)] = 1;

/** Whether a character is a letter, mark or digit: PIECE's word class. */
const WORD_CHARACTER = /^[\p{L}\p{M}\p{N}]$/u;
/** The word class of each code unit outside ASCII, learned as met: 1 yes, 2 no. */
const bmpWordClass = new Uint8Array(0x10000);

/**
 * Code units the word character at i takes (1, or 2 for a letter beyond the BMP written as a
 * surrogate pair), or 0 when the character there is not a letter, mark or digit.
 */
function wordCharWidth(text: string, i: number, code: number): number {
	if (code < 0x80)
		return (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || (code >= 48 && code <= 57)
			? 1
			: 0;
	if (code >= 0xd800 && code <= 0xdbff) {
		const point = text.codePointAt(i) ?? code;
		if (point <= 0xffff) return 0; // a lone surrogate
		return WORD_CHARACTER.test(String.fromCodePoint(point)) ? 2 : 0;
	}
	let known = bmpWordClass[code];
	if (known === 0) {
		known = WORD_CHARACTER.test(String.fromCharCode(code)) ? 1 : 2;
		bmpWordClass[code] = known;
	}
	return known === 1 ? 1 : 0;
}

export function splitUnit(text: string): UnitPieces {
	const trimmed = text.trim();
	const pieces = addressPieces(trimmed);
	// Units are short: a linear scan beats a Set until a few dozen distinct pieces.
	let seen: Set<string> | undefined;
	forEachToken(trimmed, (raw) => {
		const piece = foldPiece(raw);
		if (seen) {
			if (seen.has(piece)) return;
			seen.add(piece);
			pieces.push(piece);
		} else if (!pieces.includes(piece)) {
			pieces.push(piece);
			if (pieces.length >= 48) seen = new Set(pieces);
		}
	});
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
