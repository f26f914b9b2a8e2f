// Documents in the store and their language analysis, cached per detector version.
import type { Db } from './db';
import type { Detection, LangOrUnd } from '$lib/core/types';
import { detectLanguages } from '$lib/core/detect';
import { foldForSearch } from '$lib/core/text/fold';
import { glossaryMatcher } from './glossary-matching';
import type { DocumentAnalysis, StoredMark } from './analysis-jobs';
import type { RepeatedStretch } from '$lib/core/repeats/find-repeats';
import { applySegmentOverrides } from '$lib/core/text/sentence-edits';
import { segmentOverrides } from './revisions';

/** Bump when the detector changes its output, so stored analyses are recomputed. */
export const DETECTOR_VERSION = 'detect-2';

export type DocumentOrigin = 'corpus' | 'user' | 'translation';

export interface NewDocument {
	slug: string;
	title: string;
	author?: string | null;
	source?: string | null;
	origin: DocumentOrigin;
	translationOf?: number | null;
	text: string;
	meta?: Record<string, unknown>;
}

export interface DocumentSummary {
	id: number;
	slug: string;
	title: string;
	author: string | null;
	source: string | null;
	origin: DocumentOrigin;
	translationOf: number | null;
	chars: number;
	sentences: number;
	createdAt: string;
	/** Share of the document's sentence characters in each language, 0..1. */
	languages: Record<LangOrUnd, number>;
	meta: Record<string, unknown>;
}

export interface DocumentWithAnalysis extends DocumentSummary {
	text: string;
	detection: Detection;
	version: number;
}

interface DocumentRow {
	id: number;
	slug: string;
	title: string;
	author: string | null;
	source: string | null;
	origin: DocumentOrigin;
	translation_of: number | null;
	text: string;
	meta: string;
	version: number;
	created_at: string;
}

/** Inserts unless a document with that slug exists; returns the id either way. */
export function insertDocument(db: Db, doc: NewDocument): number {
	db.prepare(
		`INSERT INTO documents (slug, title, author, source, origin, translation_of, text, meta)
		 VALUES (@slug, @title, @author, @source, @origin, @translationOf, @text, @meta)
		 ON CONFLICT (slug) DO NOTHING`
	).run({
		slug: doc.slug,
		title: doc.title,
		author: doc.author ?? null,
		source: doc.source ?? null,
		origin: doc.origin,
		translationOf: doc.translationOf ?? null,
		text: doc.text,
		meta: JSON.stringify(doc.meta ?? {})
	});
	const { id } = db.prepare('SELECT id FROM documents WHERE slug = ?').get(doc.slug) as {
		id: number;
	};
	db.prepare(
		`INSERT INTO document_stats (document_id, chars) VALUES (?, ?) ON CONFLICT DO NOTHING`
	).run(id, doc.text.length);
	return id;
}

function languageShares(en: number, es: number, und: number): Record<LangOrUnd, number> {
	const total = en + es + und || 1;
	return { en: en / total, es: es / total, und: und / total };
}

function charsByLanguage(detection: Detection): Record<LangOrUnd, number> {
	const chars = { en: 0, es: 0, und: 0 };
	for (const s of detection.sentences) chars[s.lang] += s.end - s.start;
	return chars;
}

/** Keeps a detection (and the glossary marks found with it) as the document's analysis. */
export function storeDetection(
	db: Db,
	documentId: number,
	detection: Detection,
	glossaryGeneration: string,
	marks: StoredMark[] | null
): void {
	const chars = charsByLanguage(detection);
	db.prepare(
		`INSERT INTO detections (document_id, detector_version, en_chars, es_chars, und_chars, result,
		   glossary_generation, marks)
		 VALUES (?, ?, ?, ?, ?, ?, ?, ?)
		 ON CONFLICT (document_id) DO UPDATE SET detector_version = excluded.detector_version,
		   en_chars = excluded.en_chars, es_chars = excluded.es_chars, und_chars = excluded.und_chars,
		   result = excluded.result, glossary_generation = excluded.glossary_generation,
		   marks = excluded.marks, repeats = NULL`
	).run(
		documentId,
		DETECTOR_VERSION,
		chars.en,
		chars.es,
		chars.und,
		JSON.stringify(detection),
		glossaryGeneration,
		marks ? JSON.stringify(marks) : null
	);
	db.prepare(
		`INSERT INTO document_stats (document_id, chars, sentences)
		 SELECT id, length(text), ? FROM documents WHERE id = ?
		 ON CONFLICT (document_id) DO UPDATE SET sentences = excluded.sentences`
	).run(detection.sentences.length, documentId);
}

/**
 * Keeps what the analysis worker found (its JSON is stored as written: the main thread neither
 * parses nor writes a book's detection).
 */
export function storeAnalysis(
	db: Db,
	documentId: number,
	analysis: DocumentAnalysis,
	glossaryGeneration: string
): void {
	db.transaction(() => {
		db.prepare(
			`INSERT INTO detections (document_id, detector_version, en_chars, es_chars, und_chars, result,
			   glossary_generation, marks, repeats)
			 VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
			 ON CONFLICT (document_id) DO UPDATE SET detector_version = excluded.detector_version,
			   en_chars = excluded.en_chars, es_chars = excluded.es_chars, und_chars = excluded.und_chars,
			   result = excluded.result, glossary_generation = excluded.glossary_generation,
			   marks = excluded.marks, repeats = excluded.repeats`
		).run(
			documentId,
			DETECTOR_VERSION,
			analysis.chars.en,
			analysis.chars.es,
			analysis.chars.und,
			analysis.detection,
			glossaryGeneration,
			JSON.stringify(analysis.marks),
			analysis.repeats
		);
		db.prepare(
			`INSERT INTO document_stats (document_id, chars, sentences)
			 SELECT id, length(text), ? FROM documents WHERE id = ?
			 ON CONFLICT (document_id) DO UPDATE SET sentences = excluded.sentences`
		).run(analysis.sentences, documentId);
	})();
}

/** The repeated passages stored with the analysis (undefined when not computed there). */
export function storedRepeats(db: Db, documentId: number): RepeatedStretch[] | undefined {
	const row = db.prepare('SELECT repeats FROM detections WHERE document_id = ?').get(documentId) as
		{ repeats: string | null } | undefined;
	return row?.repeats ? (JSON.parse(row.repeats) as RepeatedStretch[]) : undefined;
}

/** The stored detection, whatever glossary it was made with; undefined before the first analysis. */
export function storedDetection(
	db: Db,
	documentId: number
): { detection: Detection; current: boolean } | undefined {
	const row = db
		.prepare('SELECT detector_version, result FROM detections WHERE document_id = ?')
		.get(documentId) as { detector_version: string; result: string } | undefined;
	if (!row) return undefined;
	return {
		detection: JSON.parse(row.result) as Detection,
		current: row.detector_version === DETECTOR_VERSION
	};
}

/** The glossary marks stored with the detection (null when none were computed). */
export function storedMarks(db: Db, documentId: number): StoredMark[] | null {
	const row = db.prepare('SELECT marks FROM detections WHERE document_id = ?').get(documentId) as
		{ marks: string | null } | undefined;
	return row?.marks ? (JSON.parse(row.marks) as StoredMark[]) : null;
}

/**
 * Detects now, on this thread, when no current detection is stored. For callers that need the
 * sentences at once (a memory import pairs its units with them; scripts and tests); the
 * server's pages read the store instead and leave the work to the analysis worker.
 */
function analysisOf(db: Db, row: DocumentRow): Detection {
	const stored = storedDetection(db, row.id);
	if (stored?.current) return stored.detection;
	const glossary = glossaryMatcher(db);
	// A person's splits and joins apply after the segmenter, as in the analysis worker.
	const detection = applySegmentOverrides(
		row.text,
		detectLanguages(row.text, { protectedTerms: glossary.forms }),
		segmentOverrides(db, row.id)
	);
	storeDetection(db, row.id, detection, glossary.generation, null);
	return detection;
}

/**
 * Stands in for the detection of a text not analysed yet (or whose analysis failed): each
 * paragraph one sentence of no language, so the text can be shown at once, unlabelled.
 */
export function unanalysedDetection(text: string): Detection {
	const sentences: Detection['sentences'] = [];
	const blank = /\n[ \t\r]*\n/g;
	let from = 0;
	const push = (start: number, end: number) => {
		while (start < end && /\s/.test(text[start])) start++;
		while (end > start && /\s/.test(text[end - 1])) end--;
		if (end > start)
			sentences.push({
				start,
				end,
				text: text.slice(start, end),
				paragraph: sentences.length,
				lang: 'und',
				confidence: 0,
				spans: []
			});
	};
	for (let m = blank.exec(text); m; m = blank.exec(text)) {
		push(from, m.index);
		from = m.index + m[0].length;
	}
	push(from, text.length);
	const runs: Detection['runs'] = sentences.length
		? [
				{
					start: sentences[0].start,
					end: sentences[sentences.length - 1].end,
					lang: 'und',
					confidence: 0,
					sentenceStart: 0,
					sentenceEnd: sentences.length
				}
			]
		: [];
	return { sentences, runs };
}

function summaryOf(
	row: DocumentRow,
	chars: { en: number; es: number; und: number },
	sentences: number,
	length = row.text.length
): DocumentSummary {
	return {
		id: row.id,
		slug: row.slug,
		title: row.title,
		author: row.author,
		source: row.source,
		origin: row.origin,
		translationOf: row.translation_of,
		chars: length,
		sentences,
		createdAt: row.created_at,
		languages: languageShares(chars.en, chars.es, chars.und),
		meta: JSON.parse(row.meta)
	};
}

const listingStatements = new WeakMap<Db, { all(): unknown[] }>();

/**
 * Every document with its language shares and sentence count as last analysed (zero before
 * the first analysis). Reads stored numbers only: nothing is parsed or detected here.
 */
export function listDocuments(db: Db): DocumentSummary[] {
	// Only columns stored before the text (and the narrow stats tables): reading a column after a
	// long value makes SQLite walk that value's overflow pages. A row written without stats (by
	// hand, by a script) has its length counted.
	// Prepared once per database: compiling the statement cost as much as running it.
	let listing = listingStatements.get(db);
	if (!listing) {
		listing = db.prepare(
			`SELECT d.id, d.slug, d.title, d.author, d.source, d.origin, d.translation_of,
			   d.meta, d.version, d.created_at, coalesce(s.chars, length(d.text)) text_length,
			   s.sentences sentence_count,
			   x.en_chars, x.es_chars, x.und_chars
			 FROM documents d LEFT JOIN document_stats s ON s.document_id = d.id
			 LEFT JOIN detections x ON x.document_id = d.id
			 ORDER BY d.id`
		);
		listingStatements.set(db, listing);
	}
	const rows = listing.all() as (Omit<DocumentRow, 'text'> & {
		text_length: number | null;
		en_chars: number | null;
		es_chars: number | null;
		und_chars: number | null;
		sentence_count: number | null;
	})[];
	return rows.map((row) => {
		const chars = { en: row.en_chars ?? 0, es: row.es_chars ?? 0, und: row.und_chars ?? 0 };
		return summaryOf({ ...row, text: '' }, chars, row.sentence_count ?? 0, row.text_length ?? 0);
	});
}

function documentRow(db: Db, idOrSlug: string | number): DocumentRow | undefined {
	return (
		typeof idOrSlug === 'number' || /^\d+$/.test(idOrSlug)
			? db.prepare('SELECT * FROM documents WHERE id = ?').get(Number(idOrSlug))
			: db.prepare('SELECT * FROM documents WHERE slug = ?').get(idOrSlug)
	) as DocumentRow | undefined;
}

function withDetection(row: DocumentRow, detection: Detection): DocumentWithAnalysis {
	return {
		...summaryOf(row, charsByLanguage(detection), detection.sentences.length),
		text: row.text,
		detection,
		version: row.version
	};
}

/** The document with its detection, detecting on this thread if none is stored (see analysisOf). */
export function getDocument(db: Db, idOrSlug: string | number): DocumentWithAnalysis | undefined {
	const row = documentRow(db, idOrSlug);
	return row && withDetection(row, analysisOf(db, row));
}

/**
 * The document with its stored detection, or the unanalysed stand-in when there is none yet:
 * never detects, so a page can show a text at once while the worker analyses it.
 */
export function getStoredDocument(
	db: Db,
	idOrSlug: string | number
): (DocumentWithAnalysis & { analysed: boolean }) | undefined {
	const row = documentRow(db, idOrSlug);
	if (!row) return undefined;
	const stored = storedDetection(db, row.id);
	return {
		...withDetection(row, stored?.detection ?? unanalysedDetection(row.text)),
		analysed: !!stored
	};
}

/** Ids of the documents whose title or text contains the query, accents and case aside. */
export function searchDocuments(db: Db, query: string): Set<number> {
	const needle = foldForSearch(query.trim());
	const rows = db.prepare('SELECT id, title, text FROM documents').all() as {
		id: number;
		title: string;
		text: string;
	}[];
	return new Set(
		rows
			.filter(
				(r) => foldForSearch(r.title).includes(needle) || foldForSearch(r.text).includes(needle)
			)
			.map((r) => r.id)
	);
}
