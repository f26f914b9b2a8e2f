import { describe, expect, it } from 'vitest';
import { readingRows, type RowAlignment } from '$lib/core/reading/rows';
import {
	isHeadingLine,
	needsContents,
	rowSentenceNumbers,
	sentencePlaces,
	tableOfContents
} from '$lib/reader/contents';
import { documentOf, type Line } from './fixture';

// An English article with its Spanish translation (document 2), an untranslated Spanish
// paragraph among the English, a page number, a passage paired with its Spanish original further
// down the same text, and a repeated passage.
const article: Line[] = [
	['Introduction', 'en', 0],
	['The market opens at dawn.', 'en', 1],
	['Farmers bring potatoes.', 'en', 1],
	['Families arrive by nine.', 'en', 1],
	['Sellers leave at noon.', 'en', 1],
	['The square is quiet again.', 'en', 1],
	['12', 'und', 2],
	['Prices rose this year.', 'en', 3],
	['Maize costs more.', 'en', 3],
	['Cheese costs the same.', 'en', 3],
	['Los vendedores protestaron.', 'es', 4],
	['Pidieron agua potable.', 'es', 4],
	['Nadie los escuchó.', 'es', 4],
	['The mayor spoke.', 'en', 5],
	['She promised a roof.', 'en', 5],
	['Nobody believed her.', 'en', 5],
	['La alcaldesa habló.', 'es', 6],
	['Prometió un techo.', 'es', 6],
	['Nadie le creyó.', 'es', 6],
	['Farmers bring potatoes.', 'en', 7],
	['Families arrive by nine.', 'en', 7]
];
const translated = [0, 1, 2, 3, 4, 5, 7, 8, 9];
const translation = documentOf(
	2,
	translated.map((_, k): Line => [`Frase ${k + 1}.`, 'es', 0])
);
const doc = documentOf(1, article);
const alignments: RowAlignment[] = [
	{
		id: 10,
		kind: 'translation',
		enDocumentId: 1,
		esDocumentId: 2,
		beads: translated.map((en, es) => ({ en: [en], es: [es], confidence: 0.9 }))
	},
	{
		id: 11,
		kind: 'internal',
		enDocumentId: 1,
		esDocumentId: 1,
		beads: [13, 14, 15].map((en, k) => ({ en: [en], es: [16 + k], confidence: 0.9 }))
	}
];
const repeats = [{ first: { start: 2, end: 4 }, second: { start: 19, end: 21 } }];
const rows = readingRows({
	documentId: 1,
	documents: { 1: doc.sentences, 2: translation.sentences },
	alignments,
	repeats
});
const input = { documentId: 1, documents: { 1: doc, 2: translation }, rows, repeats };

describe('tableOfContents', () => {
	const parts = tableOfContents(input);

	it('lists the passages in reading order, each once, covering every row', () => {
		expect(parts.map((p) => p.kind)).toEqual([
			'translated',
			'untranslated',
			'paired-inside',
			'elsewhere',
			'repeat'
		]);
		expect(parts[0].row).toBe(0);
		for (let i = 1; i < parts.length; i++) expect(parts[i].row).toBe(parts[i - 1].rowEnd);
		expect(parts.at(-1)!.rowEnd).toBe(rows.length);
	});

	it('gives each passage its sentences and languages', () => {
		const [main, left, inside, later, repeat] = parts;
		// The page number between two translated paragraphs does not cut the passage in two.
		expect(main).toMatchObject({ from: 0, to: 9, lang: 'en', other: 'es' });
		expect(left).toMatchObject({ from: 10, to: 12, lang: 'es' });
		expect(inside).toMatchObject({ from: 13, to: 15, lang: 'en', other: 'es' });
		expect(inside.ref).toEqual({ from: 16, to: 18 });
		expect(later).toMatchObject({ from: 16, to: 18, lang: 'es', other: 'en' });
		expect(later.ref).toEqual({ from: 13, to: 15 });
		expect(repeat).toMatchObject({ from: 19, to: 20 });
		expect(repeat.ref).toEqual({ from: 2, to: 3 });
	});

	it('finds the heading line and the row that shows it', () => {
		expect(parts[0].headings).toEqual([{ text: 'Introduction', sentence: 0, row: 0 }]);
		expect(parts.slice(1).flatMap((p) => p.headings)).toEqual([]);
	});

	it('keeps a short passage of another kind when it does not sit inside one passage', () => {
		const short = article.slice(0, 8);
		const d = documentOf(1, short);
		const r = readingRows({ documentId: 1, documents: { 1: d.sentences }, alignments: [] });
		const p = tableOfContents({ documentId: 1, documents: { 1: d }, rows: r, repeats: [] });
		// Alone in its language with no translation: one passage, then the page number, then more.
		expect(p.map((x) => x.kind)).toEqual(['no-counterpart']);
		expect(p[0]).toMatchObject({ from: 0, to: 7 });
	});
});

describe('headings in a repeat', () => {
	it('are not listed: the view shows a repeat as its changes, not its lines', () => {
		const d = documentOf(1, [
			['Prices', 'en', 0],
			['Maize costs more this year than last.', 'en', 1],
			['Prices', 'en', 2],
			['Maize costs more this year than before.', 'en', 3]
		]);
		const repeated = [{ first: { start: 0, end: 2 }, second: { start: 2, end: 4 } }];
		const r = readingRows({
			documentId: 1,
			documents: { 1: d.sentences },
			alignments: [],
			repeats: repeated
		});
		const p = tableOfContents({ documentId: 1, documents: { 1: d }, rows: r, repeats: repeated });
		expect(p.map((x) => [x.kind, x.headings.map((h) => h.sentence)])).toEqual([
			['no-counterpart', [0]],
			['repeat', []]
		]);
	});
});

describe('needsContents', () => {
	it('wants contents for a mixed text, not for a short one of one kind', () => {
		const parts = tableOfContents(input);
		expect(needsContents(rows.length, parts)).toBe(true);
		const one = parts.slice(0, 1);
		expect(needsContents(5, one)).toBe(false);
		// Long, but one passage with no headings: nothing to navigate by.
		expect(needsContents(500, [{ ...one[0], headings: [] }])).toBe(false);
		const headed = { ...one[0], headings: [one[0].headings[0], one[0].headings[0]] };
		expect(needsContents(500, [headed])).toBe(true);
	});
});

describe('sentencePlaces and rowSentenceNumbers', () => {
	it('places the later side of a pair inside the text at its pointer row', () => {
		const places = sentencePlaces(rows, 1, article.length);
		const pointer = rows.findIndex((r) => r.kind === 'elsewhere');
		expect(places.slice(16, 19)).toEqual([pointer, pointer, pointer]);
		const pair = rows.findIndex((r) => r.kind === 'pair' && r.en.sentences[0] === 13);
		expect(places[13]).toBe(pair);
		expect(places.every((p) => p >= 0)).toBe(true);
		// Reading order is document order.
		expect(places).toEqual([...places].sort((a, b) => a - b));
	});

	it('numbers each row by its first sentence, a translation-only row by the one before', () => {
		const withExtra = readingRows({
			documentId: 1,
			documents: { 1: doc.sentences, 2: translation.sentences },
			alignments: [
				{
					...alignments[0],
					beads: [
						{ en: [0], es: [0], confidence: 1 },
						{ en: [], es: [1], confidence: 1 },
						{ en: [1], es: [2], confidence: 1 }
					]
				}
			]
		});
		const numbers = rowSentenceNumbers(withExtra, 1, article.length);
		const only = withExtra.findIndex((r) => r.kind === 'alone' && r.reason === 'translation-only');
		expect(only).toBe(1);
		expect(numbers.slice(0, 3)).toEqual([0, 0, 1]);
		// The last row holds the closing paragraph, sentences 19 and 20.
		expect(numbers.at(-1)).toBe(19);
	});
});

describe('isHeadingLine', () => {
	it('takes short unpunctuated lines with words, not sentences or numbers', () => {
		for (const line of ['DESCRIPTION', 'See also', 'VÉASE TAMBIÉN', 'La Toma de Lima'])
			expect(isHeadingLine(line), line).toBe(true);
		for (const line of [
			'The market opens at dawn.',
			'12',
			'V:0, I:1',
			'Who was there?',
			'A very long line that keeps going well past what anyone would print as a heading'
		])
			expect(isHeadingLine(line), line).toBe(false);
	});
});
