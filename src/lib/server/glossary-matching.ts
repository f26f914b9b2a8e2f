// The glossary matcher for the entries currently in the store, rebuilt only when the glossary
// changes (building it is the expensive part; matching a document is linear), and only when
// something on this thread matches: the analysis worker builds its own.
import type { Db } from './db';
import { fromRow, toGlossaryEntry, type EntryRow } from './glossary-rows';
import {
	createGlossaryMatcher,
	glossarySurfaceForms,
	type GlossaryEntry
} from '$lib/core/glossary';

interface GlossaryState {
	generation: string;
	entries: Map<string, GlossaryEntry>;
	/** Built on first use: pages read stored marks, so the main thread rarely needs it. */
	readonly matcher: ReturnType<typeof createGlossaryMatcher>;
	/** Every surface form: the detector masks them so that names cast no language vote. */
	readonly forms: string[];
}

let cached: GlossaryState | undefined;

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

export function glossaryMatcher(db: Db): GlossaryState {
	const { n, latest, versions } = db
		.prepare(
			'SELECT count(*) n, max(updated_at) latest, sum(version) versions FROM glossary_entries WHERE deleted = 0'
		)
		.get() as { n: number; latest: string | null; versions: number | null };
	const generation = `${n}:${latest}:${versions}`;
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
	}
	return cached;
}
