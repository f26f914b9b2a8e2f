// The detector's word lists are looked up in their front-coded text (front-coded.ts, whose own
// tests cover the lookup on small lists) instead of being decoded into Sets first. These tests
// decode the shipped data whole, the plain way, and check that the lookup agrees with a Set of
// those words for every listed word and for many words that are not listed, and that
// dictionaryLanguage's answers are the ones the same rules give over those Sets. (Heavy checks
// get a minute each: a loaded machine runs them in seconds.)
import { describe, expect, it } from 'vitest';
import englishData from '../../../src/lib/data/words/en';
import spanishData from '../../../src/lib/data/words/es';
import { indexRestarts, listHas } from '../../../src/lib/core/detect/front-coded';
import { dictionaryLanguage, listedLanguage } from '../../../src/lib/core/detect/words';
import { decodeAll } from './decode-front-coded';
import { corpusWords } from './corpus-words';

/** Words that are mostly not listed, made from listed ones. */
function nearMisses(words: string[], every: number): string[] {
	const out: string[] = [];
	words.forEach((w, i) => {
		if (i % every) return;
		out.push(
			`${w}s`,
			`${w}a`,
			w.slice(1),
			w.slice(0, -1),
			`${w.slice(0, -1)}x`,
			`${w.slice(0, -1)}z`,
			`a${w}`,
			`${w.slice(0, 2)}4${w.slice(2)}`,
			`${w},`,
			w.toUpperCase()
		);
	});
	return out;
}

const english = decodeAll(englishData);
const spanish = decodeAll(spanishData);
const englishSet = new Set(english);
const spanishSet = new Set(spanish);

describe('the shipped word lists', () => {
	it('are sorted by UTF-16 code units without repeats, as the binary search needs', () => {
		for (const list of [english, spanish]) {
			expect(list.length).toBeGreaterThan(50_000);
			for (let i = 1; i < list.length; i++)
				if (!(list[i - 1] < list[i])) expect(`${list[i - 1]} < ${list[i]}`).toBe('sorted');
		}
	}, 60_000);

	it('hold every one of their words, looked up in place', () => {
		for (const [data, words] of [
			[englishData, english],
			[spanishData, spanish]
		] as const) {
			const list = indexRestarts(data);
			const missed = words.filter((w) => !listHas(list, w));
			expect(missed).toEqual([]);
		}
	}, 60_000);

	it('hold no word their decoded Set does not hold', () => {
		for (const [data, words, set] of [
			[englishData, english, englishSet],
			[spanishData, spanish, spanishSet]
		] as const) {
			const list = indexRestarts(data);
			const probes = [
				...nearMisses(words, 2),
				...nearMisses(words === english ? spanish : english, 7),
				'',
				'a',
				'zzzzzz',
				'\u00ff',
				',',
				'0'
			];
			const wrong = probes.filter((w) => listHas(list, w) !== set.has(w));
			expect(wrong).toEqual([]);
			// Most probes are not words: the check is not only of members.
			expect(probes.filter((w) => !set.has(w)).length).toBeGreaterThan(probes.length / 2);
		}
	}, 60_000);
});

describe('dictionaryLanguage', () => {
	const overSets = (w: string) =>
		listedLanguage(w, { en: (x) => englishSet.has(x), es: (x) => spanishSet.has(x) });

	it('answers as the same rules over the decoded Sets, for every listed word', () => {
		const differing = [...english, ...spanish].filter((w) => dictionaryLanguage(w) !== overSets(w));
		expect(differing).toEqual([]);
	}, 60_000);

	it('answers as the same rules over the decoded Sets, for the corpus words and non-words', () => {
		const words = [
			...new Set(corpusWords('src/lib/data/corpus')),
			...nearMisses(english, 11),
			...nearMisses(spanish, 11)
		];
		const differing = words.filter((w) => dictionaryLanguage(w) !== overSets(w));
		expect(differing).toEqual([]);
		// All four answers occur, so the comparison covers each.
		expect(new Set(words.map(overSets))).toEqual(new Set(['en', 'es', 'both', null]));
	}, 60_000);
});
