// The glossary matcher for the entries currently in the store, rebuilt only when the glossary
// changes (building it is the expensive part; matching a document is linear).
import type { Db } from './db';
import { liveRows, toGlossaryEntry } from './glossary-rows';
import {
	createGlossaryMatcher,
	glossarySurfaceForms,
	type GlossaryEntry
} from '$lib/core/glossary';

let cached:
	| {
			generation: string;
			matcher: ReturnType<typeof createGlossaryMatcher>;
			entries: Map<string, GlossaryEntry>;
			/** Every surface form: the detector masks them so that names cast no language vote. */
			forms: string[];
	  }
	| undefined;

export function glossaryMatcher(db: Db) {
	const { n, latest, versions } = db
		.prepare(
			'SELECT count(*) n, max(updated_at) latest, sum(version) versions FROM glossary_entries WHERE deleted = 0'
		)
		.get() as { n: number; latest: string | null; versions: number | null };
	const generation = `${n}:${latest}:${versions}`;
	if (cached?.generation !== generation) {
		const entries = liveRows(db).map(toGlossaryEntry);
		cached = {
			generation,
			matcher: createGlossaryMatcher(entries),
			entries: new Map(entries.map((e) => [e.id, e])),
			forms: glossarySurfaceForms(entries)
		};
	}
	return cached;
}
