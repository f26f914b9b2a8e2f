// Which analysed texts a glossary change touches. The stored analyses were made with the glossary
// whose forms analysis_meta remembers ('glossary-forms', of the generation 'glossary-generation');
// after a change, the texts that contain a form of a changed, added or removed entry are marked
// for re-analysis, and only those, and the current forms are remembered instead.
//
// Where it runs, and why there: after a 50,000-entry import, computing every entry's forms,
// parsing the megabytes of stored ones, diffing them and writing the new ones is most of a
// second of work, which the event loop may not hold (issue #12). So the analysis queue asks the
// worker pool (analysis-jobs.ts 'reconcile-glossary'), and the worker does all of it on a
// connection of its own to the store: it reads the glossary, the stored forms and the analysed
// texts in one read snapshot, looks for the changed entries' forms in every text with one
// matcher (built once for the pass, not once per text), then marks the texts and writes the
// forms and their generation in one short write transaction. The rows it reads never cross
// between threads; only the ids of the marked texts come back. That write takes the lock only in a
// turn the server's thread grants (write-turns.ts), so that no write there waits for it
// synchronously (36-85 ms at load 8, measured). An in-memory store (tests)
// cannot be opened from another thread: there the same function runs on the caller's connection.
//
// Relative imports only: in development and tests the worker loads this file through tsx,
// outside Vite, where the `$lib` alias does not exist.
import Database from 'better-sqlite3';
import type { Db } from './db';
import { createGlossaryMatcher, entryForms, type GlossaryEntry } from '../core/glossary';
import { glossaryGeneration } from './glossary-matching';
import { inWriteTurn, type WriteTurnTicket } from './write-turns';

/** The forms of every live entry, by id: all a changed text is looked for by. */
type GlossaryForms = Record<string, string[]>;

/** What a pass did. */
export interface ReconcileDone {
	/** The glossary generation the stored analyses are now recorded against. */
	generation: string;
	/** Entries whose forms were added, changed or removed. */
	changedEntries: number;
	/** The texts marked for re-analysis, by document id. */
	marked: number[];
	/** What could not be done (a text that could not be searched is left as it is), for the log. */
	problems: string[];
	/**
	 * False when another pass recorded a glossary meanwhile: nothing was written but the marks,
	 * and the next pass compares with what that one recorded.
	 */
	recorded: boolean;
}

/** The worker's job: the store's file (the server opened and migrated it). */
export interface GlossaryReconcileJob {
	store: string;
	/** How the worker asks the server's thread for its turn at the write lock (write-turns.ts). */
	writeTurn?: WriteTurnTicket;
}

const describe = (error: unknown) => (error instanceof Error ? error.message : String(error));

const metaValue = (db: Db, key: string) =>
	(
		db.prepare('SELECT value FROM analysis_meta WHERE key = ?').get(key) as
			{ value: string } | undefined
	)?.value;

/** True when the glossary changed since the stored analyses' one was recorded (one small read). */
export function glossaryChanged(db: Db): boolean {
	return metaValue(db, 'glossary-generation') !== glossaryGeneration(db);
}

function parseVariants(json: string): string[] {
	try {
		const parsed: unknown = JSON.parse(json);
		return Array.isArray(parsed) ? parsed.filter((v): v is string => typeof v === 'string') : [];
	} catch {
		return [];
	}
}

/** An entry to search texts for, rebuilt from its forms (Spanish first, as entryForms lists them). */
const entryOfForms = (id: string, forms: string[]): GlossaryEntry =>
	({
		id,
		es: forms[0],
		en: forms[1] ?? forms[0],
		variants: forms.slice(2),
		type: 'other',
		explanation: { en: '', es: '' }
	}) as unknown as GlossaryEntry;

/**
 * The entries whose forms differ between two records, old and new forms both (a text with an
 * old form has a mark to lose, one with a new form a mark to gain); ids distinct, so an entry's
 * old and new forms are searched together.
 */
function changedEntries(previous: GlossaryForms, current: GlossaryForms): GlossaryEntry[] {
	const changed: GlossaryEntry[] = [];
	for (const id of new Set([...Object.keys(previous), ...Object.keys(current)])) {
		const [before, after] = [previous[id], current[id]];
		if (before?.join('\u0000') === after?.join('\u0000')) continue;
		if (before) changed.push(entryOfForms(`${changed.length}`, before));
		if (after) changed.push(entryOfForms(`${changed.length}`, after));
	}
	return changed;
}

interface Plan {
	generation: string;
	/** The generation recorded before: the write checks that no other pass replaced it. */
	known: string | undefined;
	forms: string;
	changedEntries: number;
	marked: number[];
	problems: string[];
}

/**
 * Decides what to mark and record, from one read snapshot (call inside a transaction); nothing
 * when the recorded glossary is the current one.
 */
function plan(db: Db): Plan | undefined {
	const generation = glossaryGeneration(db);
	const known = metaValue(db, 'glossary-generation');
	if (known === generation) return undefined;
	const stored = metaValue(db, 'glossary-forms');
	const current: GlossaryForms = {};
	const rows = db
		.prepare('SELECT id, es, en, variants FROM glossary_entries WHERE deleted = 0')
		.raw()
		.all() as [string, string, string, string][];
	for (const [id, es, en, variants] of rows)
		current[id] = entryForms({ es, en, variants: parseVariants(variants) });
	const problems: string[] = [];
	const analysed = db.prepare(
		`SELECT a.document_id id, d.text FROM analyses a JOIN documents d ON d.id = a.document_id
		 WHERE a.state != 'pending' ORDER BY a.document_id`
	);
	let marked: number[] = [];
	let changed = 0;
	// No record yet: the stored analyses are taken as made with the current glossary.
	if (stored !== undefined) {
		let previous: GlossaryForms | undefined;
		try {
			previous = JSON.parse(stored) as GlossaryForms;
		} catch (error) {
			problems.push(
				`the recorded glossary forms are unreadable, every text is analysed again: ${describe(error)}`
			);
		}
		if (!previous) {
			// Nothing to compare with: every analysed text is analysed again, with the current glossary.
			marked = (analysed.all() as { id: number }[]).map((r) => r.id);
			changed = rows.length;
		} else {
			const entries = changedEntries(previous, current);
			changed = entries.length;
			if (entries.length > 0) {
				const matcher = createGlossaryMatcher(entries);
				for (const { id, text } of analysed.iterate() as Iterable<{ id: number; text: string }>) {
					try {
						if (matcher.find(text).length > 0) marked.push(id);
					} catch (error) {
						problems.push(`glossary check of document ${id} failed: ${describe(error)}`);
					}
				}
			}
		}
	}
	return {
		generation,
		known,
		forms: JSON.stringify(current),
		changedEntries: changed,
		marked,
		problems
	};
}

/**
 * Marks the analysed texts a glossary change touches and records the current glossary, on `db`:
 * decided from a read snapshot without the write lock, then written in one short transaction
 * (the marks, the forms and their generation together). The forms and generation written are
 * the snapshot's, a consistent pair: an edit that came after the snapshot is the next pass's.
 * A worker's write transaction runs in a turn the server's thread grants (`writeTurn`).
 */
export function reconcileGlossaryStore(
	db: Db,
	writeTurn?: WriteTurnTicket
): ReconcileDone | undefined {
	const decided = db.transaction(() => plan(db)).deferred();
	if (!decided) return undefined;
	const recorded = inWriteTurn(writeTurn, () =>
		db
			.transaction(() => {
				const pending = db.prepare(
					"UPDATE analyses SET state = 'pending', error = NULL WHERE document_id = ?"
				);
				for (const id of decided.marked) pending.run(id);
				// Marking more is always safe; recording over another pass's record is not.
				if (metaValue(db, 'glossary-generation') !== decided.known) return false;
				const save = db.prepare(
					`INSERT INTO analysis_meta (key, value) VALUES (?, ?)
				 ON CONFLICT (key) DO UPDATE SET value = excluded.value`
				);
				save.run('glossary-forms', decided.forms);
				save.run('glossary-generation', decided.generation);
				return true;
			})
			.immediate()
	);
	return {
		generation: decided.generation,
		changedEntries: decided.changedEntries,
		marked: decided.marked,
		problems: decided.problems,
		recorded
	};
}

/** The worker's side: the same, on a connection of its own to the store's file. */
export function runGlossaryReconcile(job: GlossaryReconcileJob): ReconcileDone | undefined {
	const db = new Database(job.store, { fileMustExist: true });
	try {
		db.pragma('foreign_keys = ON');
		db.pragma('busy_timeout = 5000');
		return reconcileGlossaryStore(db, job.writeTurn);
	} catch (error) {
		// A plain Error, so the reason reaches the server's log across the thread boundary
		// (better-sqlite3's own error class arrives there without its message). Nothing was
		// written (the write is one transaction); the next pass tries again.
		throw new Error(`glossary re-marking rolled back: ${describe(error)}`, { cause: error });
	} finally {
		db.close();
	}
}
