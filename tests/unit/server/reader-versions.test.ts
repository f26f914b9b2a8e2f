// The reader page carries the version of every document it shows, its translation's too: a
// sentence edit must name the version of the document it changes, and the editing toolbar reads
// it from the page data. A real SQLite file, the analysis worker's tasks run in this thread.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '$lib/server/db';
import { analysisFor } from '$lib/server/analysis';
import { readerStore } from './reader-store';
import { addMarch } from './march-pair';
import { changeSentence } from '$lib/server/document-edits';
import { readerHead, readerJson, readerPage } from '$lib/server/reader';
import type { ReaderData } from '$lib/reader/model';
import type { ReadingRow } from '$lib/core/reading/rows';

let remove: () => void;
let db: Db;
let enId: number;
let esId: number;

beforeEach(async () => {
	({ db, remove } = readerStore('reader-versions'));
	[enId, esId] = await addMarch(db);
});

afterEach(() => {
	remove();
});

const storedVersion = (id: number) =>
	(db.prepare('SELECT version FROM documents WHERE id = ?').get(id) as { version: number }).version;
const jsonOf = (slug: string) =>
	JSON.parse(Buffer.from(readerJson(db, slug, undefined)!.body).toString('utf8')) as ReaderData;

describe('the reader page data names each document version', () => {
	it('gives the translation its own version, and an edit of it made with that version lands', async () => {
		// The translation's version moves on first, so the two documents' versions differ.
		const first = changeSentence(db, esId, 3, storedVersion(esId), {
			kind: 'edit-text',
			text: 'Las escuelas siguieron cerradas toda una semana.'
		});
		expect(first.ok).toBe(true);
		await analysisFor(db).idle();
		expect(storedVersion(esId)).not.toBe(storedVersion(enId));

		const slug = String(enId);
		for (const data of [
			readerPage(db, slug, undefined)!.reader,
			readerPage(db, slug, undefined, { firstScreen: true })!.reader,
			jsonOf(slug)
		]) {
			expect(Object.keys(data.documents).map(Number).sort()).toEqual([enId, esId].sort());
			expect(data.documents[enId].version).toBe(storedVersion(enId));
			expect(data.documents[esId].version).toBe(storedVersion(esId));
		}

		// What the toolbar sends for a sentence of the translation: the version the page carries.
		const seen = readerPage(db, slug, undefined)!.reader.documents[esId].version;
		const edit = changeSentence(db, esId, 1, seen, {
			kind: 'edit-text',
			text: 'El alcalde cerró el viejo puente.'
		});
		expect(edit.ok).toBe(true);
		await analysisFor(db).idle();
		// The English page shows the new text and the new version, so the next edit lands as well.
		const after = readerPage(db, slug, undefined)!.reader.documents[esId];
		expect(after.version).toBe(storedVersion(esId));
		expect(after.version).not.toBe(seen);
		expect(after.text).toContain('El alcalde cerró el viejo puente.');
		// The version it replaced is refused, as a second tab's would be.
		const stale = changeSentence(db, esId, 0, seen, { kind: 'edit-text', text: 'Otra frase.' });
		expect(stale.ok).toBe(false);
	});

	it("keeps every document's version in a book's first screen", () => {
		const whole = readerPage(db, String(enId), undefined)!.reader;
		// A book: more rows than the page renders whole (the same rows again, as far as the head cares).
		const rows: ReadingRow[] = Array.from({ length: 400 }, (_, i) => ({
			...whole.rows[i % whole.rows.length],
			key: `r${i}`
		}));
		const head = readerHead({ ...whole, rows }, 40);
		expect(head.partial?.rowCount).toBe(400);
		expect(head.documents[enId].version).toBe(storedVersion(enId));
		expect(head.documents[esId].version).toBe(storedVersion(esId));
	});
});
