import { describe, expect, it } from 'vitest';
import { forEachToken, splitUnit } from '../../../src/lib/core/align/words';

// forEachToken scans character codes instead of running this expression; it must find the
// same tokens. The expression is the definition of a token (words.ts says so).
const PIECE = /[\p{L}\p{M}\p{N}]+|[¿?¡!%()«»“”„"]/gu;
const byExpression = (text: string) => [...text.matchAll(PIECE)].map((m) => m[0]);
const byScan = (text: string) => {
	const tokens: string[] = [];
	forEachToken(text, (raw) => tokens.push(raw));
	return tokens;
};

/** Characters chosen to sit on every edge of the word class and the punctuation class. */
const ALPHABET = [
	..."aZz09 \t\n.,;:-_'`~^@#$&*+=[]{}|\\/<>",
	...'¿?¡!%()«»“”„"',
	...'áÑüçßæøœ',
	'\u0301', // combining acute (a mark)
	'\u0300',
	'\u00a0', // no-break space
	'\u2019', // right single quote
	'\u00aa', // ª, a letter
	'\u00b2', // ², a number
	'\u0661', // Arabic-Indic one
	'\u4e2d', // CJK
	'\u0e01', // Thai
	'\u200b', // zero-width space
	'\u{1d400}', // mathematical bold A: a letter beyond the BMP
	'\u{1f600}', // an emoji: not a letter
	'\u{10ffff}',
	'\ud800', // lone high surrogate
	'\udc00' // lone low surrogate
];

function randomText(seed: number, length: number): string {
	let state = seed;
	let text = '';
	for (let k = 0; k < length; k++) {
		state = (state * 1103515245 + 12345) % 2147483648;
		text += ALPHABET[state % ALPHABET.length];
	}
	return text;
}

describe('forEachToken', () => {
	it('finds the tokens of the defining expression in real sentences', () => {
		for (const text of [
			'¿Qué pasó en Lima el 24 de julio? «Nada», dijo (el 2.º día).',
			'The 1st "Toma de Lima" — 100% of Perú’s CGTP; www.example.org/a?b=c',
			'Ärger über 3ª Straße, naïve café, ﬁne ligature, ½ and ²'
		])
			expect(byScan(text)).toEqual(byExpression(text));
	});

	it('finds the same tokens as the expression in 2,000 random texts over the classes’ edges', () => {
		for (let seed = 1; seed <= 2000; seed++) {
			const text = randomText(seed, 1 + (seed % 40));
			expect(byScan(text), JSON.stringify(text)).toEqual(byExpression(text));
		}
	});

	it('keeps splitUnit’s pieces: folded, punctuation classes, no repeats', () => {
		expect(splitUnit('¿Qué? ¡Qué! Qué').pieces).toEqual(['p:?', 'que', 'p:!']);
	});
});
