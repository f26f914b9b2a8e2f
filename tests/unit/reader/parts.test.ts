import { describe, expect, it } from 'vitest';
import type { ReadingRow } from '$lib/core/reading/rows';
import type { ReaderData, ReaderDocument } from '$lib/reader/model';
import { fetchReaderData } from '$lib/reader/fetch';
import {
	joinReaderData,
	joinReaderPrefix,
	partCount,
	readerDataPart,
	ROWS_PER_PART
} from '$lib/reader/parts';
import { findMatches, foldWithOffsets, searchUnits } from '$lib/reader/search';
import { termsBySentence, termsInSentence, type TermMark } from '$lib/reader/pieces';
import { documentOf, type Line } from './fixture';

// A text and its translation of `n` sentences each, one pair a row, with glossary marks and
// characters outside the BMP (a cut between parts may fall inside one).
function book(n: number): ReaderData {
	const en: Line[] = Array.from({ length: n }, (_, i) => [
		`The march 🚩 reached Lima (${i}).`,
		'en',
		i
	]);
	const es: Line[] = Array.from({ length: n }, (_, i) => [
		`La marcha 🚩 llegó a Lima (${i}).`,
		'es',
		i
	]);
	const documents: Record<number, ReaderDocument> = { 1: documentOf(1, en), 2: documentOf(2, es) };
	const rows: ReadingRow[] = Array.from({ length: n }, (_, i) => ({
		kind: 'pair',
		key: `1:${i}`,
		alignment: 0,
		bead: i,
		en: { doc: 1, sentences: [i] },
		es: { doc: 2, sentences: [i] },
		confidence: 0.9,
		reviewed: false
	}));
	const marks = (doc: number, word: string): TermMark[] =>
		documents[doc].sentences.map((s, i) => {
			const at = documents[doc].text.indexOf(word, s.start);
			return { start: at, end: at + word.length, entryId: `lima-${i % 3}` };
		});
	return {
		documentId: 1,
		documents,
		alignments: [
			{
				id: 7,
				kind: 'translation',
				enDocumentId: 1,
				esDocumentId: 2,
				version: 3,
				edited: false,
				beads: n
			}
		],
		rows,
		partners: [{ alignmentId: 7, slug: 'doc-2', title: 'Document 2' }],
		translationId: 7,
		terms: { 1: marks(1, 'Lima'), 2: marks(2, 'Lima') },
		glossary: {},
		repeats: [],
		runs: [
			{
				start: 0,
				end: documents[1].text.length,
				lang: 'en',
				confidence: 0.9,
				sentenceStart: 0,
				sentenceEnd: n
			}
		]
	};
}

/** A part as the server sends it: through JSON, with the analysis state put first. */
const sent = (data: ReaderData, part: number, parts: number) =>
	`{"analysis":{"state":"ready"},${JSON.stringify(readerDataPart(data, part, parts)).slice(1)}`;

describe('reader data in parts', () => {
	it('joins back to the same data, whatever the number of parts and their order', () => {
		const data = book(23);
		for (const parts of [1, 2, 3, 5, 23, 30]) {
			const received = Array.from({ length: parts }, (_, k) => JSON.parse(sent(data, k, parts)));
			expect(joinReaderData(received)).toEqual(data);
			expect(joinReaderData(received.reverse())).toEqual(data);
		}
	});

	it('shares out the rows, text, sentences and marks, and sends the rest once', () => {
		const data = book(40);
		const parts = [0, 1, 2, 3].map((k) => readerDataPart(data, k, 4));
		expect(parts.map((p) => p.rows.length)).toEqual([10, 10, 10, 10]);
		expect(parts.map((p) => p.documents[1].sentences.length)).toEqual([10, 10, 10, 10]);
		expect(parts[0].rest?.alignments).toEqual(data.alignments);
		expect(parts.slice(1).every((p) => p.rest === undefined)).toBe(true);
		const sizes = [0, 1, 2, 3].map((k) => sent(data, k, 4).length);
		expect(Math.max(...sizes)).toBeLessThan((sent(data, 0, 1).length / 4) * 1.5);
	});

	it('joins nothing from a missing part, a part given twice, or parts of different cuts', () => {
		const data = book(12);
		const parts = (n: number) => Array.from({ length: n }, (_, k) => readerDataPart(data, k, n));
		expect(joinReaderData(parts(3).slice(0, 2))).toBeUndefined();
		expect(joinReaderData(parts(3).slice(1))).toBeUndefined();
		expect(joinReaderData([...parts(2), parts(2)[1]])).toBeUndefined();
		expect(joinReaderData([parts(2)[0], parts(3)[1]])).toBeUndefined();
		expect(joinReaderData([])).toBeUndefined();
	});

	it('sends a book in parts of at most ROWS_PER_PART rows', () => {
		expect(partCount(0)).toBe(1);
		expect(partCount(ROWS_PER_PART)).toBe(1);
		expect(partCount(ROWS_PER_PART + 1)).toBe(2);
		expect(partCount(20_000)).toBe(Math.ceil(20_000 / ROWS_PER_PART));
	});
});

describe('joinReaderPrefix', () => {
	/** Every match of `query` side by side, as document, sentence and offsets. */
	const search = (data: ReaderData, query: string) =>
		findMatches(
			query,
			searchUnits(data.rows, data.documentId, data.documents[1].sentences.length, {
				view: 'parallel',
				swapped: false
			}),
			data.documents,
			(doc) => foldWithOffsets(data.documents[doc].text)
		).map((m) => `${m.doc}:${m.sentence}:${m.start}-${m.end}`);

	it('holds the rows of the parts received and the sentences whose text is in', () => {
		const data = book(23);
		const parts = Array.from({ length: 5 }, (_, k) => JSON.parse(sent(data, k, 5)));
		for (let k = 1; k < 5; k++) {
			const prefix = joinReaderPrefix(parts.slice(0, k), 23);
			expect(prefix?.partial).toEqual({ rowCount: 23 });
			expect(prefix?.rows).toEqual(data.rows.slice(0, prefix?.rows.length));
			expect(prefix?.rows.length).toBe(parts.slice(0, k).flatMap((p) => p.rows).length);
			for (const id of [1, 2]) {
				const [whole, part] = [data.documents[id], prefix!.documents[id]];
				expect(part.sentences.length).toBeGreaterThan(0);
				expect(part.sentences).toEqual(whole.sentences.slice(0, part.sentences.length));
				expect(part.text).toBe(whole.text.slice(0, part.sentences.at(-1)!.end));
				expect(prefix!.terms[id].every((m) => m.end <= part.text.length)).toBe(true);
			}
			// A search of what has arrived finds what a search of the whole finds there, no more.
			const [some, all] = [search(prefix!, 'lima'), search(data, 'lima')];
			expect(some.length).toBeGreaterThan(0);
			expect(some.length).toBeLessThan(all.length);
			expect(all).toEqual(expect.arrayContaining(some));
		}
	});

	it('joins nothing without part 0, or from parts out of order or of different cuts', () => {
		const data = book(12);
		const parts = (n: number) => Array.from({ length: n }, (_, k) => readerDataPart(data, k, n));
		expect(joinReaderPrefix([], 12)).toBeUndefined();
		expect(joinReaderPrefix(parts(3).slice(1), 12)).toBeUndefined();
		expect(joinReaderPrefix([parts(3)[0], parts(3)[2]], 12)).toBeUndefined();
		expect(joinReaderPrefix([parts(2)[0], parts(3)[1]], 12)).toBeUndefined();
	});
});

describe('fetchReaderData', () => {
	const serve =
		(data: ReaderData, asked: string[], failing?: number) =>
		async (input: RequestInfo | URL): Promise<Response> => {
			const url = new URL(String(input), 'http://puente.test');
			asked.push(url.pathname + url.search);
			const part = Number(url.searchParams.get('part'));
			if (part === failing) return new Response('{}', { status: 500 });
			return new Response(sent(data, part, 3));
		};

	it('fetches every part, one after another, and joins them', async () => {
		const data = book(9);
		const asked: string[] = [];
		const whole = await fetchReaderData(
			'/doc/1/reader.json',
			'doc-2',
			3,
			new AbortController().signal,
			serve(data, asked) as typeof fetch
		);
		expect(whole).toEqual(data);
		expect(asked).toEqual([0, 1, 2].map((k) => `/doc/1/reader.json?part=${k}&with=doc-2`));
	});

	it('tells of each part as it arrives, but the last, with all received so far', async () => {
		const data = book(9);
		const heard: number[][] = [];
		const whole = await fetchReaderData(
			'/doc/1/reader.json',
			null,
			3,
			new AbortController().signal,
			serve(data, []) as typeof fetch,
			(received) => heard.push(received.map((p) => p.part))
		);
		expect(heard).toEqual([[0], [0, 1]]);
		expect(whole).toEqual(data);
	});

	it('gives nothing when a part fails', async () => {
		const asked: string[] = [];
		const whole = await fetchReaderData(
			'/doc/1/reader.json',
			null,
			3,
			new AbortController().signal,
			serve(book(9), asked, 1) as typeof fetch
		);
		expect(whole).toBeNull();
		expect(asked).toEqual(['/doc/1/reader.json?part=0', '/doc/1/reader.json?part=1']);
	});
});

describe('termsInSentence', () => {
	it('finds the marks termsBySentence groups under each sentence', () => {
		const doc = documentOf(1, [
			['La Toma de Lima began.', 'en', 0],
			['The OAS met in Lima.', 'en', 0],
			['Nothing here.', 'en', 1],
			['CGTP and OEA.', 'en', 2]
		]);
		const at = (word: string, from = 0) => doc.text.indexOf(word, from);
		const terms: TermMark[] = [
			{ start: at('Toma de Lima'), end: at('Toma de Lima') + 12, entryId: 'toma' },
			{ start: at('Lima'), end: at('Lima') + 4, entryId: 'lima' },
			{ start: at('La Toma'), end: at('La Toma') + 7, entryId: 'la-toma' },
			{ start: at('OAS'), end: at('OAS') + 3, entryId: 'oas' },
			{ start: at('Lima', 30), end: at('Lima', 30) + 4, entryId: 'lima' },
			// across two sentences: in neither
			{ start: at('began'), end: at('OAS'), entryId: 'across' },
			{ start: at('OEA'), end: at('OEA') + 3, entryId: 'oea' },
			{ start: at('CGTP'), end: at('CGTP') + 4, entryId: 'cgtp' }
		];
		const sorted = [...terms].sort((a, b) => a.start - b.start);
		const grouped = termsBySentence(doc.sentences, terms);
		doc.sentences.forEach((sentence, i) =>
			expect(termsInSentence(sorted, sentence)).toEqual(grouped[i])
		);
		expect(grouped.map((g) => g.length)).toEqual([3, 2, 0, 2]);
	});
});
