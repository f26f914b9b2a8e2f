// The glossary matcher for the entries currently in the store, rebuilt only when the glossary
// changes (building it is the expensive part; matching a document is linear), and only when
// something on this thread matches: the analysis worker builds its own.
import type { Db } from './db';
import { fromRow, toGlossaryEntry, type EntryRow } from './glossary-rows';
import type { GlossaryInput, GlossaryRow } from './analysis-jobs';
// Relative imports: the glossary import's worker (glossary-import.ts) loads this file outside Vite.
import { createGlossaryMatcher, glossarySurfaceForms, type GlossaryEntry } from '../core/glossary';

interface GlossaryState {
	generation: string;
	entries: Map<string, GlossaryEntry>;
	/** Built on first use: pages read stored marks, so the main thread rarely needs it. */
	readonly matcher: ReturnType<typeof createGlossaryMatcher>;
	/** Every surface form: the detector masks them so that names cast no language vote. */
	readonly forms: string[];
}

const cache = new WeakMap<Db, GlossaryState>();

/** Changes with every write to the glossary (migration 6 counts them with triggers). */
export function glossaryGeneration(db: Db): string {
	const { token, generation } = db
		.prepare('SELECT token, generation FROM glossary_state WHERE id = 1')
		.get() as { token: string; generation: number };
	return `${token}:${generation}`;
}

/** The live entries as rows, unparsed: what the analysis worker is sent (it parses them). */
export function glossaryRows(db: Db): GlossaryRow[] {
	return db
		.prepare('SELECT id, es, en, variants FROM glossary_entries WHERE deleted = 0')
		.raw()
		.all() as GlossaryRow[];
}

/**
 * The glossary as a worker task carries it: the store's file and the generation, read here in
 * one small query, and the worker reads the rows itself, once per generation
 * (analysis-jobs.ts readStoreGlossary): after a 50,000-entry import, reading them here and
 * copying them into every task held the event loop for 159-334 ms per text (issue #12). An
 * in-memory store cannot be opened from another thread: its rows are read here and sent, unless
 * `known` holds them for the current generation already.
 */
export function glossaryForWorker(db: Db, known?: GlossaryInput): GlossaryInput {
	const generation = glossaryGeneration(db);
	if (!db.memory && db.name) return { generation, store: db.name };
	if (known?.rows && known.generation === generation) return known;
	return { generation, rows: glossaryRows(db) };
}

/** Entries by id, for the terms a page shows (never the whole glossary). */
export function glossaryEntriesById(db: Db, ids: Iterable<string>): Map<string, GlossaryEntry> {
	const found = new Map<string, GlossaryEntry>();
	const get = db.prepare('SELECT * FROM glossary_entries WHERE id = ? AND deleted = 0');
	for (const id of new Set(ids)) {
		const row = get.get(id) as EntryRow | undefined;
		if (!row) continue;
		try {
			found.set(id, toGlossaryEntry(fromRow(row)));
		} catch {
			/* a damaged entry is left out (glossaryMatcher logs it) */
		}
	}
	return found;
}

/**
 * The live entries; a row that cannot be read (its JSON damaged by hand) is left out and
 * logged, so one bad entry cannot take every page down with it.
 */
function liveEntries(db: Db): GlossaryEntry[] {
	const entries: GlossaryEntry[] = [];
	const rows = db.prepare('SELECT * FROM glossary_entries WHERE deleted = 0').all() as EntryRow[];
	for (const row of rows) {
		try {
			entries.push(toGlossaryEntry(fromRow(row)));
		} catch (error) {
			console.error(
				`puente: glossary entry "${row.id}" cannot be read and is left out: ${
					error instanceof Error ? error.message : String(error)
				}`
			);
		}
	}
	return entries;
}

/** The glossary of the store: entries and (lazily) matcher and forms, rebuilt per generation. */
export function glossaryMatcher(db: Db): GlossaryState {
	const generation = glossaryGeneration(db);
	let cached = cache.get(db);
	if (cached?.generation !== generation) {
		const list = liveEntries(db);
		let matcher: ReturnType<typeof createGlossaryMatcher> | undefined;
		let forms: string[] | undefined;
		cached = {
			generation,
			entries: new Map(list.map((e) => [e.id, e])),
			get matcher() {
				return (matcher ??= createGlossaryMatcher(list));
			},
			get forms() {
				return (forms ??= glossarySurfaceForms(list));
			}
		};
		cache.set(db, cached);
	}
	return cached;
}
