// Turns at the store's write lock (write-turns.ts, issue #12): a write on this thread while a
// worker holds the lock waits for it without holding the event loop, and lands after the worker's
// commit; when a worker's turn ends, the writers waiting here go before the next worker; a turn
// whose job ended without saying so ends all the same; and during a real glossary import in the
// pool, writes here never meet the worker's lock (their connection has no busy timeout, so
// meeting it would fail them) and nothing either side wrote is lost. The connection here has
// busy_timeout 0 throughout: a write that met the lock would throw SQLITE_BUSY, not wait.
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Worker } from 'node:worker_threads';
import { openDb, type Db } from '$lib/server/db';
import { closePool } from '$lib/server/analysis-pool';
import { HeavyJobs } from '$lib/server/heavy-jobs';
import { importGlossaryInPool, listGlossary, seedGlossary } from '$lib/server/glossary';
import { storeWriteTurns, StoreWriteTurns } from '$lib/server/write-turns';
import { holdingWorker as holdingWorkerOf } from './holding-worker';
import { exportGlossaryCsv } from '$lib/core/formats/glossary-csv';
import type { GlossaryEntry } from '$lib/core/glossary';

let dir: string;
let db: Db;
const workers: Worker[] = [];

beforeEach(() => {
	dir = mkdtempSync(join(tmpdir(), 'puente-write-turns-'));
	db = openDb(join(dir, 'store.db'));
	db.pragma('busy_timeout = 0');
});
afterEach(async () => {
	await Promise.all(workers.splice(0).map((w) => w.terminate()));
	db.close();
	rmSync(dir, { recursive: true, force: true });
});
afterAll(() => closePool());

/** A worker that writes `key` in a turn of `turns` and holds the lock until `release` is called. */
function holdingWorker(turns: StoreWriteTurns, key: string) {
	const held = holdingWorkerOf(turns, join(dir, 'store.db'), key);
	workers.push(held.worker);
	return held;
}

const write = (key: string) =>
	db.prepare("INSERT INTO analysis_meta (key, value) VALUES (?, 'here')").run(key);
const keys = () =>
	(
		db.prepare("SELECT key FROM analysis_meta WHERE key LIKE 'test-%' ORDER BY rowid").all() as {
			key: string;
		}[]
	).map((r) => r.key);
const nextTurnOfTheLoop = () => new Promise((resolve) => setImmediate(resolve));

describe('turns at the write lock', () => {
	it('a write here waits for the worker’s transaction without holding the event loop, then lands after it', async () => {
		const turns = new StoreWriteTurns();
		const worker = holdingWorker(turns, 'test-worker');
		await worker.holding;
		expect(turns.workerWriting).toBe(true);
		// The worker really holds the lock: a write that did not wait for its turn fails at once.
		expect(() => write('test-too-soon')).toThrow(/locked|busy/i);

		const events: string[] = [];
		const writing = turns.writable().then(() => {
			events.push(`write here, seeing ${keys().join(', ') || 'nothing'}`);
			write('test-here');
		});
		await nextTurnOfTheLoop();
		events.push('event loop ran');
		worker.release();
		await writing;
		await worker.committed;

		expect(events).toEqual(['event loop ran', 'write here, seeing test-worker']);
		expect(keys()).toEqual(['test-worker', 'test-here']);
		expect(turns.workerWriting).toBe(false);
	});

	it('when a worker’s turn ends, the writers waiting here go before the next worker', async () => {
		const turns = new StoreWriteTurns();
		const first = holdingWorker(turns, 'test-first');
		await first.holding;
		const second = holdingWorker(turns, 'test-second');
		const order: string[] = [];
		void second.holding.then(() => order.push('second worker holding'));
		// The second worker has asked (it would be holding by now had it been granted).
		while (turns.workersAsking === 0) await nextTurnOfTheLoop();
		const writing = turns.writable().then(() => {
			write('test-here');
			order.push('write here');
		});
		first.release();
		await writing;
		await second.holding;
		second.release();
		await Promise.all([first.committed, second.committed]);

		expect(order).toEqual(['write here', 'second worker holding']);
		expect(keys()).toEqual(['test-first', 'test-here', 'test-second']);
	});

	it('a turn whose job ended without saying so (its thread died) ends when the job is closed', async () => {
		const turns = new StoreWriteTurns();
		const { ticket, close } = turns.ticket();
		ticket.port.postMessage('ask');
		while (!turns.workerWriting) await nextTurnOfTheLoop();
		let wrote = false;
		const writing = turns.writable().then(() => {
			write('test-here');
			wrote = true;
		});
		await nextTurnOfTheLoop();
		expect(wrote).toBe(false);
		close();
		await writing;
		expect(keys()).toEqual(['test-here']);
		ticket.port.close();
	});
});

describe('a glossary import in the pool beside writes here', () => {
	const entry = (i: number): GlossaryEntry =>
		({
			id: `turns-${i}`,
			type: 'concept',
			es: `término ${i}`,
			en: `term ${i}`,
			variants: [],
			explanation: { en: `Entry ${i}.`, es: `Entrada ${i}.` }
		}) as GlossaryEntry;

	it('writes here never meet the worker’s lock, and nothing either side wrote is lost', async () => {
		seedGlossary(db);
		const seeded = listGlossary(db).length;
		const n = 20_000;
		const csv = exportGlossaryCsv(Array.from({ length: n }, (_, i) => entry(i)));
		let done = false;
		const importing = importGlossaryInPool(
			db,
			'csv',
			new TextEncoder().encode(csv),
			{},
			new HeavyJobs(1)
		).finally(() => (done = true));

		// A small write here on every turn of the loop while the import runs, each after awaiting
		// its turn; with busy_timeout 0 one that met the worker's lock would throw.
		const written: string[] = [];
		let duringWorkerTurn = 0;
		while (!done) {
			if (storeWriteTurns.workerWriting) duringWorkerTurn++;
			await storeWriteTurns.writable();
			const key = `test-${written.length}`;
			write(key);
			written.push(key);
			await nextTurnOfTheLoop();
		}
		const result = await importing;

		expect(result).toEqual({ ok: true, value: { added: n, updated: 0, unchanged: 0 } });
		expect(listGlossary(db)).toHaveLength(seeded + n);
		expect(keys()).toEqual(written);
		// The writes did run while the worker had its turn (else this test showed nothing).
		expect(duringWorkerTurn).toBeGreaterThan(0);
	});
});
