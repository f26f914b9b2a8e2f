// Importing a glossary file (CSV or TBX): decoding, reading and checking every entry (pure work),
// then writing them all in one transaction. The server runs the whole of it in a worker thread
// (request-jobs.ts 'import-glossary', asked by importGlossaryInPool in glossary.ts), because a
// 50,000-entry file takes seconds of parsing and checking and about a second of writing, and
// none of that may hold the event loop (issue #12). The CLI and tests call the same functions
// on their own thread (importGlossary in glossary.ts).
//
// Where the rows are written, and why there: in the worker, on a connection of its own to the
// same file, in ONE transaction (BEGIN IMMEDIATE), so an import is all or nothing. A failure
// midway (a constraint, a full disk, the worker or the whole process dying) leaves the glossary
// as it was: SQLite rolls the transaction back, even after a crash. The alternatives lose that:
// writing on the request thread's connection in chunks with the event loop handed back between
// them either commits each chunk (a failure leaves half a glossary, and pages show a half
// glossary meanwhile) or keeps one transaction open across the gaps, and then every other
// request's write on that shared connection lands inside it, to be rolled back with it. A second
// connection on the request thread cannot do it either: a request writing meanwhile would wait
// for the lock synchronously, on the very thread that holds it. The store is in WAL mode (db.ts),
// so pages keep reading the last committed glossary while the worker writes, and see the whole
// import at once when it commits. While the worker holds the write lock (0.3 to 1 s for 50,000
// new entries; decoding, parsing, checking and deciding what to write come before and hold no
// lock) a write on the server's thread would wait for it synchronously (busy_timeout), and the
// event loop with it; so the worker takes the lock only in a turn the server's thread grants
// (write-turns.ts), and the server's writers await their own turn meanwhile, leaving the loop
// free (`npm run bench:glossary-load` measures both).
//
// An in-memory store (tests) cannot be opened from another thread: there the worker only
// checks, and the caller writes.
//
// Relative imports only: in development and tests the worker loads this file through tsx,
// outside Vite, where the `$lib` alias does not exist.
import Database from 'better-sqlite3';
import type { Db } from './db';
import { userError, type Result, type UserError } from '../core/errors';
import { parseGlossaryCsv } from '../core/formats/glossary-csv';
import { readTbx, type TbxNotes } from '../core/formats/tbx';
import { decodeFileBytes, type TextEncoding } from '../core/formats/encoding';
import { checkGlossaryEntry, type GlossaryEntry } from '../core/glossary';
import {
	fieldError,
	validateEntryInput,
	type EntryField,
	type GlossaryEntryInput
} from './glossary-entry-input';
import { fromRow, INSERT, rowParams, UPDATE, type EntryRow } from './glossary-rows';
import { glossaryGeneration } from './glossary-matching';
import { inWriteTurn, type WriteTurnTicket } from './write-turns';

export type GlossaryFormat = 'csv' | 'tbx';

export const isGlossaryFormat = (value: unknown): value is GlossaryFormat =>
	value === 'csv' || value === 'tbx';

export interface ImportReport {
	added: number;
	updated: number;
	unchanged: number;
	/** What reading a TBX file had to decide (ids given, definitions shared or missing). */
	notes?: TbxNotes;
}

/** An entry of the file, checked and tidied, with the id it is stored under. */
export type CheckedEntry = GlossaryEntryInput & { id: string; firstOccurrence?: unknown };

/** A file's entries, every one valid, ready to write. */
export interface CheckedGlossary {
	entries: CheckedEntry[];
	/** Only when reading had to decide something: a Puente export reads back with none. */
	notes?: TbxNotes;
}

const sameContent = (a: GlossaryEntryInput, b: GlossaryEntryInput) =>
	a.type === b.type &&
	a.es === b.es &&
	a.en === b.en &&
	a.explanation.en === b.explanation.en &&
	a.explanation.es === b.explanation.es &&
	JSON.stringify(a.variants) === JSON.stringify(b.variants);

/**
 * Reads a CSV or TBX file and checks every entry; the first problem refuses the whole file,
 * naming the entry (its number and id or form) and the field.
 */
export function checkGlossaryImport(format: GlossaryFormat, text: string): Result<CheckedGlossary> {
	let notes: TbxNotes | undefined;
	let parsed: Result<GlossaryEntry[]>;
	if (format === 'csv') parsed = parseGlossaryCsv(text);
	else {
		const tbx = readTbx(text);
		if (tbx.ok) notes = tbx.value.notes;
		parsed = tbx.ok ? { ok: true, value: tbx.value.entries } : tbx;
	}
	if (!parsed.ok) return parsed;
	const entries = parsed.value;
	if (entries.length === 0) return { ok: false, error: fieldError('importEmpty') };

	const checked: CheckedEntry[] = [];
	const ids = new Set<string>();
	for (const [index, raw] of entries.entries()) {
		const entry = raw as unknown as Partial<GlossaryEntryInput> & {
			id?: string;
			firstOccurrence?: unknown;
		};
		const label = entry.id || entry.es || entry.en || String(index + 1);
		const result = validateEntryInput(entry);
		if (!result.ok) {
			const [field, problem] = Object.entries(result.fields)[0] as [EntryField, UserError];
			return {
				ok: false,
				error: fieldError('importInvalidEntry', {
					number: index + 1,
					entry: label,
					field,
					problem: problem.key,
					...problem.params
				})
			};
		}
		const id = entry.id ? String(entry.id).trim() : '';
		// The core checks the id before anything else, so the id alone gets the same verdict on
		// it as the whole entry would, without checking the entry's forms a second time.
		const idCheck = checkGlossaryEntry({ id });
		if (!('entry' in idCheck) && idCheck.problem.startsWith('id '))
			return { ok: false, error: fieldError('importBadId', { number: index + 1, entry: label }) };
		if (ids.has(id))
			return {
				ok: false,
				error: fieldError('importDuplicateId', { number: index + 1, entry: id })
			};
		ids.add(id);
		checked.push({ ...result.value, id, firstOccurrence: entry.firstOccurrence });
	}

	const decided =
		notes &&
		(notes.ids.length > 0 ||
			notes.oneDefinition > 0 ||
			notes.noDefinition > 0 ||
			notes.typeDefaulted > 0 ||
			notes.undeterminedAsSpanish !== undefined);
	return { ok: true, value: { entries: checked, ...(decided ? { notes } : {}) } };
}

/**
 * A glossary file's bytes: UTF-8, UTF-16 with a BOM, or Windows-1252 when the person chose it
 * (the error offers it), then checkGlossaryImport.
 */
export function checkGlossaryFile(
	format: GlossaryFormat,
	bytes: Uint8Array,
	options: { encoding?: TextEncoding } = {}
): Result<CheckedGlossary> {
	const decoded = decodeFileBytes(bytes, options);
	return decoded.ok ? checkGlossaryImport(format, decoded.value.text) : decoded;
}

/** What an import changes: decided from the stored rows, then applied. */
interface ImportPlan {
	insert: CheckedEntry[];
	update: { entry: CheckedEntry; origin: EntryRow['origin'] }[];
	unchanged: number;
}

/** An id in the store is updated (and restored if it was removed), an unknown id is added. */
function planImport(db: Db, entries: readonly CheckedEntry[]): ImportPlan {
	const existing = db.prepare('SELECT * FROM glossary_entries WHERE id = ?');
	const plan: ImportPlan = { insert: [], update: [], unchanged: 0 };
	for (const entry of entries) {
		const row = existing.get(entry.id) as EntryRow | undefined;
		if (!row) plan.insert.push(entry);
		else if (row.deleted === 0 && sameContent(fromRow(row), entry)) plan.unchanged++;
		else plan.update.push({ entry, origin: row.origin });
	}
	return plan;
}

/**
 * Writes checked entries in one transaction: an id in the store is updated (and restored if it
 * was removed: importing it is an explicit wish), an unknown id is added. What to write is
 * decided first, from a read snapshot, without the write lock (reading and comparing 50,000
 * stored entries takes as long as writing them); the write transaction then applies it if the
 * glossary is still at the snapshot's generation, and decides again under the lock if an edit
 * came in between. A file that changes nothing takes no write lock at all: it is applied as of
 * its snapshot, as if an edit made since had come after it. A worker's write transaction runs in
 * a turn the server's thread grants (`writeTurn`, write-turns.ts).
 */
export function writeGlossaryImport(
	db: Db,
	checked: CheckedGlossary,
	writeTurn?: WriteTurnTicket
): ImportReport {
	const snapshot = db
		.transaction(() => ({
			plan: planImport(db, checked.entries),
			generation: glossaryGeneration(db)
		}))
		.deferred();
	let plan = snapshot.plan;
	if (plan.insert.length > 0 || plan.update.length > 0)
		inWriteTurn(writeTurn, () =>
			db
				.transaction(() => {
					if (glossaryGeneration(db) !== snapshot.generation)
						plan = planImport(db, checked.entries);
					const insert = db.prepare(INSERT);
					const update = db.prepare(`${UPDATE} WHERE id = @id`);
					for (const entry of plan.insert) insert.run(rowParams(entry, 'user'));
					for (const { entry, origin } of plan.update) update.run(rowParams(entry, origin));
				})
				.immediate()
		);
	return {
		added: plan.insert.length,
		updated: plan.update.length,
		unchanged: plan.unchanged,
		...(checked.notes ? { notes: checked.notes } : {})
	};
}

/** What the worker is given: the file's bytes, and the store's file when it has one. */
export interface GlossaryImportJob {
	format: GlossaryFormat;
	bytes: Uint8Array;
	encoding?: TextEncoding;
	/** The database file to write to; absent for an in-memory store (the caller writes). */
	store?: string;
	/** How the worker asks the server's thread for its turn at the write lock (write-turns.ts). */
	writeTurn?: WriteTurnTicket;
}

export type GlossaryImportDone =
	| { ok: false; error: UserError }
	| { ok: true; written: ImportReport }
	| { ok: true; checked: CheckedGlossary };

/** Seconds a person is asked to wait when the store stayed locked by other writes. */
const LOCKED_RETRY_SECONDS = 5;

const describe = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** The worker's side of an import: check the file, then write it to the store if there is one. */
export function runGlossaryImport(job: GlossaryImportJob): GlossaryImportDone {
	const checked = checkGlossaryFile(job.format, job.bytes, { encoding: job.encoding });
	if (!checked.ok) return checked;
	if (!job.store) return { ok: true, checked: checked.value };
	// The file exists (the server opened and migrated it); the journal mode (WAL) is the file's.
	const db = new Database(job.store, { fileMustExist: true });
	try {
		db.pragma('foreign_keys = ON');
		db.pragma('busy_timeout = 5000');
		return { ok: true, written: writeGlossaryImport(db, checked.value, job.writeTurn) };
	} catch (error) {
		// Another write held the store past the timeout: nothing was written; try again later.
		if ((error as { code?: string }).code === 'SQLITE_BUSY')
			return { ok: false, error: userError('busy', { seconds: LOCKED_RETRY_SECONDS }) };
		// Rolled back. A plain Error, so the reason reaches the server's log across the thread
		// boundary (better-sqlite3's own error class arrives there without its message).
		throw new Error(`glossary import rolled back: ${describe(error)}`, { cause: error });
	} finally {
		db.close();
	}
}
