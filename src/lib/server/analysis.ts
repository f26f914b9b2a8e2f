// Background analysis: every document is detected, marked and aligned once, in a worker thread
// (analysis-pool.ts), when it is added or changed, and the results are stored; pages read the
// store and never wait for the work. One document at a time, in id order; a document whose
// analysis throws is marked failed with the reason and logged, and the queue goes on: it is
// shown unanalysed, nothing else is affected, and a restart does not retry it until the
// detector, the aligner or the text changes.
//
// A glossary edit re-analyses only the documents that contain a form that changed: the
// glossary the stored analyses were made with is remembered (analysis_meta), and each text is
// searched for the changed forms only (in the worker), not re-analysed.
import type { Db } from './db';
import { DETECTOR_VERSION, storeAnalysis } from './documents';
import {
	ALIGNER_VERSION,
	alignmentSteps,
	anchorLegacyEdits,
	storedPartner,
	translationPartners
} from './alignments';
import { segmentOverrides } from './revisions';
import { glossaryForWorker } from './glossary-matching';
import { runTask, type TaskInput } from './analysis-pool';
import type {
	AnalysisTask,
	DocumentAnalysis,
	GlossaryInput,
	TaskProgress,
	TaskResults
} from './analysis-jobs';
import type { Detection } from '$lib/core/types';
import { heavyJobs } from './heavy-jobs';
import { glossaryChanged, reconcileGlossaryStore } from './glossary-reconcile';
import { storeWritable, withWriteTicket } from './write-turns';

export type AnalysisState = 'pending' | 'ready' | 'failed';

/** How far a pending document's analysis has come (steps: detect, then one per alignment). */
export interface AnalysisProgress {
	phase: 'queued' | TaskProgress['phase'];
	sentences?: number;
	pairs?: number;
	/** Documents waiting before this one. */
	queued?: number;
}

export interface AnalysisStatus {
	state: AnalysisState;
	progress?: AnalysisProgress;
	/** Why it failed, in English for the log and the curious (the page shows a translated note). */
	error?: string;
}

/** Runs one task; the worker pool by default, a stand-in in tests. */
export type TaskRunner = <K extends AnalysisTask['kind']>(
	task: TaskInput<K>,
	onProgress?: (progress: TaskProgress) => void
) => Promise<TaskResults[K]>;

/** What a stored analysis is of: the detector, the aligner and the text's version. */
const targetOf = (version: number) => `${DETECTOR_VERSION}+${ALIGNER_VERSION}:${version}`;

/** Documents whose stored analysis is missing, out of date or asked for again. */
const NEEDING_WORK = `
	SELECT d.id FROM documents d LEFT JOIN analyses a ON a.document_id = d.id
	WHERE a.document_id IS NULL OR a.state = 'pending'
	   OR (a.target != ('${DETECTOR_VERSION}+${ALIGNER_VERSION}:' || d.version))
	ORDER BY d.id`;

export class AnalysisService {
	private running: Promise<void> | undefined;
	private again = false;
	private readonly progress = new Map<number, AnalysisProgress>();
	/** Bumped on every stored result, so caches of what pages show know to refresh. */
	epoch = 0;

	constructor(
		private readonly db: Db,
		private readonly run: TaskRunner = runTask,
		private readonly log: (message: string) => void = (m) => console.error(m)
	) {}

	/** Starts a pass over everything that needs work, unless one is running (then it runs again after). */
	kick(): void {
		if (this.running) {
			this.again = true;
			return;
		}
		this.running = (async () => {
			do {
				this.again = false;
				await this.pass();
			} while (this.again);
		})()
			.catch((error) => this.log(`puente: background analysis stopped: ${describe(error)}`))
			.finally(() => {
				this.running = undefined;
			});
	}

	/** Resolves when no work is left (tests and the benchmark wait on it). */
	async idle(): Promise<void> {
		while (this.running) await this.running;
	}

	/** Asks for a document to be analysed again (its text changed). */
	request(documentId: number): void {
		this.db
			.prepare(
				`INSERT INTO analyses (document_id, state, target) VALUES (?, 'pending', '')
				 ON CONFLICT (document_id) DO UPDATE SET state = 'pending', error = NULL`
			)
			.run(documentId);
		this.kick();
	}

	/**
	 * How far a document's analysis has come. A document is ready once it and its translations
	 * are: the pairing with a translation is made when the second of the two is analysed, and a
	 * page that stopped waiting at the first would never show the pairs.
	 */
	status(documentId: number): AnalysisStatus {
		const own = this.ownStatus(documentId);
		if (own.state !== 'ready') return own;
		const translationOf = (
			this.db.prepare('SELECT translation_of FROM documents WHERE id = ?').get(documentId) as {
				translation_of: number | null;
			}
		).translation_of;
		for (const partnerId of translationPartners(this.db, { id: documentId, translationOf })) {
			const partner = this.ownStatus(partnerId);
			if (partner.state === 'pending') return partner;
		}
		return own;
	}

	private ownStatus(documentId: number): AnalysisStatus {
		const row = this.db
			.prepare(
				`SELECT a.state, a.target, a.error, d.version FROM documents d
				 LEFT JOIN analyses a ON a.document_id = d.id WHERE d.id = ?`
			)
			.get(documentId) as
			| {
					state: AnalysisState | null;
					target: string | null;
					error: string | null;
					version: number;
			  }
			| undefined;
		if (!row) return { state: 'failed', error: 'no such document' };
		const current = row.target === targetOf(row.version);
		if (row.state === 'ready' && current) return { state: 'ready' };
		if (row.state === 'failed' && current) return { state: 'failed', error: row.error ?? '' };
		return { state: 'pending', progress: this.progress.get(documentId) ?? { phase: 'queued' } };
	}

	/** The states of every document, for the library (one query). */
	states(): Map<number, AnalysisState> {
		const rows = this.db
			.prepare(
				`SELECT d.id, a.state, a.target = ('${DETECTOR_VERSION}+${ALIGNER_VERSION}:' || d.version) current
				 FROM documents d LEFT JOIN analyses a ON a.document_id = d.id`
			)
			.all() as { id: number; state: AnalysisState | null; current: number | null }[];
		return new Map(
			rows.map((r) => [r.id, r.state && r.state !== 'pending' && r.current ? r.state : 'pending'])
		);
	}

	private async pass(): Promise<void> {
		await this.reconcileGlossary();
		const ids = (this.db.prepare(NEEDING_WORK).all() as { id: number }[]).map((r) => r.id);
		ids.forEach((id, k) => this.progress.set(id, { phase: 'queued', queued: k }));
		for (const id of ids) {
			await this.analyse(id);
			this.progress.delete(id);
		}
	}

	private glossaryCache: GlossaryInput | undefined;

	/**
	 * The glossary for the worker: the store's file and generation (glossaryForWorker); from an
	 * in-memory store, its rows, read here once per generation.
	 */
	private glossaryInput(): GlossaryInput {
		const input = glossaryForWorker(this.db, this.glossaryCache);
		this.glossaryCache = input;
		return input;
	}

	private setState(documentId: number, state: AnalysisState, target: string, error?: string) {
		this.db
			.prepare(
				`INSERT INTO analyses (document_id, state, target, error) VALUES (?, ?, ?, ?)
				 ON CONFLICT (document_id) DO UPDATE SET state = excluded.state, target = excluded.target,
				   error = excluded.error, updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now')`
			)
			.run(documentId, state, target, error ?? null);
		this.epoch++;
	}

	/** Detects, marks and aligns one document; a failure is recorded and logged, never thrown. */
	private async analyse(documentId: number): Promise<void> {
		const row = this.db
			.prepare('SELECT id, slug, version, translation_of, text FROM documents WHERE id = ?')
			.get(documentId) as
			| { id: number; slug: string; version: number; translation_of: number | null; text: string }
			| undefined;
		if (!row) return;
		const target = targetOf(row.version);
		const report = (p: TaskProgress) => {
			const known = this.progress.get(documentId);
			this.progress.set(documentId, { ...known, ...p, queued: undefined });
		};
		try {
			const glossary = this.glossaryInput();
			const overrides = segmentOverrides(this.db, documentId);
			const result = await this.run(
				{ kind: 'document', text: row.text, glossary, overrides },
				report
			);
			// Everything from here to the next await writes on this thread: not while a worker does.
			await storeWritable();
			// The text may have changed while the worker ran: store nothing for an old version.
			const now = this.db.prepare('SELECT version FROM documents WHERE id = ?').get(documentId) as
				{ version: number } | undefined;
			if (now?.version !== row.version) return;
			// Corrections made before pairs were anchored to text learn their text now, while the
			// sentences they were made on are still stored.
			anchorLegacyEdits(this.db, documentId);
			storeAnalysis(this.db, documentId, result, glossary.generation);
			this.epoch++;
			await this.align(
				{ id: row.id, text: row.text, translationOf: row.translation_of },
				result,
				glossary,
				report
			);
			await storeWritable();
			this.setState(documentId, 'ready', target);
		} catch (error) {
			this.log(`puente: analysis of "${row.slug}" failed: ${describe(error)}`);
			await storeWritable();
			this.setState(documentId, 'failed', target, describe(error).slice(0, 500));
		}
	}

	/**
	 * Aligns the document with each analysed translation, and the passages of a mixed one
	 * (alignmentSteps decides how; each step runs in the worker). The detections travel to the
	 * worker as the JSON they are stored as.
	 */
	private async align(
		doc: { id: number; text: string; translationOf: number | null },
		analysis: DocumentAnalysis,
		glossary: GlossaryInput,
		report: (p: TaskProgress) => void
	): Promise<void> {
		const steps = alignmentSteps(
			this.db,
			{
				...doc,
				detection: analysis.detection,
				chars: analysis.chars,
				languages: analysis.languages
			},
			glossary,
			{ onlyMissing: false, partner: storedPartner(this.db) }
		);
		for (let step = steps.next(); !step.done;) {
			const result = await this.run(step.value, report);
			// The step stores the result, on this thread.
			await storeWritable();
			step = steps.next(result);
			this.epoch++;
		}
	}

	/**
	 * When the glossary changed since the stored analyses were made, marks for re-analysis the
	 * documents that contain a form of a changed, added or removed entry, and only those. Public
	 * so that bench:glossary-load can watch it alone; the queue runs it first in every pass.
	 * Only the generation is read here (every pass); the forms, the diff, the search and the
	 * writes are the worker's, on its own connection (glossary-reconcile.ts), since after a large
	 * import they are most of a second of work. A failure is logged and the pass goes on: the
	 * record is unchanged, so the next pass tries again.
	 */
	async reconcileGlossary(): Promise<void> {
		if (!glossaryChanged(this.db)) return;
		// An in-memory store cannot be opened from another thread: there the same work runs here.
		const store = this.db.memory || !this.db.name ? undefined : this.db.name;
		try {
			const done = store
				? await withWriteTicket((writeTurn) =>
						this.run({ kind: 'reconcile-glossary', store, writeTurn })
					)
				: await storeWritable().then(() => reconcileGlossaryStore(this.db));
			for (const problem of done?.problems ?? []) this.log(`puente: ${problem}`);
		} catch (error) {
			this.log(`puente: re-marking texts after a glossary change failed: ${describe(error)}`);
		}
	}
}

function describe(error: unknown): string {
	return error instanceof Error ? error.message : String(error);
}

/**
 * Detects a text's languages in a worker thread, with the store's glossary masked, for a request
 * that needs the sentences before it can answer (an import that pairs units with them): the
 * event loop waits for nothing. Counted among the heavy jobs: 'busy' past their bound.
 */
export async function detectInWorker(db: Db, text: string): Promise<Detection | 'busy'> {
	const result = await heavyJobs.run({ kind: 'document', text, glossary: glossaryForWorker(db) });
	return result === 'busy' ? result : (JSON.parse(result.detection) as Detection);
}

const services = new WeakMap<Db, AnalysisService>();

/** The analysis service of a store (one per connection). */
export function analysisFor(db: Db): AnalysisService {
	let service = services.get(db);
	if (!service) {
		service = new AnalysisService(db);
		services.set(db, service);
	}
	return service;
}

/** Replaces the service of a store (tests inject a runner that fails on purpose). */
export function setAnalysisService(db: Db, service: AnalysisService): void {
	services.set(db, service);
}
