// The heavy work of the server as plain functions of plain data: detect a document's languages
// and find its glossary terms, align a document with its translation, pair the passages of a
// mixed document, align two texts for the API. They run in a worker thread (analysis-pool.ts),
// so they do no I/O and read nothing but their task; the results go back to the main thread,
// which stores them. Two exceptions, each on a connection of the worker's own to the store: the
// glossary a task names by the store's file is read here, once per generation (readStoreGlossary
// says why), and after a glossary change, the re-marking of the texts it touches reads and
// writes the store (glossary-reconcile.ts says why).
//
// Relative imports only: in development and tests the worker loads this file through tsx,
// outside Vite, where the `$lib` alias does not exist.
import Database from 'better-sqlite3';
import { detectLanguages } from '../core/detect';
import { createGlossaryMatcher, glossarySurfaceForms, type GlossaryEntry } from '../core/glossary';
import { alignTranslation, translationSide } from '../core/align/translation';
import { findRepeatedPassages, type RepeatedStretch } from '../core/repeats/find-repeats';
import { pairPassages, type PassagePairing } from '../core/align/passages';
import {
	realignTranslation,
	type ConfirmedPair,
	type Realigned
} from '../core/align/confirmed-pairs';
import { applySegmentOverrides, type SegmentOverrides } from '../core/text/sentence-edits';
// Loaded once per worker thread (3 MB): the aligner learns word pairs the dictionary confirms.
import { lookup as dictionary } from '../core/dictionary';
import {
	ALIGNMENT_FORMATS,
	alignTexts,
	type AlignmentFormat,
	type AlignTextsInput,
	type AlignTextsOutput
} from '../core/align/align-texts';
import type { Bead, Detection, LangOrUnd } from '../core/types';
import { userError, type Result, type UserError } from '../core/errors';
import { parseJsonObject } from './json-body';
import { glossaryGeneration, glossaryRows } from './glossary-matching';
import {
	runGlossaryReconcile,
	type GlossaryReconcileJob,
	type ReconcileDone
} from './glossary-reconcile';

/** A live glossary entry as the store holds it: id, Spanish, English, variants as JSON. */
export type GlossaryRow = [id: string, es: string, en: string, variants: string];

/**
 * The glossary as a task carries it; `generation` names it so a worker builds its matcher once.
 * The server sends `store`, its file: the worker reads the rows itself, only when its cached
 * glossary is not that generation (readStoreGlossary says why). An in-memory store cannot be
 * opened from another thread, so for one the server sends `rows` as read from it (parsing
 * 50,000 of them is still the worker's work); `entries` serve callers that have them parsed.
 */
export interface GlossaryInput {
	generation: string;
	entries?: GlossaryEntry[];
	rows?: GlossaryRow[];
	store?: string;
}

/** Entries of the rows; a row whose variants cannot be read keeps its two main forms. */
function entriesOf(input: GlossaryInput): GlossaryEntry[] {
	if (input.entries) return input.entries;
	return (input.rows ?? []).map(([id, es, en, variants]) => {
		let list: string[] = [];
		try {
			const parsed: unknown = JSON.parse(variants);
			if (Array.isArray(parsed)) list = parsed.filter((v): v is string => typeof v === 'string');
		} catch {
			/* damaged variants: the entry still matches by its Spanish and English forms */
		}
		return { id, es, en, variants: list } as unknown as GlossaryEntry;
	});
}

/** A glossary term found in a text: character offsets and the entry. */
export interface StoredMark {
	start: number;
	end: number;
	entryId: string;
}

/** What a long task reports while it runs (posted on the task's progress port). */
export interface TaskProgress {
	phase: 'detecting' | 'marking' | 'aligning';
	sentences?: number;
	pairs?: number;
	/** While aligning: the aligner's passes done over the whole text, of `passes`. */
	pass?: number;
	passes?: number;
}

interface ProgressPort {
	postMessage(value: TaskProgress): void;
	close?(): void;
}

export type AnalysisTask =
	| {
			kind: 'document';
			text: string;
			glossary: GlossaryInput;
			/** A person's sentence splits and joins, applied after the segmenter. */
			overrides?: SegmentOverrides;
			progress?: ProgressPort;
	  }
	| {
			kind: 'translation';
			/** The two documents' stored detections, as JSON: parsed here, not on the main thread. */
			enDetection: string;
			esDetection: string;
			glossary: GlossaryInput;
			progress?: ProgressPort;
	  }
	| {
			/** A translation alignment a person corrected: aligned again around the pairs they confirmed. */
			kind: 'realign';
			enDetection: string;
			esDetection: string;
			glossary: GlossaryInput;
			confirmed: ConfirmedPair[];
			progress?: ProgressPort;
	  }
	| {
			kind: 'passages';
			text: string;
			detection: string;
			glossary: GlossaryInput;
			progress?: ProgressPort;
	  }
	| { kind: 'contains-forms'; text: string; entries: GlossaryEntry[] }
	| ({ kind: 'reconcile-glossary' } & GlossaryReconcileJob)
	| { kind: 'align-texts'; input: AlignTextsInput }
	| { kind: 'align-request'; body: ArrayBuffer };

/**
 * POST /api/align done off the event loop from the raw body on: decoding, parsing and
 * checking the JSON, aligning, and writing the answer (10 MB of JSON parsed or written on the
 * main thread would hold it for tens of milliseconds each).
 */
export type AlignResponse =
	| { ok: false; error: UserError }
	| {
			ok: true;
			format: AlignmentFormat;
			/** The answer, except for `warnings`: the caller translates them and adds them. */
			body: string;
			warnings: UserError[];
	  };

/**
 * A document's analysis, ready to store: the detection and the repeated passages as JSON (a
 * book's detection is megabytes; writing it here spares the main thread), and the numbers the
 * store keeps beside them.
 */
export interface DocumentAnalysis {
	detection: string;
	repeats: string;
	marks: StoredMark[];
	sentences: number;
	chars: Record<LangOrUnd, number>;
	/** Languages that have a run of their own. */
	languages: LangOrUnd[];
}

export interface TaskResults {
	document: DocumentAnalysis;
	translation: Bead[];
	realign: Realigned;
	passages: PassagePairing;
	'contains-forms': boolean;
	/** Undefined when the recorded glossary was the current one already. */
	'reconcile-glossary': ReconcileDone | undefined;
	'align-texts': Result<AlignTextsOutput>;
	'align-request': AlignResponse;
}

function alignRequest(body: ArrayBuffer): AlignResponse {
	const parsed = parseJsonObject(new Uint8Array(body));
	if (!parsed.ok) return parsed;
	const { en, es, presplit, format } = parsed.value;
	if (typeof en !== 'string' || typeof es !== 'string')
		return {
			ok: false,
			error: userError('invalid-input', { detail: '"en" and "es" must be strings' })
		};
	if (format !== undefined && !ALIGNMENT_FORMATS.includes(format as AlignmentFormat))
		return {
			ok: false,
			error: userError('invalid-input', {
				detail: `format must be one of ${ALIGNMENT_FORMATS.join(', ')}`
			})
		};
	const chosen = (format as AlignmentFormat | undefined) ?? 'json';
	const result = alignTexts({ en, es, presplit: presplit === true, format: chosen, dictionary });
	if (!result.ok) return result;
	const { beads, enUnits, esUnits, output, warnings } = result.value;
	return {
		ok: true,
		format: chosen,
		body:
			chosen === 'json'
				? JSON.stringify({
						beads: beads.map(({ en, es, confidence }) => ({ en, es, confidence })),
						en: enUnits,
						es: esUnits
					})
				: output,
		warnings
	};
}

// One glossary per worker at a time: building the matcher for 50,000 entries is the expensive
// part, and consecutive tasks nearly always carry the same generation.
let glossaryCache:
	| {
			generation: string;
			matcher: ReturnType<typeof createGlossaryMatcher>;
			forms: string[];
			anchors: { en: string; es: string }[];
	  }
	| undefined;

/**
 * The live glossary rows of a store, read on a connection of this thread's own, with the
 * generation they are of (one read snapshot, so the two agree); no rows when that generation is
 * `known` (the one already built here). Why here: after a 50,000-entry import, reading the rows
 * on the server's thread took ~90 ms and copying them into every text's task ~100-250 ms more,
 * each a stall of the event loop (issue #12); read here, the rows never cross between threads,
 * and a worker reads them once per generation. The generation may be newer than the task's (the
 * glossary changed since the server read it): the task is then done with the newer glossary, as
 * a later task would be, and the queue's re-marking after that change covers the text anyway.
 */
function readStoreGlossary(
	store: string,
	known: string | undefined
): { generation: string; rows?: GlossaryRow[] } {
	let db: Database.Database | undefined;
	try {
		db = new Database(store, { readonly: true, fileMustExist: true });
		db.pragma('busy_timeout = 5000');
		const read = db.transaction((conn: Database.Database) => {
			const generation = glossaryGeneration(conn);
			return generation === known ? { generation } : { generation, rows: glossaryRows(conn) };
		});
		return read.deferred(db);
	} catch (error) {
		// A plain Error, so the reason crosses the thread boundary (better-sqlite3's own error class
		// arrives without its message); the task fails with it, as any other failure would.
		throw new Error(
			`the glossary could not be read from the store: ${
				error instanceof Error ? error.message : String(error)
			}`,
			{ cause: error }
		);
	} finally {
		db?.close();
	}
}

/**
 * The glossary's matcher, forms and anchor pairs. A glossary that cannot be built (a bug, an
 * entry nobody foresaw) must not stop every text from being analysed: the text is then analysed
 * without it (no names masked, no terms marked) and the failure is reported once per generation.
 */
function glossaryOf(input: GlossaryInput) {
	if (glossaryCache?.generation === input.generation) return glossaryCache;
	let source = input;
	if (input.store && !input.entries && !input.rows) {
		const read = readStoreGlossary(input.store, glossaryCache?.generation);
		if (!read.rows && glossaryCache) return glossaryCache;
		source = { generation: read.generation, rows: read.rows };
	}
	try {
		const entries = entriesOf(source);
		glossaryCache = {
			generation: source.generation,
			matcher: createGlossaryMatcher(entries),
			forms: glossarySurfaceForms(entries),
			anchors: entries.map((e) => ({ en: e.en, es: e.es }))
		};
	} catch (error) {
		console.error(
			`puente: the glossary could not be prepared; texts are analysed without it: ${
				error instanceof Error ? error.message : String(error)
			}`
		);
		glossaryCache = {
			generation: source.generation,
			matcher: createGlossaryMatcher([]),
			forms: [],
			anchors: []
		};
	}
	return glossaryCache;
}

function analyseDocument(task: Extract<AnalysisTask, { kind: 'document' }>): DocumentAnalysis {
	const glossary = glossaryOf(task.glossary);
	task.progress?.postMessage({ phase: 'detecting' });
	const detection = applySegmentOverrides(
		task.text,
		detectLanguages(task.text, { protectedTerms: glossary.forms }),
		task.overrides
	);
	task.progress?.postMessage({ phase: 'marking', sentences: detection.sentences.length });
	const marks = glossary.matcher
		.find(task.text)
		.map(({ start, end, entryId }) => ({ start, end, entryId }));
	const repeats: RepeatedStretch[] = findRepeatedPassages(detection.sentences.map((s) => s.text));
	const chars = { en: 0, es: 0, und: 0 };
	for (const s of detection.sentences) chars[s.lang] += s.end - s.start;
	return {
		detection: JSON.stringify(detection),
		repeats: JSON.stringify(repeats),
		marks,
		sentences: detection.sentences.length,
		chars,
		languages: [...new Set(detection.runs.map((r) => r.lang))]
	};
}

const parseDetection = (json: string) => JSON.parse(json) as Detection;

export function runAnalysisTask<K extends AnalysisTask['kind']>(
	task: Extract<AnalysisTask, { kind: K }>
): TaskResults[K];
export function runAnalysisTask(task: AnalysisTask): TaskResults[keyof TaskResults] {
	try {
		switch (task.kind) {
			case 'document':
				return analyseDocument(task);
			case 'translation': {
				const { anchors } = glossaryOf(task.glossary);
				const en = translationSide(parseDetection(task.enDetection).sentences);
				const es = translationSide(parseDetection(task.esDetection).sentences);
				task.progress?.postMessage({ phase: 'aligning', sentences: en.texts.length });
				const beads = alignTranslation(en, es, {
					anchorPairs: anchors,
					dictionary,
					onPass: (done) => task.progress?.postMessage({ phase: 'aligning', ...done })
				});
				task.progress?.postMessage({ phase: 'aligning', pairs: beads.length });
				return beads;
			}
			case 'realign': {
				const { anchors } = glossaryOf(task.glossary);
				const en = translationSide(parseDetection(task.enDetection).sentences);
				const es = translationSide(parseDetection(task.esDetection).sentences);
				task.progress?.postMessage({ phase: 'aligning', sentences: en.texts.length });
				const realigned = realignTranslation(en, es, task.confirmed, {
					anchorPairs: anchors,
					dictionary
				});
				task.progress?.postMessage({ phase: 'aligning', pairs: realigned.beads.length });
				return realigned;
			}
			case 'passages': {
				const { anchors } = glossaryOf(task.glossary);
				task.progress?.postMessage({ phase: 'aligning' });
				return pairPassages(task.text, parseDetection(task.detection), {
					anchorPairs: anchors,
					dictionary
				});
			}
			case 'contains-forms':
				return createGlossaryMatcher(task.entries).find(task.text).length > 0;
			case 'reconcile-glossary':
				return runGlossaryReconcile(task);
			case 'align-texts':
				return alignTexts({ ...task.input, dictionary });
			case 'align-request':
				return alignRequest(task.body);
		}
	} finally {
		if ('progress' in task) task.progress?.close?.();
	}
	throw new Error(`unknown analysis task ${(task as { kind: string }).kind}`);
}

/** Where the worker finds this module: the source file under tsx, the built chunk in production. */
export const ANALYSIS_JOBS_URL = import.meta.url;

// The worker's bootstrap imports this module (or the chunk the build put it in) for this side
// effect, since a bundler may rename its exports.
(globalThis as Record<symbol, unknown>)[Symbol.for('puente.analysis-task')] = runAnalysisTask;
