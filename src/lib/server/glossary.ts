// The glossary in the store: seeded from the shipped file, then edited by people (create, update
// with a version check, soft delete, import, export), plus the concordance of an entry in the corpus.
// An entry's checks live in glossary-entry-input.ts and an import's in glossary-import.ts, which
// the worker threads load too.
import type { Db } from './db';
import {
	fromRow,
	INSERT,
	liveRows,
	rowParams,
	toGlossaryEntry,
	UPDATE,
	type EntryRow,
	type StoredGlossaryEntry
} from './glossary-rows';

export { toGlossaryEntry, type StoredGlossaryEntry };
import {
	fieldError,
	validateEntryInput,
	type FieldErrors,
	type GlossaryEntryInput
} from './glossary-entry-input';

export { LIMITS, validateEntryInput } from './glossary-entry-input';
export type { EntryField, FieldErrors, GlossaryEntryInput } from './glossary-entry-input';
import {
	checkGlossaryFile,
	checkGlossaryImport,
	writeGlossaryImport,
	type GlossaryFormat,
	type ImportReport
} from './glossary-import';

export { isGlossaryFormat, type GlossaryFormat, type ImportReport } from './glossary-import';
import { heavyJobs, type HeavyJobs } from './heavy-jobs';
import { storeWritable, withWriteTicket, type WriteTurnTicket } from './write-turns';
import { getDocument, getStoredDocument, listDocuments, storedMarks } from './documents';
import { counterparts, readingOf, type Reading } from './reading';
import { glossaryMatcher } from './glossary-matching';
import { GLOSSARY_TYPES, type GlossaryEntry } from '$lib/core/glossary';

export { GLOSSARY_TYPES };
import { userError, type Result, type UserError } from '$lib/core/errors';
import { foldForSearch } from '$lib/core/text/fold';
import { exportGlossaryCsv } from '$lib/core/formats/glossary-csv';
import { exportTbx, type TbxVersion } from '$lib/core/formats/tbx';
import type { TextEncoding } from '$lib/core/formats/encoding';
import type { Lang } from '$lib/core/types';
// Bundled into the server build, so a production server needs no source tree beside it.
import shippedGlossary from '$lib/data/glossary.json';

export type SaveResult =
	| { ok: true; entry: StoredGlossaryEntry }
	| { ok: false; error: UserError; fields?: FieldErrors; current?: StoredGlossaryEntry };

/**
 * Puts the shipped entries that are not in the store yet into it. An id already there, edited
 * or removed, is left alone: a person's change wins over the file, and a removal is kept.
 */
export function seedGlossary(
	db: Db,
	entries: readonly GlossaryEntry[] = shippedGlossary as GlossaryEntry[]
): number {
	const insert = db.prepare(`${INSERT} ON CONFLICT (id) DO NOTHING`);
	let added = 0;
	db.transaction(() => {
		for (const entry of entries)
			added += insert.run(
				rowParams(entry as unknown as GlossaryEntryInput & { id: string }, 'seed')
			).changes;
	})();
	return added;
}

const collator = new Intl.Collator('es', { sensitivity: 'base' });

/** How well an entry matches a search, best first; an entry that matches in no way is left out. */
export const MATCH_QUALITY = ['exact', 'prefix', 'word', 'explanation'] as const;
export type MatchQuality = (typeof MATCH_QUALITY)[number];

const WORD_CHAR = /[\p{L}\p{N}]/u;
const isWordChar = (c: string | undefined) => c !== undefined && WORD_CHAR.test(c);

/** Whether `needle` occurs in `text` starting at a word's start (and, if `whole`, ending at a word's end). */
function occursAtWord(text: string, needle: string, whole: boolean): boolean {
	for (let at = text.indexOf(needle); at >= 0; at = text.indexOf(needle, at + 1)) {
		if (isWordChar(text[at - 1])) continue;
		if (whole && isWordChar(text[at + needle.length])) continue;
		return true;
	}
	return false;
}

/**
 * How `entry` matches the folded query: one of its forms (Spanish, English, a variant) is the
 * query, or starts with it, or has a word starting with it ("libertad" in "La Libertad"); else an
 * explanation has the query as whole words. A match inside a word is no match: "oas" is in
 * "coast", which is why "OAS" used to find Ica, Lima and Perú.
 */
function matchQuality(entry: StoredGlossaryEntry, needle: string): MatchQuality | undefined {
	const terms = [entry.es, entry.en, ...entry.variants].map(foldForSearch);
	if (terms.some((t) => t === needle)) return 'exact';
	if (terms.some((t) => t.startsWith(needle))) return 'prefix';
	if (terms.some((t) => occursAtWord(t, needle, false))) return 'word';
	if (
		[entry.explanation.en, entry.explanation.es].some((t) =>
			occursAtWord(foldForSearch(t), needle, true)
		)
	)
		return 'explanation';
	return undefined;
}

/**
 * Entries matching the query, accents and case aside ("peru" finds "Perú"), best match first
 * (see matchQuality), then alphabetical by the Spanish form. Entries that only mention the query
 * in their explanation come last: they are related (Perú's explanation names Lima), but a person
 * typing a name looks for its entry, which always comes before them.
 */
export function listGlossary(
	db: Db,
	options: { q?: string; type?: string } = {}
): StoredGlossaryEntry[] {
	return searchGlossary(db, options).map((r) => r.entry);
}

/** listGlossary with how each entry matched. */
export function searchGlossary(
	db: Db,
	options: { q?: string; type?: string } = {}
): { entry: StoredGlossaryEntry; match: MatchQuality | undefined }[] {
	const needle = foldForSearch((options.q ?? '').trim().replace(/\s+/g, ' '));
	const ranked: { entry: StoredGlossaryEntry; match: MatchQuality | undefined; rank: number }[] =
		[];
	for (const entry of liveRows(db)) {
		if (options.type && entry.type !== options.type) continue;
		const match = needle ? matchQuality(entry, needle) : undefined;
		if (needle && !match) continue;
		ranked.push({ entry, match, rank: match ? MATCH_QUALITY.indexOf(match) : 0 });
	}
	ranked.sort((a, b) => a.rank - b.rank || collator.compare(a.entry.es, b.entry.es));
	return ranked.map(({ entry, match }) => ({ entry, match }));
}

/** How many live entries there are of each type. */
export function glossaryTypeCounts(db: Db): Record<string, number> {
	const rows = db
		.prepare('SELECT type, count(*) n FROM glossary_entries WHERE deleted = 0 GROUP BY type')
		.all() as { type: string; n: number }[];
	return Object.fromEntries(rows.map((r) => [r.type, r.n]));
}

export function getGlossaryEntry(db: Db, id: string): StoredGlossaryEntry | undefined {
	const row = db.prepare('SELECT * FROM glossary_entries WHERE id = ? AND deleted = 0').get(id) as
		EntryRow | undefined;
	return row && fromRow(row);
}

function slugOf(text: string): string {
	return (
		foldForSearch(text)
			.replace(/[^a-z0-9]+/g, '-')
			.replace(/^-+|-+$/g, '')
			.slice(0, 60)
			// Ids are XML ids in TBX: they start with a letter.
			.replace(/^(?![a-z])/, 'entry-')
			.replace(/-$/, '')
	);
}

/** A new id from the Spanish form, never one in use, removed entries included (ids are not reused). */
function freshId(db: Db, es: string): string {
	const base = slugOf(es);
	const taken = db.prepare('SELECT 1 FROM glossary_entries WHERE id = ?');
	let id = base;
	for (let n = 2; taken.get(id); n++) id = `${base}-${n}`;
	return id;
}

/** Another live entry with the same Spanish and English forms, accents and case aside. */
function duplicateOf(
	db: Db,
	input: GlossaryEntryInput,
	exceptId?: string
): StoredGlossaryEntry | undefined {
	const [es, en] = [foldForSearch(input.es), foldForSearch(input.en)];
	return liveRows(db).find(
		(e) => e.id !== exceptId && foldForSearch(e.es) === es && foldForSearch(e.en) === en
	);
}

export function createGlossaryEntry(
	db: Db,
	input: Partial<Record<keyof GlossaryEntryInput, unknown>>
): SaveResult {
	const checked = validateEntryInput(input);
	if (!checked.ok) return { ok: false, error: fieldError('invalidEntry'), fields: checked.fields };
	const duplicate = duplicateOf(db, checked.value);
	if (duplicate)
		return {
			ok: false,
			error: fieldError('invalidEntry'),
			fields: { es: fieldError('duplicate', { es: duplicate.es, en: duplicate.en }) }
		};
	const id = db.transaction(() => {
		const id = freshId(db, checked.value.es);
		db.prepare(INSERT).run(rowParams({ ...checked.value, id }, 'user'));
		return id;
	})();
	return { ok: true, entry: getGlossaryEntry(db, id)! };
}

/**
 * Saves a person's edit. `expectedVersion` is the version they started from: if the entry changed
 * since (another tab), nothing is written and the result carries the stored entry, so the page can
 * show both and the person's text is not lost.
 */
export function updateGlossaryEntry(
	db: Db,
	id: string,
	expectedVersion: number,
	input: Partial<Record<keyof GlossaryEntryInput, unknown>>
): SaveResult {
	const checked = validateEntryInput(input);
	if (!checked.ok) return { ok: false, error: fieldError('invalidEntry'), fields: checked.fields };
	const duplicate = duplicateOf(db, checked.value, id);
	if (duplicate)
		return {
			ok: false,
			error: fieldError('invalidEntry'),
			fields: { es: fieldError('duplicate', { es: duplicate.es, en: duplicate.en }) }
		};
	return db.transaction((): SaveResult => {
		const current = getGlossaryEntry(db, id);
		if (!current) return { ok: false, error: userError('not-found') };
		const changes = db
			.prepare(`${UPDATE} WHERE id = @id AND version = @expectedVersion AND deleted = 0`)
			.run({ ...rowParams({ ...checked.value, id }, current.origin), expectedVersion }).changes;
		if (changes === 0) return { ok: false, error: userError('conflict', { detail: id }), current };
		return { ok: true, entry: getGlossaryEntry(db, id)! };
	})();
}

/**
 * Removes an entry. The row stays, flagged, so that the next seeding does not bring a removed
 * shipped entry back. With `expectedVersion`, a removal of an entry someone has just changed is refused.
 */
export function deleteGlossaryEntry(db: Db, id: string, expectedVersion?: number): Result<void> {
	return db.transaction((): Result<void> => {
		const current = getGlossaryEntry(db, id);
		if (!current) return { ok: false, error: userError('not-found') };
		if (expectedVersion !== undefined && current.version !== expectedVersion)
			return { ok: false, error: userError('conflict', { detail: id }) };
		db.prepare(
			`UPDATE glossary_entries SET deleted = 1, version = version + 1,
			 updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = ?`
		).run(id);
		return { ok: true, value: undefined };
	})();
}

/** The glossary as a download: CSV (with a BOM) or TBX-Basic, v2 unless v3 is asked for. */
export function exportGlossary(
	db: Db,
	format: GlossaryFormat,
	options: { tbxVersion?: TbxVersion } = {}
): { body: string; contentType: string; filename: string } {
	const entries = listGlossary(db).map(toGlossaryEntry);
	return format === 'csv'
		? {
				body: exportGlossaryCsv(entries),
				contentType: 'text/csv; charset=utf-8',
				filename: 'puente-glossary.csv'
			}
		: {
				body: exportTbx(entries, { version: options.tbxVersion ?? 2 }),
				contentType: 'application/x-tbx+xml; charset=utf-8',
				filename: 'puente-glossary.tbx'
			};
}

/**
 * Reads a CSV or TBX file and applies it: every entry is checked first, and only if all are valid
 * are they written, in one transaction. An id in the store is updated (and restored if it was
 * removed: importing it is an explicit wish); an unknown id is added. On this thread: the CLI and
 * tests; the server imports through importGlossaryInPool.
 */
export function importGlossary(db: Db, format: GlossaryFormat, text: string): Result<ImportReport> {
	const checked = checkGlossaryImport(format, text);
	return checked.ok ? { ok: true, value: writeGlossaryImport(db, checked.value) } : checked;
}

/**
 * A glossary file's bytes: UTF-8, UTF-16 with a BOM, or Windows-1252 when the person chose it
 * (the error offers it), then importGlossary.
 */
export function importGlossaryFile(
	db: Db,
	format: GlossaryFormat,
	bytes: Uint8Array,
	options: { encoding?: TextEncoding } = {}
): Result<ImportReport> {
	const checked = checkGlossaryFile(format, bytes, options);
	return checked.ok ? { ok: true, value: writeGlossaryImport(db, checked.value) } : checked;
}

/**
 * importGlossaryFile in the worker pool, reading, checking and writing included (why the worker
 * writes: glossary-import.ts), so a 50,000-entry file does not hold the event loop. 'busy' past
 * the bound on heavy jobs: nothing was read or written. The bytes move to the worker: the
 * caller's copy is spent.
 */
export async function importGlossaryInPool(
	db: Db,
	format: GlossaryFormat,
	bytes: Uint8Array,
	options: { encoding?: TextEncoding } = {},
	jobs: HeavyJobs = heavyJobs
): Promise<Result<ImportReport> | 'busy'> {
	const owned =
		bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength ? bytes : bytes.slice();
	// An in-memory store exists on this thread only: the worker checks, this thread writes.
	const store = db.memory || !db.name ? undefined : db.name;
	const run = (writeTurn?: WriteTurnTicket) =>
		jobs.run(
			{
				kind: 'import-glossary',
				format,
				bytes: owned,
				encoding: options.encoding,
				store,
				writeTurn
			},
			[owned.buffer as ArrayBuffer]
		);
	// The worker writes in a turn this thread grants, so no write here waits for its lock.
	const done = await (store ? withWriteTicket(run) : run());
	if (done === 'busy' || !done.ok) return done;
	if ('written' in done) return { ok: true, value: done.written };
	await storeWritable();
	return { ok: true, value: writeGlossaryImport(db, done.checked) };
}

/** One occurrence of an entry in a corpus sentence, cut into the pieces of a keyword-in-context line. */
export interface ConcordanceLine {
	document: { slug: string; title: string };
	sentenceIndex: number;
	lang: Lang | 'und';
	before: string;
	form: string;
	after: string;
	translation?: {
		slug: string;
		title: string;
		sentenceIndex: number;
		lang: Lang;
		/** The sentence in pieces; `mark` where the entry occurs in it. */
		pieces: { text: string; mark: boolean }[];
	};
}

/** Context kept either side of the keyword; longer sentences are cut at a word with an ellipsis. */
const CONTEXT_CHARS = 90;

function leftContext(text: string): string {
	if (text.length <= CONTEXT_CHARS) return text;
	const cut = text.slice(-CONTEXT_CHARS);
	const space = cut.indexOf(' ');
	return '…' + (space >= 0 && space < 30 ? cut.slice(space + 1) : cut);
}

function rightContext(text: string): string {
	if (text.length <= CONTEXT_CHARS) return text;
	const cut = text.slice(0, CONTEXT_CHARS);
	const space = cut.lastIndexOf(' ');
	return (space > CONTEXT_CHARS - 30 ? cut.slice(0, space) : cut) + '…';
}

function markedPieces(
	text: string,
	ranges: { start: number; end: number }[]
): { text: string; mark: boolean }[] {
	const pieces: { text: string; mark: boolean }[] = [];
	let at = 0;
	for (const { start, end } of [...ranges].sort((a, b) => a.start - b.start)) {
		if (start < at) continue;
		if (start > at) pieces.push({ text: text.slice(at, start), mark: false });
		pieces.push({ text: text.slice(start, end), mark: true });
		at = end;
	}
	if (at < text.length) pieces.push({ text: text.slice(at), mark: false });
	return pieces;
}

/** Texts up to this size are analysed on the spot for the concordance when not analysed yet. */
const ANALYSE_ON_VISIT_CHARS = 50_000;

/**
 * Every occurrence of the entry in the documents of the store, each listed once, in document and
 * reading order, with the aligned translation of its sentence where there is one. Once means: an
 * occurrence and its translation are one line, so a translation document's occurrences already
 * shown beside their original are skipped (originals are read first, then translations), as are
 * the other side of a pair inside a mixed document; and a passage the document prints again (a
 * 'repeat' reading row) is not counted a second time.
 */
export function glossaryConcordance(db: Db, entryId: string): ConcordanceLine[] {
	const glossary = glossaryMatcher(db);
	const lines: ConcordanceLine[] = [];
	const documents = listDocuments(db);
	const titles = new Map(documents.map((d) => [d.slug, d.title]));
	// Originals before translations, each group in store order.
	const ordered = [
		...documents.filter((d) => d.translationOf == null),
		...documents.filter((d) => d.translationOf != null)
	];
	/** "slug:sentence" of every sentence already shown as some line's translation. */
	const shownAsTranslation = new Set<string>();
	const results: { order: number; lines: ConcordanceLine[] }[] = [];
	for (const summary of ordered) {
		// From the store; a short text not analysed yet is analysed here (a few milliseconds), a
		// long one joins the concordance once the background analysis has reached it.
		const stored = getStoredDocument(db, summary.id);
		if (!stored) continue;
		const computeHere = !stored.analysed && stored.text.length <= ANALYSE_ON_VISIT_CHARS;
		if (!stored.analysed && !computeHere) continue;
		const doc = computeHere ? getDocument(db, summary.id)! : stored;
		const matches = (storedMarks(db, doc.id) ?? glossary.matcher.find(doc.text)).filter(
			(m) => m.entryId === entryId
		);
		if (matches.length === 0) continue;
		const reading = readingOf(db, doc, { stored: !computeHere });
		const translations = counterparts(reading);
		const { repeated, counterpartSentences } = sentenceRoles(reading);
		const sentences = doc.detection.sentences;
		const docLines: ConcordanceLine[] = [];
		let s = 0;
		for (const match of matches) {
			while (s < sentences.length && sentences[s].end <= match.start) s++;
			const sentence = sentences[s];
			if (!sentence || sentence.start > match.start) continue;
			if (repeated.has(s) || shownAsTranslation.has(`${doc.slug}:${s}`)) continue;
			const end = Math.min(match.end, sentence.end);
			const line: ConcordanceLine = {
				document: { slug: doc.slug, title: doc.title },
				sentenceIndex: s,
				lang: sentence.lang,
				before: leftContext(doc.text.slice(sentence.start, match.start)),
				form: doc.text.slice(match.start, end),
				after: rightContext(doc.text.slice(end, sentence.end))
			};
			const counterpart = translations.get(s);
			if (counterpart) {
				const ranges = glossary.matcher.find(counterpart.text).filter((m) => m.entryId === entryId);
				line.translation = {
					slug: counterpart.slug,
					title: titles.get(counterpart.slug) ?? counterpart.slug,
					sentenceIndex: counterpart.sentenceIndex,
					lang: counterpart.lang,
					pieces: markedPieces(counterpart.text, ranges)
				};
				for (const key of counterpartSentences.get(s) ?? []) shownAsTranslation.add(key);
			}
			docLines.push(line);
		}
		results.push({ order: summary.id, lines: docLines });
	}
	// Back in store order, so the list reads as the library does.
	results.sort((a, b) => a.order - b.order);
	for (const r of results) lines.push(...r.lines);
	return lines;
}

/**
 * Which of the document's sentences are the second copy of a repeated passage, and, for each
 * sentence in a pair, the "slug:sentence" keys of every sentence on the other side of the pair.
 */
function sentenceRoles(reading: Reading): {
	repeated: Set<number>;
	counterpartSentences: Map<number, string[]>;
} {
	const own = reading.document.id;
	const repeated = new Set<number>();
	const counterpartSentences = new Map<number, string[]>();
	for (const row of reading.rows) {
		if (row.kind === 'repeat' && row.side.doc === own)
			for (const i of row.side.sentences) repeated.add(i);
		if (row.kind !== 'pair') continue;
		for (const [from, to] of [
			[row.en, row.es],
			[row.es, row.en]
		] as const) {
			if (from.doc !== own) continue;
			const slug = reading.documents.get(to.doc)?.slug;
			if (!slug) continue;
			const keys = to.sentences.map((i) => `${slug}:${i}`);
			for (const i of from.sentences) counterpartSentences.set(i, keys);
		}
	}
	return { repeated, counterpartSentences };
}
