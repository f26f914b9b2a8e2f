// Which words translate which in one reading pair, computed on demand when a reader points at
// it. The aligning runs in a worker thread (word-links-jobs.ts), which learns each text's own
// translations once per alignment version and keeps the dictionary; this side finds the pair's
// sentences, and keeps the answers in an LRU cache whose keys carry every version the answer
// depends on (the beads, both texts and their sentences, the glossary), so an edit is never
// served stale.
import { Worker } from 'node:worker_threads';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Db } from './db';
import { getStoredDocument } from './documents';
import { glossaryGeneration, glossaryMatcher } from './glossary-matching';
import {
	Lru,
	pairWords,
	runWordLinksJob,
	WORD_LINKS_JOBS_URL,
	type WordLinksAnswer,
	type WordLinksJob
} from './word-links-jobs';
import { fail, ok, type Result } from '$lib/core/errors';
import type { Bead } from '$lib/core/types';
import { termsFromGlossary } from '$lib/core/words';
import type { PairWords } from '$lib/reader/words';

export { Lru, pairWords };

/** An alignment's beads and its sentences' texts, read from the store once per version. */
interface AlignmentTexts {
	beads: readonly Bead[];
	enDoc: number;
	esDoc: number;
	en: (i: number) => string;
	es: (i: number) => string;
	/** Whether the worker was sent what it learns this text from (it asks again if it lost it). */
	learnt: boolean;
}

const texts = new Lru<string, Promise<AlignmentTexts | undefined>>(6);
const pairs = new Lru<string, PairWords>(4000);

/** Counts work done, for the tests that check the caches are used. */
export const wordLinkStats = { textsLearnt: 0, pairsAligned: 0, onMainThread: 0 };

interface AlignmentVersionRow {
	id: number;
	en_document_id: number;
	es_document_id: number;
	version: number;
	updated_at: string;
	en_version: number;
	es_version: number;
	en_detector: string | null;
	es_detector: string | null;
}

/**
 * The word links of pair `bead` of alignment `alignmentId`, which must involve the document
 * `slug` (or id) names. Not found: an unknown document, an alignment of another document, a
 * bead out of range or one side empty.
 */
export async function wordLinks(
	db: Db,
	slug: string,
	alignmentId: number,
	bead: number
): Promise<Result<PairWords>> {
	const doc = (
		/^\d+$/.test(slug)
			? db.prepare('SELECT id FROM documents WHERE id = ?').get(Number(slug))
			: db.prepare('SELECT id FROM documents WHERE slug = ?').get(slug)
	) as { id: number } | undefined;
	if (!doc || !Number.isInteger(alignmentId) || !Number.isInteger(bead) || bead < 0)
		return fail('not-found');
	const row = db
		.prepare(
			`SELECT a.id, a.en_document_id, a.es_document_id, a.version, a.updated_at,
			        en.version en_version, es.version es_version,
			        den.detector_version en_detector, des.detector_version es_detector
			 FROM alignments a
			 JOIN documents en ON en.id = a.en_document_id
			 JOIN documents es ON es.id = a.es_document_id
			 LEFT JOIN detections den ON den.document_id = a.en_document_id
			 LEFT JOIN detections des ON des.document_id = a.es_document_id
			 WHERE a.id = ? AND (a.en_document_id = ? OR a.es_document_id = ?)`
		)
		.get(alignmentId, doc.id, doc.id) as AlignmentVersionRow | undefined;
	if (!row) return fail('not-found');
	const generation = glossaryGeneration(db);
	const key = [
		row.id,
		row.version,
		row.updated_at,
		row.en_version,
		row.es_version,
		row.en_detector,
		row.es_detector,
		generation
	].join('|');
	const pairKey = `${key}|${bead}`;
	const known = pairs.get(pairKey);
	if (known) return ok(known);

	let reading = texts.get(key);
	if (!reading) {
		reading = Promise.resolve(alignmentTexts(db, row));
		texts.set(key, reading);
	}
	const found = await reading;
	const pair = found?.beads[bead];
	if (!found || !pair || !pair.en.length || !pair.es.length) return fail('not-found');
	const job: WordLinksJob = {
		key,
		pair: {
			en: { doc: found.enDoc, sentences: pair.en.map((i) => ({ index: i, text: found.en(i) })) },
			es: { doc: found.esDoc, sentences: pair.es.map((i) => ({ index: i, text: found.es(i) })) }
		}
	};
	const learn = () => {
		found.learnt = true;
		wordLinkStats.textsLearnt++;
		return { ...job, learn: learning(db, found) };
	};
	let answer = await aligned(found.learnt ? job : learn());
	if (!answer.ok) answer = await aligned(learn());
	if (!answer.ok) return fail('not-found');
	wordLinkStats.pairsAligned++;
	pairs.set(pairKey, answer.words);
	return ok(answer.words);
}

function alignmentTexts(db: Db, row: AlignmentVersionRow): AlignmentTexts | undefined {
	const stored = db.prepare('SELECT beads FROM alignments WHERE id = ?').get(row.id) as
		{ beads: string } | undefined;
	const enDoc = getStoredDocument(db, row.en_document_id);
	const esDoc = getStoredDocument(db, row.es_document_id);
	if (!stored || !enDoc || !esDoc) return undefined;
	const textOf = (doc: typeof enDoc) => (i: number) => {
		const s = doc.detection.sentences[i];
		return s ? doc.text.slice(s.start, s.end) : '';
	};
	return {
		beads: JSON.parse(stored.beads) as Bead[],
		enDoc: enDoc.id,
		esDoc: esDoc.id,
		en: textOf(enDoc),
		es: textOf(esDoc),
		learnt: false
	};
}

/** What the aligner learns a text from: its pairs, and the glossary's terms as units. */
function learning(db: Db, found: AlignmentTexts): NonNullable<WordLinksJob['learn']> {
	return {
		documentPairs: found.beads
			.filter((b) => b.en.length && b.es.length)
			.map((b) => ({ en: b.en.map(found.en).join(' '), es: b.es.map(found.es).join(' ') })),
		terms: termsFromGlossary([...glossaryMatcher(db).entries.values()])
	};
}

// ——— The worker thread ———

/** tsx's ESM loader, for a worker that must load TypeScript sources (tests, `vite dev`). */
function tsxLoaderUrl(): string {
	const cjs = createRequire(WORD_LINKS_JOBS_URL).resolve('tsx/esm/api');
	return pathToFileURL(join(dirname(cjs), 'index.mjs')).href;
}

// The worker is a small bootstrap given as a data: URL that imports word-links-jobs by its own
// import.meta.url (the built chunk in production, the TypeScript source under tsx), as the
// analysis pool does (analysis-pool.ts explains why).
function bootstrapUrl(): URL {
	const source = WORD_LINKS_JOBS_URL.endsWith('.ts')
		? `const { register } = await import(${JSON.stringify(tsxLoaderUrl())}); register();\n`
		: '';
	const code = `${source}const { parentPort } = await import('node:worker_threads');
await import(${JSON.stringify(WORD_LINKS_JOBS_URL)});
const run = globalThis[Symbol.for('puente.word-links-job')];
parentPort.on('message', async ({ id, job }) => {
	try {
		parentPort.postMessage({ id, answer: await run(job) });
	} catch (error) {
		parentPort.postMessage({ id, error: String(error && error.stack ? error.stack : error) });
	}
});
`;
	return new URL(`data:text/javascript,${encodeURIComponent(code)}`);
}

interface Waiting {
	resolve: (answer: WordLinksAnswer) => void;
	reject: (error: Error) => void;
}

let worker: Worker | undefined;
const waiting = new Map<number, Waiting>();
let nextId = 0;

function wordLinksWorker(): Worker {
	if (worker) return worker;
	const started = new Worker(bootstrapUrl());
	// Idle, it must not keep the process (or a test run) alive.
	started.unref();
	started.on('message', ({ id, answer, error }) => {
		const waiter = waiting.get(id);
		waiting.delete(id);
		if (error) waiter?.reject(new Error(error));
		else waiter?.resolve(answer);
	});
	const lost = (error: Error) => {
		if (worker === started) worker = undefined;
		for (const waiter of waiting.values()) waiter.reject(error);
		waiting.clear();
	};
	started.on('error', lost);
	started.on('exit', (code) => lost(new Error(`word links worker exited (${code})`)));
	worker = started;
	return started;
}

/**
 * The job's answer from the worker. Should the worker fail (it could not start, or died), the
 * pair is aligned on this thread instead: slower for the pages meanwhile, but the reader works.
 */
async function aligned(job: WordLinksJob): Promise<WordLinksAnswer> {
	try {
		const thread = wordLinksWorker();
		const id = nextId++;
		return await new Promise<WordLinksAnswer>((resolve, reject) => {
			waiting.set(id, { resolve, reject });
			thread.postMessage({ id, job });
		});
	} catch (error) {
		console.error(
			`puente: word links aligned on the main thread: ${error instanceof Error ? error.message : error}`
		);
		wordLinkStats.onMainThread++;
		return runWordLinksJob(job);
	}
}

/** Stops the worker (tests; the server just exits). */
export async function closeWordLinksWorker(): Promise<void> {
	const running = worker;
	worker = undefined;
	await running?.terminate();
}
