// The front-coded list lookup on small lists written here in its format, at every restart
// spacing: it must agree with a Set of the same words for the words, for every string one edit
// away from one, and for every short string over their letters. (The shipped word lists are
// checked in word-lists.test.ts.)
import { describe, expect, it } from 'vitest';
import { indexRestarts, listHas } from '../../../src/lib/core/detect/front-coded';

/** The format eval/build/detect-words.mjs writes, for a sorted list with a restart every `block` words. */
function encode(words: string[], block: number): string {
	let out = '';
	let previous = '';
	words.forEach((w, i) => {
		let k = 0;
		if (i % block === 0) out += ',';
		else {
			while (k < previous.length && k < w.length && previous[k] === w[k]) k++;
			out += String(k);
		}
		out += w.slice(k);
		previous = w;
	});
	return out;
}

/** Every string one letter deleted, changed or inserted away from `word`, over `alphabet`. */
function oneEditAway(word: string, alphabet: string[]): string[] {
	const out: string[] = [];
	for (let i = 0; i <= word.length; i++) {
		if (i < word.length) out.push(word.slice(0, i) + word.slice(i + 1));
		for (const c of alphabet) {
			out.push(word.slice(0, i) + c + word.slice(i));
			if (i < word.length) out.push(word.slice(0, i) + c + word.slice(i + 1));
		}
	}
	return out;
}

/** Every string of up to `length` letters of `alphabet`, the empty one included. */
function allStrings(alphabet: string[], length: number): string[] {
	let level = [''];
	const out = [''];
	for (let n = 0; n < length; n++) {
		level = level.flatMap((s) => alphabet.map((c) => s + c));
		out.push(...level);
	}
	return out;
}

// Words that are prefixes of one another, a first and a last word, letters beyond ASCII, and
// words sharing ten letters or more with the word before (a count of two digits).
const words = [
	...new Set(
		[
			'a',
			'ab',
			'abc',
			'abcd',
			'abd',
			'abdz',
			'ac',
			'b',
			'ba',
			'bab',
			'babe',
			'bb',
			'canción',
			'canciones',
			'cancionó',
			'caña',
			'cañas',
			'desafortunada',
			'desafortunadamente',
			'desafortunado',
			'desafortunados',
			'z',
			'zz',
			'ñ'
		].sort()
	)
];
const set = new Set(words);
// The words' letters, one before the first and one after the last, and the format's own
// characters (a digit, a comma), which no listed word holds.
const alphabet = [...new Set([...words.join(''), ' ', '~', '4', ','])];
const probes = [
	...new Set([
		...words,
		...words.flatMap((w) => oneEditAway(w, alphabet)),
		...allStrings(alphabet, 3)
	])
];

describe('listHas', () => {
	it('agrees with a Set at every restart spacing, whichever block a word falls in', () => {
		for (let block = 1; block <= words.length + 1; block++) {
			const list = indexRestarts(encode(words, block));
			expect(list.restarts.length, `restart every ${block}`).toBe(Math.ceil(words.length / block));
			const wrong = probes.filter((w) => listHas(list, w) !== set.has(w));
			expect(wrong, `restart every ${block}`).toEqual([]);
		}
		// Most probes are not words: the check is not only of members.
		expect(probes.filter((w) => !set.has(w)).length).toBeGreaterThan(probes.length / 2);
	});

	it('holds just its one word in a list of one', () => {
		for (const word of words) {
			const list = indexRestarts(encode([word], 16));
			expect(probes.filter((w) => listHas(list, w))).toEqual([word]);
		}
	});

	it('finds nothing in an empty list', () => {
		expect(listHas(indexRestarts(''), 'a')).toBe(false);
		expect(listHas(indexRestarts(''), '')).toBe(false);
	});
});
