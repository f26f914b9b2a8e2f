// The reader page's first screen is a cut of the same page, never a page built apart: on a real
// SQLite file, with a stored and analysed book (more rows than the page renders whole) and a short
// text, readerPage with `firstScreen` gives the whole page's first rows and what they show.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '$lib/server/db';
import { addPair } from '$lib/server/contribute';
import { analysisFor } from '$lib/server/analysis';
import { readerStore } from './reader-store';
import { HEAD_ROWS, readerHead, readerPage } from '$lib/server/reader';
import { WHOLE_LIST_ROWS } from '$lib/reader/windowed';

// One sentence a paragraph, so that every pair is a row of its own.
const PAIRS = WHOLE_LIST_ROWS + 40;
const ENGLISH = Array.from({ length: PAIRS }, (_, i) => `On day ${i + 1} the river was calm.`);
const SPANISH = Array.from({ length: PAIRS }, (_, i) => `El día ${i + 1} el río estaba tranquilo.`);

let remove: () => void;
let db: Db;
let book: string;
let short: string;

beforeAll(async () => {
	({ db, remove } = readerStore('reader-head'));
	const added = addPair(db, {
		title: 'Calm river',
		en: ENGLISH.join('\n\n'),
		es: SPANISH.join('\n\n'),
		via: 'paste'
	});
	const few = addPair(db, {
		title: 'Three days',
		en: ENGLISH.slice(0, 3).join(' '),
		es: SPANISH.slice(0, 3).join(' '),
		via: 'paste'
	});
	if (!added.ok || !few.ok) throw new Error('the texts were not added');
	book = added.slug;
	short = few.slug;
	analysisFor(db).kick();
	await analysisFor(db).idle();
}, 60_000);

afterAll(() => {
	remove();
});

describe("the reader page's first screen", () => {
	it("is a book's whole page cut after its first rows", () => {
		const whole = readerPage(db, book, undefined)!;
		const head = readerPage(db, book, undefined, { firstScreen: true })!;
		expect(whole.reader.rows.length).toBeGreaterThan(WHOLE_LIST_ROWS);
		expect(whole.reader.partial).toBeUndefined();

		expect(head.document).toEqual(whole.document);
		expect(head.reader.analysis).toEqual(whole.reader.analysis);
		expect(head.reader.rows).toEqual(whole.reader.rows.slice(0, HEAD_ROWS));
		expect(head.reader.partial).toEqual({ rowCount: whole.reader.rows.length });
		// The table of contents needs every row: the head keeps the whole's.
		expect(head.reader.contents).toEqual(whole.reader.contents);
		for (const [id, doc] of Object.entries(whole.reader.documents)) {
			const cut = head.reader.documents[Number(id)];
			expect(whole.reader.documents[Number(id)].text.startsWith(cut.text)).toBe(true);
			expect(cut.text.length).toBeLessThan(doc.text.length);
			expect(cut.sentences).toEqual(doc.sentences.slice(0, cut.sentences.length));
		}
		// Everything else is the cut of this very page.
		const { analysis, ...data } = whole.reader;
		expect(head.reader).toEqual({ ...readerHead(data, HEAD_ROWS), analysis });
	});

	it('is the whole page for a text short enough to render whole', () => {
		const whole = readerPage(db, short, undefined)!;
		expect(whole.reader.rows.length).toBeLessThanOrEqual(WHOLE_LIST_ROWS);
		expect(readerPage(db, short, undefined, { firstScreen: true })).toEqual(whole);
	});

	it('is undefined, as the page is, for no such document', () => {
		expect(readerPage(db, 'no-such-text', undefined, { firstScreen: true })).toBeUndefined();
	});
});
