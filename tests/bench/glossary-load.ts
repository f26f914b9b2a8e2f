// A large glossary imported through the glossary page, beside a small one in the same run: the
// import's answer time, the longest GET / answered while the import runs, the first GET / after
// it, GET / latency while the texts containing the changed terms are re-analysed, and the time
// until every text is analysed again. Issue #13 asks that a 50,000-entry glossary leave the
// library answering. Each size gets a fresh store and a fresh server process (no warm caches).
// Then, in this process (no server), the event loop while the largest glossary is imported
// (issue #12): its longest stall and p99 (a 5 ms timer's gaps, and monitorEventLoopDelay's
// max) with the import in the worker pool (importGlossaryInPool, what the page runs) beside the
// same import on the thread itself (importGlossaryFile, what the page ran before), each on a
// fresh seeded store, as bench:server measures a memory's import; and the cost of the worker's
// write lock to a small write on this thread every 50 ms meanwhile, side by side: writes that
// await their turn at the lock (storeWritable, write-turns.ts, as the server's writers do) and
// writes that do not (as every write did before; the worker's lock then holds the loop). Then
// the re-marking that follows such an import (the analysis queue's reconcileGlossary: which
// analysed texts contain a form of a changed entry), on copies of one store holding the bundled
// corpus's texts, analysed: its longest stall with the pool's worker doing the tasks beside every
// task on this thread, and a 3 s idle control; what a write on this thread waits meanwhile (the
// same two kinds of writes); and the stall while the marked texts are then analysed again.
// Prints numbers; asserts nothing.
// Run: `npm run bench:glossary-load` (SIZES=100,50000 by default; GLOSSARY_PARTS=server,loop,remark).
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Papa from 'papaparse';
import { GLOSSARY_CSV_COLUMNS } from '../../src/lib/core/formats/glossary-csv';
import { watchEventLoop } from './event-loop';
import { startServer } from './server-process';

const SIZES = (process.env.SIZES ?? '100,50000').split(',').map(Number);
const PARTS = new Set((process.env.GLOSSARY_PARTS ?? 'server,loop,remark').split(','));
const loadavg = () => readFileSync('/proc/loadavg', 'utf8').trim();

// The first entries are words the corpus uses, so the texts that contain them are analysed again
// with the whole glossary's matcher; the rest are made up.
const WORDS_IN_THE_CORPUS = [
	['gobierno', 'government'],
	['protesta', 'protest'],
	['policía', 'police'],
	['huelga', 'strike'],
	['presidente', 'president']
];

/** A glossary of `n` entries, each with a Spanish and an English form. */
function glossaryCsv(n: number): string {
	const rows = Array.from({ length: n }, (_, i) => ({
		id: `bench-term-${i}`,
		type: 'concept',
		es: WORDS_IN_THE_CORPUS[i]?.[0] ?? `término de prueba ${i}`,
		en: WORDS_IN_THE_CORPUS[i]?.[1] ?? `bench term ${i}`,
		variants: '',
		// Short, so that 50,000 entries stay under the 5 MB limit on an import.
		explanation_en: `Entry ${i}.`,
		explanation_es: `Entrada ${i}.`,
		first_occurrence_document: '',
		first_occurrence_quote: ''
	}));
	return Papa.unparse({
		fields: [...GLOSSARY_CSV_COLUMNS],
		data: rows.map((r) => GLOSSARY_CSV_COLUMNS.map((c) => r[c]))
	});
}

async function timed<T>(work: () => Promise<T>): Promise<[T, number]> {
	const started = performance.now();
	const value = await work();
	return [value, performance.now() - started];
}

/** Latencies of sequential GET / for `ms` milliseconds. */
async function libraryLatencies(base: string, ms: number): Promise<number[]> {
	const latencies: number[] = [];
	const end = Date.now() + ms;
	while (Date.now() < end) {
		const [, t] = await timed(async () => (await fetch(`${base}/`)).text());
		latencies.push(t);
	}
	return latencies.sort((a, b) => a - b);
}

/** Milliseconds until no text is pending analysis (polled through the documents API). */
async function untilAnalysed(base: string): Promise<number> {
	const started = performance.now();
	for (;;) {
		const docs = (await (await fetch(`${base}/api/documents`)).json()) as {
			documents: { analysis?: string }[];
		};
		if (docs.documents.every((d) => d.analysis !== 'pending')) return performance.now() - started;
		await new Promise((r) => setTimeout(r, 250));
	}
}

/** Latencies of sequential GET / until `done` settles: what a reader waited while it ran. */
async function latenciesWhile(base: string, done: Promise<unknown>): Promise<number[]> {
	let settled = false;
	void done.finally(() => (settled = true)).catch(() => {});
	const latencies: number[] = [];
	while (!settled) {
		const [, t] = await timed(async () => (await fetch(`${base}/`)).text());
		latencies.push(t);
	}
	return latencies.sort((a, b) => a - b);
}

const ms = (x: number) => x.toFixed(0);
const p99 = (sorted: number[]) => sorted[Math.floor(0.99 * (sorted.length - 1))] ?? 0;

type Store = import('../../src/lib/server/db').Db;

/**
 * A small write on this thread every 50 ms, as a saved word or an edit would be. With
 * `awaitTurn` each first awaits its turn at the write lock (storeWritable), as the server's
 * writers do; without, it writes at once, as every write did before, and meets the worker's
 * lock in SQLite's busy_timeout, the event loop waiting with it. `stop` says how long the writes
 * held the loop (the synchronous write itself) and how long each waited in all.
 */
async function probeWrites(db: Store, awaitTurn: boolean): Promise<{ stop: () => string }> {
	const { storeWritable } = await import('../../src/lib/server/write-turns');
	const write = db.prepare(
		`INSERT INTO analysis_meta (key, value) VALUES ('bench-probe', ?)
		 ON CONFLICT (key) DO UPDATE SET value = excluded.value`
	);
	const held: number[] = [];
	const waited: number[] = [];
	const probe = setInterval(async () => {
		const asked = performance.now();
		if (awaitTurn) await storeWritable();
		const t = performance.now();
		write.run(String(t));
		held.push(performance.now() - t);
		waited.push(performance.now() - asked);
	}, 50);
	return {
		stop: () => {
			clearInterval(probe);
			held.sort((a, b) => a - b);
			waited.sort((a, b) => a - b);
			return (
				`  those ${held.length} writes held the event loop: longest ${ms(held.at(-1) ?? 0)} ms, p99 ${ms(p99(held))} ms; ` +
				`each waited in all: longest ${ms(waited.at(-1) ?? 0)} ms, p99 ${ms(p99(waited))} ms`
			);
		}
	};
}

const PROBES = [
	['a write on this thread every 50 ms, not waiting for its turn (as before)', false],
	['a write on this thread every 50 ms, awaiting its turn (storeWritable)', true]
] as const;

/** Imports through the page on a fresh store and server, per size; one table row each. */
async function serverPart(): Promise<void> {
	console.log(
		'| entries | CSV | import answered (ms) | GET / during it: n, p99 / longest (ms) | first GET / after (ms) | GET / p50 / p99 for 5 s after (ms) | texts analysed again after (ms) |'
	);
	console.log('|--:|--:|--:|--:|--:|--:|--:|');
	for (const n of SIZES) {
		const dir = mkdtempSync(join(tmpdir(), 'puente-bench-glossary-'));
		const server = await startServer(join(dir, 'bench.db'));
		try {
			await untilAnalysed(server.base);
			const csv = glossaryCsv(n);
			const form = new FormData();
			form.set('file', new File([csv], 'glossary.csv', { type: 'text/csv' }));
			form.set('format', 'csv');
			const importing = timed(() =>
				fetch(`${server.base}/glossary?/import`, {
					method: 'POST',
					body: form,
					headers: { origin: server.base, 'x-sveltekit-action': 'true' }
				})
			);
			const during = await latenciesWhile(server.base, importing);
			const [answer, importMs] = await importing;
			// An enhanced form's answer: { type: 'success' | 'failure', data } (devalue-encoded data).
			const result = (await answer.json()) as { type: string; data?: string };
			if (result.type !== 'success')
				throw new Error(`import answered ${answer.status} ${result.type}: ${result.data}`);
			const [, firstMs] = await timed(async () => (await fetch(`${server.base}/`)).text());
			const after = await libraryLatencies(server.base, 5000);
			const analysedMs = await untilAnalysed(server.base);
			const p = (q: number) => after[Math.min(after.length - 1, Math.floor(q * after.length))];
			console.log(
				`| ${n.toLocaleString('en')} | ${(csv.length / 1024 / 1024).toFixed(1)} MB | ${ms(importMs)} | ${during.length}, ${ms(during[Math.floor(0.99 * (during.length - 1))] ?? 0)} / ${ms(during.at(-1) ?? 0)} | ${ms(firstMs)} | ${ms(p(0.5))} / ${ms(p(0.99))} | ${ms(analysedMs)} |`
			);
		} finally {
			await server.stop();
			rmSync(dir, { recursive: true, force: true });
		}
	}
}

/** The event loop while the largest glossary is imported: in the worker pool, then on this thread. */
async function loopPart(): Promise<void> {
	const { openDb } = await import('../../src/lib/server/db');
	const { importGlossaryFile, importGlossaryInPool, seedGlossary } =
		await import('../../src/lib/server/glossary');
	const { HeavyJobs } = await import('../../src/lib/server/heavy-jobs');
	const { closePool } = await import('../../src/lib/server/analysis-pool');
	const n = Math.max(...SIZES);
	const bytes = new TextEncoder().encode(glossaryCsv(n));
	const dir = mkdtempSync(join(tmpdir(), 'puente-bench-glossary-loop-'));
	const measure = async (name: string, run: (db: ReturnType<typeof openDb>) => unknown) => {
		const db = openDb(join(dir, `${name.replace(/\W+/g, '-')}.db`));
		seedGlossary(db);
		const watched = await watchEventLoop(() => run(db));
		const result = watched.value as { ok?: boolean } | 'busy';
		const stored = (
			db.prepare('SELECT count(*) n FROM glossary_entries WHERE deleted = 0').get() as {
				n: number;
			}
		).n;
		db.close();
		if (result === 'busy' || !result.ok) throw new Error(`${name}: ${JSON.stringify(result)}`);
		console.log(
			`import of ${n.toLocaleString('en')} entries (${(bytes.length / 1024 / 1024).toFixed(1)} MB CSV) ${name}: ` +
				`${(watched.ms / 1000).toFixed(1)} s, ${stored} live entries after; longest wait of a 5 ms timer ` +
				`${ms(watched.longestGap)} ms, p99 ${ms(watched.p99Gap)} ms; ` +
				`monitorEventLoopDelay max ${ms(watched.delayMax)} ms`
		);
	};
	try {
		// The control: the same loop and timer for 3 s with no import (what a loaded machine costs).
		await measure('not running (control, 3 s idle)', async () => {
			await new Promise((r) => setTimeout(r, 3000));
			return { ok: true };
		});
		// Twice: the first import also starts the pool (a worker thread and its modules).
		for (const turn of ['first', 'again'])
			await measure(`in the worker pool (${turn})`, (db) =>
				importGlossaryInPool(db, 'csv', bytes.slice(), {}, new HeavyJobs(1))
			);
		// A write on this thread while the worker holds the write lock waits for it (busy_timeout),
		// and the event loop with it, unless it awaits its turn: both, in the same run.
		for (const [probeName, awaitTurn] of PROBES) {
			let report = '';
			await measure(`in the worker pool, ${probeName}`, async (db) => {
				const probe = await probeWrites(db, awaitTurn);
				try {
					return await importGlossaryInPool(db, 'csv', bytes.slice(), {}, new HeavyJobs(1));
				} finally {
					report = probe.stop();
				}
			});
			console.log(report);
		}
		await measure('on the event loop', (db) => importGlossaryFile(db, 'csv', bytes.slice()));
	} finally {
		await closePool();
		rmSync(dir, { recursive: true, force: true });
	}
}

/**
 * The event loop while the queue re-marks texts after the largest glossary's import: a store of
 * the corpus's texts (each on its own, so no alignments), analysed once, copied for each run;
 * on each copy the glossary is imported in the pool, then reconcileGlossary alone is watched.
 */
async function remarkPart(): Promise<void> {
	const { openDb } = await import('../../src/lib/server/db');
	const { importGlossaryInPool, seedGlossary } = await import('../../src/lib/server/glossary');
	const { insertDocument } = await import('../../src/lib/server/documents');
	const { HeavyJobs } = await import('../../src/lib/server/heavy-jobs');
	const { closePool } = await import('../../src/lib/server/analysis-pool');
	const { AnalysisService } = await import('../../src/lib/server/analysis');
	const { runAnalysisTask } = await import('../../src/lib/server/analysis-jobs');
	type Runner = ConstructorParameters<typeof AnalysisService>[1];
	const n = Math.max(...SIZES);
	const bytes = new TextEncoder().encode(glossaryCsv(n));
	const dir = mkdtempSync(join(tmpdir(), 'puente-bench-remark-'));
	try {
		const base = openDb(join(dir, 'base.db'));
		seedGlossary(base);
		const corpus = join(import.meta.dirname, '../../src/lib/data/corpus');
		const files = [
			...readdirSync(corpus),
			...readdirSync(join(corpus, 'es')).map((f) => `es/${f}`)
		];
		for (const file of files.filter((f) => f.endsWith('.txt')))
			insertDocument(base, {
				slug: file.replace(/\W+/g, '-'),
				title: file,
				origin: 'corpus',
				text: readFileSync(join(corpus, file), 'utf8')
			});
		const analysing = new AnalysisService(base, undefined, console.error);
		analysing.kick();
		await analysing.idle();
		const texts = (base.prepare('SELECT count(*) n FROM documents').get() as { n: number }).n;
		let copies = 0;
		const measure = async (
			name: string,
			runner: Runner | 'idle',
			// probeWrites: writes on this thread meanwhile, awaiting their turn (true) or not (false).
			also: { probeWrites?: boolean; thenAnalyse?: boolean } = {}
		) => {
			const file = join(dir, `copy-${copies++}.db`);
			base.prepare('VACUUM INTO ?').run(file);
			const db = openDb(file);
			try {
				const imported = await importGlossaryInPool(db, 'csv', bytes.slice(), {}, new HeavyJobs(1));
				if (imported === 'busy' || !imported.ok) throw new Error(JSON.stringify(imported));
				const service = new AnalysisService(
					db,
					runner === 'idle' ? undefined : runner,
					console.error
				);
				const probe =
					also.probeWrites === undefined ? undefined : await probeWrites(db, also.probeWrites);
				let report = '';
				const watched = await watchEventLoop(() =>
					runner === 'idle' ? new Promise((r) => setTimeout(r, 3000)) : service.reconcileGlossary()
				).finally(() => (report = probe?.stop() ?? ''));
				const pending = (
					db.prepare("SELECT count(*) n FROM analyses WHERE state = 'pending'").get() as {
						n: number;
					}
				).n;
				console.log(
					`re-marking after ${n.toLocaleString('en')} entries imported, ${name}: ` +
						`${(watched.ms / 1000).toFixed(2)} s, ${pending} of ${texts} texts marked; ` +
						`longest wait of a 5 ms timer ${ms(watched.longestGap)} ms, p99 ${ms(watched.p99Gap)} ms; ` +
						`monitorEventLoopDelay max ${ms(watched.delayMax)} ms`
				);
				if (probe) console.log(report);
				if (also.thenAnalyse) {
					// What follows in the queue's pass: the marked texts analysed again, with the
					// whole glossary (each task names the store; the worker reads its rows once).
					const analysed = await watchEventLoop(async () => {
						service.kick();
						await service.idle();
					});
					console.log(
						`  then the marked texts analysed again: ${(analysed.ms / 1000).toFixed(1)} s; ` +
							`longest wait of a 5 ms timer ${ms(analysed.longestGap)} ms, p99 ${ms(analysed.p99Gap)} ms; ` +
							`monitorEventLoopDelay max ${ms(analysed.delayMax)} ms`
					);
				}
			} finally {
				db.close();
			}
		};
		await measure('not running (control, 3 s idle)', 'idle');
		// Twice: the first run also starts the pool's thread.
		for (const turn of ['first', 'again'])
			await measure(`tasks in the worker pool (${turn})`, undefined, {
				thenAnalyse: turn === 'again'
			});
		for (const [probeName, awaitTurn] of PROBES)
			await measure(`tasks in the worker pool, ${probeName}`, undefined, {
				probeWrites: awaitTurn
			});
		const onThisThread: Runner = async (task) => runAnalysisTask(task as never) as never;
		await measure('every task on this thread', onThisThread);
		base.close();
	} finally {
		await closePool();
		rmSync(dir, { recursive: true, force: true });
	}
}

console.log(`load average at start: ${loadavg()}`);
if (PARTS.has('server')) await serverPart();
if (PARTS.has('loop')) await loopPart();
if (PARTS.has('remark')) await remarkPart();
console.log(`load average at end: ${loadavg()}`);
process.exit(0);
