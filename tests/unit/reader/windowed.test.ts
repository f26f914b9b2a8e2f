// What the page knows of a windowed view without its DOM (ViewIndex), and a book's first screen
// of data (readerHead): both over a generated text and translation laid out by readingRows.
import { describe, expect, it } from 'vitest';
import { readingRows, type RowAlignment } from '$lib/core/reading/rows';
import type { ReaderData } from '$lib/reader/model';
import { viewIndex, WHOLE_LIST_ROWS } from '$lib/reader/windowed';
import { readerHead } from '$lib/server/reader';
import { documentOf, type Line } from './fixture';

/** n English sentences and their Spanish translations, one paragraph each; sentence 3 of each is left untranslated. */
function book(n: number): ReaderData {
	const en: Line[] = Array.from({ length: n }, (_, i) => [`Day ${i + 1} was dry.`, 'en', i]);
	const es: Line[] = Array.from({ length: n }, (_, i) => [`El día ${i + 1} fue seco.`, 'es', i]);
	const documents = { 1: documentOf(1, en), 2: documentOf(2, es) };
	const alignment: RowAlignment = {
		id: 7,
		kind: 'translation',
		enDocumentId: 1,
		esDocumentId: 2,
		beads: Array.from({ length: n }, (_, i) => i)
			.filter((i) => i !== 3)
			.map((i) => ({ en: [i], es: [i], confidence: 0.9 }))
	};
	const rows = readingRows({
		documentId: 1,
		documents: { 1: documents[1].sentences, 2: documents[2].sentences },
		alignments: [alignment]
	});
	return {
		documentId: 1,
		documents,
		alignments: [],
		rows,
		partners: [],
		translationId: 7,
		terms: { 1: [{ start: 0, end: 3, entryId: 'day' }], 2: [] },
		glossary: {
			day: { id: 'day', type: 'term', en: 'day', es: 'día', explanation: { en: '', es: '' } }
		},
		repeats: [],
		runs: []
	};
}

describe('viewIndex', () => {
	const data = book(12);
	const stops = data.rows.map((row, at) => ({
		item: at,
		at,
		key: row.kind === 'elsewhere' ? undefined : row.key,
		sides: row.kind === 'pair' ? [row.en, row.es] : row.kind === 'elsewhere' ? [] : [row.side]
	}));
	const index = viewIndex('parallel', () => stops);

	it('lists the rows j/k step through in order, each once', () => {
		expect(index.keys).toEqual(data.rows.map((r) => r.key));
		expect(new Set(index.keys).size).toBe(index.keys.length);
	});

	it('finds the item of a sentence on either side, and of a row key', () => {
		const row = data.rows.findIndex((r) => r.kind === 'pair' && r.en.sentences[0] === 9);
		expect(index.itemOfSentence(1, 9)).toBe(row);
		expect(index.itemOfSentence(2, 9)).toBe(row);
		expect(index.itemOfKey.get(data.rows[row].key)).toBe(row);
		expect(index.itemOfSentence(3, 0)).toBeUndefined();
	});

	it('lands on the first stop at or after a row, the last one past the end', () => {
		// The one-language view leaves out rows with nothing in its language.
		const spanishOnly = viewIndex('single', () =>
			stops.filter((s) => s.at % 2 === 0).map((s, item) => ({ ...s, item }))
		);
		expect(spanishOnly.landing(3)).toEqual({ item: 2, at: 4 });
		expect(spanishOnly.landing(4)).toEqual({ item: 2, at: 4 });
		expect(spanishOnly.landing(999)).toEqual({ item: 5, at: 10 });
		expect(viewIndex('single', () => []).landing(0)).toBeUndefined();
	});
});

describe('readerHead', () => {
	it('keeps a short text whole', () => {
		const data = book(20);
		expect(readerHead(data, 5)).toBe(data);
	});

	it('cuts a book to its first rows and what they show, saying how many rows there are', () => {
		const data = book(WHOLE_LIST_ROWS + 50);
		const head = readerHead(data, 10);
		expect(head.rows).toEqual(data.rows.slice(0, 10));
		expect(head.partial).toEqual({ rowCount: data.rows.length });
		for (const id of [1, 2]) {
			const shown = head.rows.flatMap((r) =>
				r.kind === 'pair' ? [r.en, r.es] : r.kind === 'elsewhere' ? [] : [r.side]
			);
			const last = Math.max(...shown.filter((s) => s.doc === id).flatMap((s) => s.sentences));
			const doc = head.documents[id];
			expect(doc.sentences).toEqual(data.documents[id].sentences.slice(0, last + 1));
			// Every sentence it keeps reads as in the whole text.
			for (const s of doc.sentences)
				expect(doc.text.slice(s.start, s.end)).toBe(data.documents[id].text.slice(s.start, s.end));
			expect(doc.text.length).toBeLessThan(data.documents[id].text.length / 10);
		}
		expect(head.terms[1]).toEqual(data.terms[1]);
		expect(Object.keys(head.glossary)).toEqual(['day']);
	});
});
