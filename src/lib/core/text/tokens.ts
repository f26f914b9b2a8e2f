// Words and the other things a sentence is made of (numbers, addresses, handles), with their
// UTF-16 offsets, so the detector can weigh words and skip what carries no language.

export type TokenKind = 'word' | 'number' | 'url' | 'email' | 'handle';

export interface Token {
	start: number;
	end: number;
	text: string;
	kind: TokenKind;
}

// Addresses and handles are rare, so a cheap test decides whether a stretch pays for their
// long pattern; words and numbers are then read in one pass, skipping the addresses found.
const MAYBE_ADDRESS = /[@#/]|www\.|\.\p{L}/u;
const ADDRESS =
	/(?:https?:\/\/|www\.)[^\s"“”«»<>]*[^\s"“”«»<>.,;:!?)\]']|[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.(?:com|org|net|edu|gov|int|io|info|tv|pe|es|mx|ar|co|cl|uk|us)(?:\/[^\s"“”«»<>]*[^\s"“”«»<>.,;:!?)\]'])?(?![\p{L}\p{N}])|[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+|(?<![\p{L}\p{N}])[@#][\p{L}\p{N}_]+/gu;

/** Tokens of `text` between `start` and `end` (defaults: all of it); offsets index `text`. */
export function tokenize(text: string, start = 0, end = text.length): Token[] {
	const addresses = MAYBE_ADDRESS.test(text.slice(start, end))
		? findAddresses(text.slice(start, end), start)
		: [];
	const tokens: Token[] = [];
	let next = 0;
	let i = start;
	// A hand-written scanner: this runs on every character of every document.
	while (i < end) {
		const c = text.charCodeAt(i);
		const letter = isWordChar(c);
		if (!letter && !isDigit(c)) {
			i++;
			continue;
		}
		if (next < addresses.length && addresses[next].start <= i) {
			tokens.push(addresses[next]);
			i = addresses[next++].end;
			continue;
		}
		const from = i;
		let kind: TokenKind;
		if (letter) {
			kind = 'word';
			i = skipLetters(text, i + 1, end);
			// An apostrophe inside a word: "don't", "Perú’s".
			while (
				i + 1 < end &&
				(text.charCodeAt(i) === 0x27 || text.charCodeAt(i) === 0x2019) &&
				isWordChar(text.charCodeAt(i + 1))
			)
				i = skipLetters(text, i + 2, end);
		} else {
			kind = 'number';
			i = skipDigits(text, i + 1, end);
			// Decimals, thousands, times and dates: "50.13", "3,000", "10:54", "1/2/2023".
			while (i + 1 < end && isNumberJoiner(text.charCodeAt(i)) && isDigit(text.charCodeAt(i + 1)))
				i = skipDigits(text, i + 2, end);
			if (i < end && text.charCodeAt(i) === 0x25) i++;
			else {
				// A unit or ordinal glued to the number ("10am", "22nd"), at most two letters.
				const unitEnd = skipLetters(text, i, Math.min(end, i + 3));
				if (
					unitEnd > i &&
					unitEnd - i <= 2 &&
					!(unitEnd < end && isWordChar(text.charCodeAt(unitEnd)))
				)
					i = unitEnd;
			}
		}
		tokens.push({ start: from, end: i, text: text.slice(from, i), kind });
	}
	while (next < addresses.length) tokens.push(addresses[next++]);
	return tokens;
}

function skipLetters(text: string, i: number, end: number): number {
	while (i < end && isWordChar(text.charCodeAt(i))) i++;
	return i;
}

function skipDigits(text: string, i: number, end: number): number {
	while (i < end && isDigit(text.charCodeAt(i))) i++;
	return i;
}

function isDigit(c: number): boolean {
	return c >= 48 && c <= 57;
}

function isNumberJoiner(c: number): boolean {
	return c === 0x2e || c === 0x2c || c === 0x3a || c === 0x2f || c === 0x2d;
}

/** Letters and combining marks, answered from a table filled on first use of each code unit. */
const WORD_CHAR = new Uint8Array(0x10000);
const LETTER_OR_MARK = /[\p{L}\p{M}]/u;

/** Is this UTF-16 code unit part of a word? Surrogate halves are not: emoji are no words, and letters outside the BMP are rare in English and Spanish. */
export function isWordChar(c: number): boolean {
	if (c < 128) return (c >= 97 && c <= 122) || (c >= 65 && c <= 90);
	let known = WORD_CHAR[c];
	if (known === 0) {
		known = c >= 0xd800 && c <= 0xdfff ? 1 : LETTER_OR_MARK.test(String.fromCharCode(c)) ? 2 : 1;
		WORD_CHAR[c] = known;
	}
	return known === 2;
}

function findAddresses(slice: string, offset: number): Token[] {
	const found: Token[] = [];
	ADDRESS.lastIndex = 0;
	for (let m = ADDRESS.exec(slice); m; m = ADDRESS.exec(slice)) {
		const first = m[0][0];
		const kind: TokenKind =
			first === '@' || first === '#' ? 'handle' : m[0].includes('@') ? 'email' : 'url';
		found.push({ start: offset + m.index, end: offset + m.index + m[0].length, text: m[0], kind });
	}
	return found;
}
