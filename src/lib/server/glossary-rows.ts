// Glossary entries as the store keeps them, read back into objects: shared by the glossary
// service, the import (in a worker thread: relative imports only) and the matcher cache, so all
// see an entry the same way; and the statements that write one.
import type { Db } from './db';
import type { GlossaryEntry } from '../core/glossary';
import type { GlossaryEntryInput } from './glossary-entry-input';

export interface StoredGlossaryEntry {
	id: string;
	type: string;
	es: string;
	en: string;
	variants: string[];
	explanation: { en: string; es: string };
	firstOccurrence?: { document: string; quote: string };
	origin: 'seed' | 'user';
	version: number;
	updatedAt: string;
}

export interface EntryRow {
	id: string;
	type: string;
	es: string;
	en: string;
	variants: string;
	explanation_en: string;
	explanation_es: string;
	first_occurrence: string | null;
	origin: 'seed' | 'user';
	deleted: number;
	version: number;
	updated_at: string;
}

export function fromRow(row: EntryRow): StoredGlossaryEntry {
	const entry: StoredGlossaryEntry = {
		id: row.id,
		type: row.type,
		es: row.es,
		en: row.en,
		variants: JSON.parse(row.variants) as string[],
		explanation: { en: row.explanation_en, es: row.explanation_es },
		origin: row.origin,
		version: row.version,
		updatedAt: row.updated_at
	};
	if (row.first_occurrence) entry.firstOccurrence = JSON.parse(row.first_occurrence);
	return entry;
}

/** The plain entry, as the API and the file formats carry it. */
export function toGlossaryEntry(entry: StoredGlossaryEntry): GlossaryEntry {
	const plain = {
		id: entry.id,
		type: entry.type,
		es: entry.es,
		en: entry.en,
		variants: entry.variants,
		explanation: entry.explanation,
		...(entry.firstOccurrence ? { firstOccurrence: entry.firstOccurrence } : {})
	};
	return plain as unknown as GlossaryEntry;
}

export function liveRows(db: Db): StoredGlossaryEntry[] {
	return (db.prepare('SELECT * FROM glossary_entries WHERE deleted = 0').all() as EntryRow[]).map(
		fromRow
	);
}

export const INSERT = `INSERT INTO glossary_entries
	(id, type, es, en, variants, explanation_en, explanation_es, first_occurrence, origin)
	VALUES (@id, @type, @es, @en, @variants, @explanationEn, @explanationEs, @firstOccurrence, @origin)`;

export function rowParams(
	entry: GlossaryEntryInput & { id: string; firstOccurrence?: unknown },
	origin: 'seed' | 'user'
) {
	return {
		id: entry.id,
		type: entry.type,
		es: entry.es,
		en: entry.en,
		variants: JSON.stringify(entry.variants ?? []),
		explanationEn: entry.explanation.en,
		explanationEs: entry.explanation.es,
		firstOccurrence: entry.firstOccurrence ? JSON.stringify(entry.firstOccurrence) : null,
		origin
	};
}

export const UPDATE = `UPDATE glossary_entries SET type = @type, es = @es, en = @en, variants = @variants,
	explanation_en = @explanationEn, explanation_es = @explanationEs, deleted = 0,
	version = version + 1, updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now')`;
