// Which words translate which in one reading pair, computed on demand when a reader points at
// it. The aligning runs in a worker thread (word-links-jobs.ts), which learns each text's own
// translations once per alignment version and keeps the dictionary; this side finds the pair's
// sentences, and keeps the answers in an LRU cache whose keys carry every version the answer
// depends on (the beads, both texts and their sentences, the glossary), so an edit is never
// served stale.
import type Tinypool from 'tinypool';
import { LRUCache } from 'lru-cache';
import type { Db } from './db';
import { getStoredDocument } from './documents';
import { glossaryGeneration, glossaryMatcher } from './glossary-matching';
import {
	pairWords,
	runWordLinksJob,
	WORD_LINKS_JOBS_URL,
	type WordLinksAnswer,
	type WordLinksJob
} from './word-links-jobs';
import { bootstrapModuleUrl, loadTinypool } from './worker-bootstrap';
import { fail, ok, type Result } from '$lib/core/errors';
import type { Bead } from '$lib/core/types';
import { termsFromGlossary } from '$lib/core/words';
import type { PairWords } from '$lib/reader/words';

export { pairWords };

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

const texts = new LRUCache<string, Promise<AlignmentTexts | undefined>>({ max: 6 });
const pairs = new LRUCache<string, PairWords>({ max: 4000 });

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

// The worker imports word-links-jobs and answers each job with it (see worker-bootstrap.ts).
const BOOTSTRAP = `await import(${JSON.stringify(WORD_LINKS_JOBS_URL)});
export default globalThis[Symbol.for('puente.word-links-job')];
`;

let pool: Promise<Tinypool> | undefined;
let current: Tinypool | undefined;

// One thread, kept for the server's life: it holds the aligners it learnt, which another thread
// would have to learn again. Idle, tinypool lets it not keep the process (or a test run) alive.
async function createPool(): Promise<Tinypool> {
	const Pool = await loadTinypool();
	const started = new Pool({
		filename: bootstrapModuleUrl(WORD_LINKS_JOBS_URL, BOOTSTRAP),
		minThreads: 1,
		maxThreads: 1
	});
	// A thread that died during a job rejects that job, and tinypool starts another (which asks
	// to learn again). One that failed before any job ran is said here: the pool is dropped, so
	// the jobs queued for it reject (and are aligned on this thread) and the next starts anew.
	started.on('error', (error: unknown) => {
		console.error(`puente: word links worker failed: ${error}`);
		if (current === started) {
			pool = current = undefined;
			void started.destroy();
		}
	});
	current = started;
	return started;
}

/**
 * The job's answer from the worker. Should the worker fail (it could not start, or died), the
 * pair is aligned on this thread instead: slower for the pages meanwhile, but the reader works.
 */
async function aligned(job: WordLinksJob): Promise<WordLinksAnswer> {
	try {
		pool ??= createPool();
		return (await (await pool).run(job)) as WordLinksAnswer;
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
	const closing = pool;
	pool = current = undefined;
	await (await closing)?.destroy();
}
