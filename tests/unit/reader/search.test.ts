import { describe, expect, it } from 'vitest';
import { foldForSearch } from '$lib/core/text/fold';
import { readingRows } from '$lib/core/reading/rows';
import {
	findMatches,
	foldQuery,
	foldWithOffsets,
	marksBySentence,
	moveCurrent,
	searchUnits
} from '$lib/reader/search';
import { sentencePlaces } from '$lib/reader/contents';
import { documentOf, type Line } from './fixture';

/** Every match of `query` in a one-sentence document, as the original text it covers. */
function found(text: string, query: string): string[] {
	const doc = documentOf(1, [[text, 'es', 0]]);
	const folded = foldWithOffsets(doc.text);
	return findMatches(query, [{ doc: 1, sentence: 0, at: 0 }], { 1: doc }, () => folded).map((m) =>
		doc.text.slice(m.start, m.end)
	);
}

describe('foldWithOffsets', () => {
	it('folds like foldForSearch', () => {
		for (const text of ['Perú', 'NIÑO y Niña', 'Peru\u0301', 'İstanbul', 'Straße', 'ÉL dijo «sí»'])
			expect(foldWithOffsets(text).folded).toBe(foldForSearch(text));
	});

	it('maps every folded unit back to the character it came from', () => {
		const text = 'Ca\u0301diz e İzmir';
		const { folded, starts, ends } = foldWithOffsets(text);
		expect(folded).toBe('cadiz e i\u0307zmir'.normalize('NFD').replace(/\p{M}/gu, ''));
		for (let k = 0; k < folded.length; k++)
			expect(foldForSearch(text.slice(starts[k], ends[k]))).toContain(folded[k]);
	});
});

describe('foldWithOffsets of a text that has grown', () => {
	it('folds only the rest, to the same result as folding the whole', () => {
		// A combining mark right after a cut belongs to the character before it, in the fold kept.
		const text = 'Ca\u0301diz, İzmir y Perú. \u0301Straße 🚩 NIÑO.';
		const codePoints = [...text];
		for (let k = 0, cut = 0; k <= codePoints.length; cut += codePoints[k++]?.length ?? 0) {
			const before = foldWithOffsets(text.slice(0, cut));
			expect(foldWithOffsets(text, before)).toEqual(foldWithOffsets(text));
		}
	});

	it('leaves the fold it grew from as it was', () => {
		const before = foldWithOffsets('Perú');
		const copy = structuredClone(before);
		foldWithOffsets('Perú\u0301 y Bolivia', before);
		expect(before).toEqual(copy);
	});
});

describe('findMatches', () => {
	it('finds words whatever their accents and case, and marks the original text', () => {
		expect(found('Perú y el PERU de siempre', 'peru')).toEqual(['Perú', 'PERU']);
		expect(found('Él dijo que el niño', 'el')).toEqual(['Él', 'el']);
		expect(found('La nin\u0303a', 'niña')).toEqual(['nin\u0303a']);
	});

	it('keeps offsets right after characters whose folding changes the length', () => {
		// Decomposed accents shrink the folded text, İ grows it: what follows must not drift.
		const text = 'Ca\u0301diz, İzmir y Perú, otra vez Perú';
		expect(found(text, 'peru')).toEqual(['Perú', 'Perú']);
		expect(found(text, 'izmir')).toEqual(['İzmir']);
		expect(found(text, 'cadiz')).toEqual(['Ca\u0301diz']);
	});

	it('holds for random texts: each match folds to the query', () => {
		const letters = ['a', 'á', 'e', 'é', 'n', 'ñ', 'N', 'Ñ', 'o', 'ó', 'İ', 'ß', ' ', 'e\u0301'];
		let seed = 7;
		const random = () => ((seed = (seed * 16807) % 2147483647) - 1) / 2147483646;
		for (let round = 0; round < 200; round++) {
			const text = Array.from({ length: 40 }, () => letters[Math.floor(random() * 14)]).join('');
			const at = Math.floor(random() * 30);
			const query = text.slice(at, at + 1 + Math.floor(random() * 4)).trim();
			if (!foldQuery(query)) continue;
			const matches = found(text, query);
			expect(matches.length).toBeGreaterThan(0);
			for (const m of matches) expect(foldForSearch(m)).toBe(foldQuery(query));
		}
	});

	it('follows the view’s order and stays inside each sentence', () => {
		const en = documentOf(1, [
			['The market is old.', 'en', 0],
			['The market opens early.', 'en', 0]
		]);
		const es = documentOf(2, [
			['El mercado es viejo.', 'es', 0],
			['El mercado abre temprano.', 'es', 0]
		]);
		const folded = { 1: foldWithOffsets(en.text), 2: foldWithOffsets(es.text) };
		const rows = readingRows({
			documentId: 1,
			documents: { 1: en.sentences, 2: es.sentences },
			alignments: [
				{
					id: 1,
					kind: 'translation',
					enDocumentId: 1,
					esDocumentId: 2,
					beads: [0, 1].map((i) => ({ en: [i], es: [i], confidence: 1 }))
				}
			]
		});
		const run = (query: string, swapped: boolean) =>
			findMatches(
				query,
				searchUnits(rows, 1, 2, { view: 'parallel', swapped }),
				{ 1: en, 2: es },
				(d) => folded[d as 1 | 2]
			).map((m) => `${m.doc}:${m.sentence}@${m.at}`);
		expect(run('e', false).slice(0, 2)).toEqual(['1:0@0', '1:0@0']);
		// Row by row; in each row, the column on the left first.
		expect(run('mark', false)).toEqual(['1:0@0', '1:1@1']);
		expect(run('merc', true)).toEqual(['2:0@0', '2:1@1']);
		expect(run('old. the', false)).toEqual([]);
		expect(run('  ', false)).toEqual([]);
	});
});

describe('searchUnits', () => {
	const lines: Line[] = [
		['English one.', 'en', 0],
		['Solo en español.', 'es', 1],
		['42', 'und', 2]
	];
	const doc = documentOf(1, lines);
	const rows = readingRows({ documentId: 1, documents: { 1: doc.sentences }, alignments: [] });

	it('goes through what each view shows: one language, or the whole text as written', () => {
		const keys = (u: { doc: number; sentence: number }[]) => u.map((x) => x.sentence);
		expect(keys(searchUnits(rows, 1, 3, { view: 'single', lang: 'en' }))).toEqual([0, 2]);
		expect(keys(searchUnits(rows, 1, 3, { view: 'single', lang: 'es' }))).toEqual([1, 2]);
		expect(keys(searchUnits(rows, 1, 3, { view: 'parallel', swapped: false }))).toEqual([0, 1, 2]);
		const places = sentencePlaces(rows, 1, 3);
		expect(searchUnits(rows, 1, 3, { view: 'original', places }).map((u) => u.at)).toEqual(places);
	});
});

describe('marksBySentence and moveCurrent', () => {
	const matches = [
		{ doc: 1, sentence: 0, at: 0, start: 0, end: 3 },
		{ doc: 1, sentence: 0, at: 0, start: 8, end: 11 },
		{ doc: 2, sentence: 4, at: 3, start: 50, end: 53 }
	];

	it('groups the marks by sentence, numbered in match order, one of them current', () => {
		const marks = marksBySentence(matches, 1);
		expect([...marks.keys()]).toEqual(['1:0', '2:4']);
		expect(marks.get('1:0')!.map((m) => [m.n, m.current])).toEqual([
			[0, false],
			[1, true]
		]);
	});

	it('moves the current mark, giving new lists only to the sentences it leaves and enters', () => {
		const before = marksBySentence(matches, 0);
		const after = moveCurrent(before, matches, 0, 2);
		expect(after.get('2:4')![0].current).toBe(true);
		expect(after.get('1:0')!.some((m) => m.current)).toBe(false);
		const untouched = moveCurrent(after, [...matches, { ...matches[2], sentence: 9 }], 2, 3);
		expect(untouched.get('1:0')).toBe(after.get('1:0'));
	});
});
