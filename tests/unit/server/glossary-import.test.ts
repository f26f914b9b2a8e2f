// A glossary import through the worker pool (what the glossary page runs) leaves the store as the
// same import on this thread does, row for row: on a store file (the worker writes with its own
// connection) and on an in-memory store (the worker checks, this thread writes). A bad file is
// refused with the same message naming its line or entry, and nothing is written; a write that
// fails midway in the worker leaves no part of the file behind; past the bound, 'busy'.
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDb, type Db } from '$lib/server/db';
import { closePool } from '$lib/server/analysis-pool';
import { HeavyJobs } from '$lib/server/heavy-jobs';
import {
	deleteGlossaryEntry,
	importGlossaryFile,
	importGlossaryInPool,
	listGlossary,
	seedGlossary,
	toGlossaryEntry
} from '$lib/server/glossary';
import type { GlossaryEntry } from '$lib/core/glossary';
import { exportGlossaryCsv } from '$lib/core/formats/glossary-csv';
import { exportTbx } from '$lib/core/formats/tbx';
import { checkGlossaryImport, writeGlossaryImport } from '$lib/server/glossary-import';

let dir: string;
const open: Db[] = [];
const jobs = new HeavyJobs(2);

/** A seeded store on a file of its own in the test's folder. */
function store(name: string): Db {
	const db = openDb(join(dir, `${name}.db`));
	seedGlossary(db);
	open.push(db);
	return db;
}

beforeEach(() => {
	dir = mkdtempSync(join(tmpdir(), 'puente-glossary-import-'));
});
afterEach(() => {
	for (const db of open.splice(0)) db.close();
	rmSync(dir, { recursive: true, force: true });
});
afterAll(() => closePool());

/** Every row of the glossary table as stored, but the time of the write. */
const rows = (db: Db) =>
	db
		.prepare(
			`SELECT id, type, es, en, variants, explanation_en, explanation_es, first_occurrence,
			   origin, deleted, version FROM glossary_entries ORDER BY id`
		)
		.all();

const entry = (id: string, es: string, en: string): GlossaryEntry =>
	({
		id,
		type: 'concept',
		es,
		en,
		variants: [],
		explanation: { en: `${en}, explained.`, es: `${es}, explicado.` }
	}) as GlossaryEntry;

/**
 * A file that adds entries, changes one seeded entry, restores a removed one (removed in each
 * store before the import) and repeats one unchanged: every path of the write.
 */
function fileFor(db: Db, format: 'csv' | 'tbx'): { bytes: Uint8Array; removed: string } {
	const [changed, removed, same] = listGlossary(db).map(toGlossaryEntry);
	const entries = [
		{ ...changed, en: `${changed.en} changed` },
		removed,
		same,
		...Array.from({ length: 40 }, (_, i) => entry(`olla-${i}`, `olla común ${i}`, `kitchen ${i}`))
	];
	const text = format === 'csv' ? exportGlossaryCsv(entries) : exportTbx(entries, { version: 2 });
	return { bytes: new TextEncoder().encode(text), removed: removed.id };
}

describe('glossary import in the worker pool', () => {
	for (const format of ['csv', 'tbx'] as const)
		it(`a ${format.toUpperCase()} file gives the rows and report the import on this thread gives`, async () => {
			const here = store('here');
			const pooled = store('pooled');
			const { bytes, removed } = fileFor(here, format);
			for (const db of [here, pooled]) deleteGlossaryEntry(db, removed);
			const before = rows(pooled);
			const expected = importGlossaryFile(here, format, bytes.slice());
			expect(expected).toMatchObject({ ok: true, value: { added: 40, updated: 2, unchanged: 1 } });
			const result = await importGlossaryInPool(pooled, format, bytes.slice(), {}, jobs);
			expect(result).toEqual(expected);
			expect(rows(pooled)).toEqual(rows(here));
			expect(rows(pooled)).not.toEqual(before);
		});

	it('on an in-memory store the worker checks and this thread writes, with the same rows', async () => {
		const here = store('here');
		const memory = openDb(':memory:');
		open.push(memory);
		seedGlossary(memory);
		const { bytes, removed } = fileFor(here, 'csv');
		for (const db of [here, memory]) deleteGlossaryEntry(db, removed);
		const expected = importGlossaryFile(here, 'csv', bytes.slice());
		expect(await importGlossaryInPool(memory, 'csv', bytes.slice(), {}, jobs)).toEqual(expected);
		expect(rows(memory)).toEqual(rows(here));
	});

	it('refuses a bad file with the message naming its line, and writes nothing', async () => {
		const pooled = store('pooled');
		const before = rows(pooled);
		const good = exportGlossaryCsv([entry('uno', 'uno', 'one'), entry('dos', 'dos', 'two')]);
		// The third line lost a field.
		const lines = good.split('\r\n');
		lines[2] = lines[2].replace(/,[^,]*$/, '');
		const bad = new TextEncoder().encode(lines.join('\r\n'));
		const expected = importGlossaryFile(pooled, 'csv', bad.slice());
		expect(expected.ok).toBe(false);
		if (!expected.ok) expect(expected.error.params?.detail).toMatch(/^line 3: /);
		expect(await importGlossaryInPool(pooled, 'csv', bad, {}, jobs)).toEqual(expected);
		expect(rows(pooled)).toEqual(before);
	});

	it('refuses a TBX entry with no English term, naming its line, and writes nothing', async () => {
		const pooled = store('pooled');
		const before = rows(pooled);
		const file = exportTbx([entry('uno', 'uno', 'one'), entry('roto', 'roto', '   ')], {
			version: 2
		});
		const bytes = new TextEncoder().encode(file);
		const expected = importGlossaryFile(pooled, 'tbx', bytes.slice());
		expect(expected.ok).toBe(false);
		if (!expected.ok) expect(expected.error.params?.detail).toMatch(/^line \d+: entry “roto”/);
		expect(await importGlossaryInPool(pooled, 'tbx', bytes, {}, jobs)).toEqual(expected);
		expect(rows(pooled)).toEqual(before);
	});

	it('leaves no part of the file behind when the write fails midway in the worker', async () => {
		const pooled = store('pooled');
		// The store refuses the file's last entry, after the worker has written the others.
		pooled.exec(`CREATE TRIGGER refuse_last BEFORE INSERT ON glossary_entries
			WHEN NEW.id = 'olla-39' BEGIN SELECT RAISE(ABORT, 'refused by the test'); END`);
		const before = rows(pooled);
		const { bytes } = fileFor(pooled, 'csv');
		await expect(importGlossaryInPool(pooled, 'csv', bytes, {}, jobs)).rejects.toThrow(
			/refused by the test/
		);
		expect(rows(pooled)).toEqual(before);
	});

	it("answers 'busy' past the bound on heavy jobs, and that import writes nothing", async () => {
		const first = store('first');
		const second = store('second');
		const before = rows(second);
		const one = new HeavyJobs(1);
		const running = importGlossaryInPool(first, 'csv', fileFor(first, 'csv').bytes, {}, one);
		expect(await importGlossaryInPool(second, 'csv', fileFor(second, 'csv').bytes, {}, one)).toBe(
			'busy'
		);
		expect(await running).toMatchObject({ ok: true });
		expect(rows(second)).toEqual(before);
	});
});

describe('the write of an import', () => {
	it('decides again under the write lock when an edit lands after its read snapshot', () => {
		const db = store('here');
		const edits = openDb(join(dir, 'here.db'));
		open.push(edits);
		const [kept, other] = listGlossary(db).map(toGlossaryEntry);
		const added = entry('olla-nueva', 'olla nueva', 'new pot');
		const checked = checkGlossaryImport('csv', exportGlossaryCsv([kept, other, added]));
		if (!checked.ok) throw new Error('the file should read');
		// Another connection removes `kept` right after the snapshot was read: the snapshot says
		// "unchanged", but the write that follows must restore it, as it would have had the
		// removal come first. (A file with nothing to write takes no lock: it counts as applied
		// at its snapshot, before the removal.)
		const racing = new Proxy(db, {
			get(target, key) {
				if (key !== 'transaction') {
					const value = Reflect.get(target, key);
					return typeof value === 'function' ? value.bind(target) : value;
				}
				return (work: () => unknown) => {
					const transaction = target.transaction(work);
					return {
						deferred: () => {
							const read = transaction.deferred();
							deleteGlossaryEntry(edits, kept.id);
							return read;
						},
						immediate: () => transaction.immediate()
					};
				};
			}
		});
		expect(writeGlossaryImport(racing, checked.value)).toEqual({
			added: 1,
			updated: 1,
			unchanged: 1
		});
		expect(listGlossary(db).some((e) => e.id === kept.id)).toBe(true);
	});

	it('takes no write lock for a file that changes nothing', () => {
		const db = store('here');
		const checked = checkGlossaryImport(
			'csv',
			exportGlossaryCsv(listGlossary(db).map(toGlossaryEntry))
		);
		if (!checked.ok) throw new Error('the file should read');
		// Another connection holds the write lock: a write would wait for it, then fail.
		const holder = openDb(join(dir, 'here.db'));
		open.push(holder);
		holder.pragma('busy_timeout = 0');
		db.pragma('busy_timeout = 0');
		holder.exec('BEGIN IMMEDIATE');
		try {
			expect(writeGlossaryImport(db, checked.value)).toMatchObject({ added: 0, updated: 0 });
		} finally {
			holder.exec('ROLLBACK');
		}
	});
});
