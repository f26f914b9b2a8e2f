// Everything the reader page shows for one document, gathered in one place so the route stays
// thin: the document, the documents its alignments name, the rows that lay them out, and the
// glossary terms in them.
import { createHash } from 'node:crypto';
import { LRUCache } from 'lru-cache';
import type { Db } from './db';
import {
	getStoredDocument,
	storedMarks,
	type DocumentSummary,
	type DocumentWithAnalysis
} from './documents';
import { analysisFor, type AnalysisStatus } from './analysis';
import { glossaryEntriesById, glossaryGeneration, glossaryMatcher } from './glossary-matching';
import { readingOf } from './reading';
import { historyState, type HistoryState } from './revisions';
import { unplacedEdits, type UnplacedEdit } from './alignments';
import type {
	ReaderData,
	ReaderDocument,
	ReaderGlossaryEntry,
	ReaderRepeat
} from '$lib/reader/model';
import type { TermMark } from '$lib/reader/pieces';
import { tableOfContents } from '$lib/reader/contents';
import { WHOLE_LIST_ROWS } from '$lib/reader/windowed';
import { partCount, readerDataPart } from '$lib/reader/parts';

/** The rows a book's page is server-rendered with: more than a tall screen holds. */
export const HEAD_ROWS = 40;

function readerDocument(doc: DocumentWithAnalysis): ReaderDocument {
	return {
		id: doc.id,
		slug: doc.slug,
		title: doc.title,
		version: doc.version,
		text: doc.text,
		// Only what the page places a sentence by: the detector's confidence and the text (sliced
		// from the document's) would double what a book sends.
		sentences: doc.detection.sentences.map(({ start, end, lang, spans, paragraph }) => ({
			start,
			end,
			lang,
			spans,
			paragraph
		}))
	};
}

/** Texts up to this size are marked on a visit when no marks are stored yet (linear, a few ms). */
const MARK_ON_VISIT_CHARS = 200_000;

/**
 * `stored: true` (the reader page) reads the analysis, alignments and glossary marks from the
 * store and computes none of them; without it, missing work is done on this thread.
 */
export function readerData(
	db: Db,
	doc: DocumentWithAnalysis,
	options: { partner?: string; stored?: boolean } = {}
): ReaderData {
	const reading = readingOf(db, doc, options);
	const documents: Record<number, ReaderDocument> = {};
	for (const [id, d] of reading.documents) documents[id] = readerDocument(d);

	// Stored marks (the pages): only the entries they name are read from the store, never the
	// whole glossary. Without them the marks are found here, with the glossary's matcher.
	const found: Record<number, { start: number; end: number; entryId: string }[]> = {};
	for (const document of Object.values(documents)) {
		const stored = options.stored ? storedMarks(db, document.id) : null;
		found[document.id] =
			stored ??
			(options.stored && document.text.length > MARK_ON_VISIT_CHARS
				? []
				: glossaryMatcher(db).matcher.find(document.text));
	}
	const entries = options.stored
		? glossaryEntriesById(
				db,
				Object.values(found).flatMap((marks) => marks.map((m) => m.entryId))
			)
		: glossaryMatcher(db).entries;
	const terms: Record<number, TermMark[]> = {};
	const glossary: Record<string, ReaderGlossaryEntry> = {};
	for (const document of Object.values(documents)) {
		// An entry removed since the marks were stored is left out until the text is re-marked.
		terms[document.id] = found[document.id]
			.filter((m) => entries.has(m.entryId))
			.map((m) => ({ start: m.start, end: m.end, entryId: m.entryId }));
		for (const mark of terms[document.id]) {
			const entry = entries.get(mark.entryId);
			if (entry && !glossary[entry.id])
				glossary[entry.id] = {
					id: entry.id,
					type: entry.type,
					en: entry.en,
					es: entry.es,
					explanation: entry.explanation
				};
		}
	}
	const repeats: ReaderRepeat[] = reading.repeats.map(({ first, second, similarity, diff }) => ({
		first,
		second,
		similarity,
		diff: diff.map(({ value, added, removed }) => ({ value, added, removed }))
	}));
	return {
		documentId: doc.id,
		documents,
		alignments: reading.alignments.map(({ beads, ...a }) => ({ ...a, beads: beads.length })),
		rows: reading.rows,
		partners: reading.alignments
			.filter((a) => a.kind === 'translation')
			.map((a) => {
				const partner = reading.documents.get(
					a.enDocumentId === doc.id ? a.esDocumentId : a.enDocumentId
				)!;
				return { alignmentId: a.id, slug: partner.slug, title: partner.title };
			}),
		translationId: reading.translationId,
		terms,
		glossary,
		repeats,
		runs: doc.detection.runs
	};
}

/**
 * What the reader's editor needs beside the page: whether undo and redo can act and the newest
 * revision (sent back with them), and the confirmed pairs a re-analysis could not place again.
 * Read on every visit (a few rows), never cached with the page.
 */
export function readerEditState(
	db: Db,
	documentId: number
): { history: HistoryState; unplacedEdits: UnplacedEdit[] } {
	return { history: historyState(db, documentId), unplacedEdits: unplacedEdits(db, documentId) };
}

export interface ReaderPage {
	document: DocumentSummary & { version: number };
	reader: ReaderData & { analysis: AnalysisStatus };
}

// What a reader page shows changes only when the text, its analysis, an alignment or the
// glossary does: the last few are kept, so a visit to a book is a lookup, not a rebuild.
type CachedPage = Omit<ReaderPage, 'reader'> & {
	reader: ReaderData;
	json?: Buffer;
	/** The parts of `reader` as JSON, encoded when first asked for. */
	parts?: Buffer[];
	head?: ReaderData;
};
const pageCaches = new WeakMap<Db, LRUCache<string, CachedPage>>();
const PAGE_CACHE_SIZE = 4;

/**
 * The reader page of a document, from the store only: a text not analysed yet comes at once
 * (unlabelled, its paragraphs as sentences) with its analysis state, and the analysis is
 * started if it is not running. Undefined when there is no such document.
 *
 * `firstScreen` (the reader page's load): a book comes as its first HEAD_ROWS rows only
 * (readerHead), as the page is server-rendered from them and fetches the rest (reader.json) once
 * it is up; a text short enough to render whole comes whole. One function for both, so the head
 * is always a cut of the same page.
 */
export function readerPage(
	db: Db,
	idOrSlug: string,
	partner: string | undefined,
	options: { firstScreen?: boolean } = {}
): ReaderPage | undefined {
	const found = cachedPage(db, idOrSlug, partner);
	if (!found) return undefined;
	const { page, status } = found;
	const reader = options.firstScreen
		? (page.head ??= readerHead(page.reader, HEAD_ROWS))
		: page.reader;
	return { document: page.document, reader: { ...reader, analysis: status } };
}

/**
 * A book's first `rows` reading rows, with only the text, sentences, glossary marks and entries
 * they show (every document is cut after the last sentence they use); `partial` says how many rows
 * there are. Its table of contents, which needs them all, was made with the whole.
 */
export function readerHead(data: ReaderData, rows: number): ReaderData {
	if (data.rows.length <= WHOLE_LIST_ROWS) return data;
	const head = data.rows.slice(0, rows);
	const used = new Map<number, number>();
	for (const row of head) {
		const sides = row.kind === 'pair' ? [row.en, row.es] : [row.side];
		for (const side of sides)
			used.set(side.doc, Math.max(used.get(side.doc) ?? -1, ...side.sentences));
	}
	const documents: Record<number, ReaderDocument> = {};
	const terms: Record<number, TermMark[]> = {};
	const glossary: Record<string, ReaderGlossaryEntry> = {};
	for (const document of Object.values(data.documents)) {
		const last = used.get(document.id) ?? -1;
		const sentences = document.sentences.slice(0, last + 1);
		const end = sentences.at(-1)?.end ?? 0;
		documents[document.id] = { ...document, text: document.text.slice(0, end), sentences };
		terms[document.id] = (data.terms[document.id] ?? []).filter((m) => m.end <= end);
		for (const mark of terms[document.id])
			if (data.glossary[mark.entryId]) glossary[mark.entryId] = data.glossary[mark.entryId];
	}
	return {
		...data,
		documents,
		rows: head,
		terms,
		glossary,
		partial: { rowCount: data.rows.length }
	};
}

/**
 * The reader data of a document as JSON, for a page that fetches it instead of receiving it
 * through SvelteKit's serialisation: written once per version of what it shows and kept, so a
 * visit costs a lookup; `etag` lets a browser revalidate without the body. With `part`, only that
 * part of `partCount(rows)` (see reader/parts: a book comes in parts, each a short parse); a
 * part past the last is undefined.
 */
export function readerJson(
	db: Db,
	idOrSlug: string,
	partner: string | undefined,
	part?: number
): { etag: string; body: Uint8Array } | undefined {
	const found = cachedPage(db, idOrSlug, partner);
	if (!found) return undefined;
	const { page, status, key } = found;
	// The analysis state changes without the rest: it goes first, outside the kept bytes.
	const analysis = JSON.stringify(status);
	const etag = `"${createHash('sha1')
		.update(key)
		.update(analysis)
		.update(part === undefined ? '' : `|part ${part}`)
		.digest('base64url')}"`;
	// Kept encoded: a visit copies bytes, it neither writes nor encodes megabytes of JSON.
	let json: Buffer | undefined;
	if (part === undefined) json = page.json ??= Buffer.from(JSON.stringify(page.reader));
	else {
		const parts = partCount(page.reader.rows.length);
		page.parts ??= [];
		if (part >= 0 && part < parts)
			json = page.parts[part] ??= Buffer.from(
				JSON.stringify(readerDataPart(page.reader, part, parts))
			);
	}
	if (!json) return undefined;
	const body = Buffer.concat([Buffer.from(`{"analysis":${analysis},`), json.subarray(1)]);
	return { etag, body };
}

function cachedPage(
	db: Db,
	idOrSlug: string,
	partner: string | undefined
): { page: CachedPage; status: AnalysisStatus; key: string } | undefined {
	const head = (
		/^\d+$/.test(idOrSlug)
			? db.prepare('SELECT id, version FROM documents WHERE id = ?').get(Number(idOrSlug))
			: db.prepare('SELECT id, version FROM documents WHERE slug = ?').get(idOrSlug)
	) as { id: number; version: number } | undefined;
	if (!head) return undefined;
	const analysis = analysisFor(db);
	const status = analysis.status(head.id);
	if (status.state === 'pending') analysis.kick();
	const { alignments } = db
		.prepare(
			`SELECT group_concat(id || '.' || version) alignments FROM alignments
			 WHERE en_document_id = ? OR es_document_id = ?`
		)
		.get(head.id, head.id) as { alignments: string | null };
	const key = [
		head.id,
		head.version,
		analysis.epoch,
		alignments,
		glossaryGeneration(db),
		partner ?? ''
	].join('|');
	let pageCache = pageCaches.get(db);
	if (!pageCache) pageCaches.set(db, (pageCache = new LRUCache({ max: PAGE_CACHE_SIZE })));
	let page = pageCache.get(key);
	if (!page) {
		const doc = getStoredDocument(db, head.id);
		if (!doc) return undefined;
		const { text: _text, detection: _detection, analysed: _analysed, ...summary } = doc;
		const reader = readerData(db, doc, { partner, stored: true });
		// Made once here rather than on each visit's page: on a book it is a long task.
		if (reader.rows.length > WHOLE_LIST_ROWS) reader.contents = tableOfContents(reader);
		page = { document: summary, reader };
		pageCache.set(key, page);
	}
	return { page, status, key };
}
