// Documents in the store and their language analysis, cached per detector version.
import type { Db } from './db';
import type { Detection, LangOrUnd } from '$lib/core/types';
import { detectLanguages } from '$lib/core/detect';
import { foldForSearch } from '$lib/core/text/fold';
import { glossaryMatcher } from './glossary-matching';

/** Bump when the detector changes its output, so cached analyses are recomputed. */
export const DETECTOR_VERSION = 'detect-1';

/** The cache key of an analysis: the detector's version and the glossary terms it masked. */
function analysisVersion(db: Db): string {
	return `${DETECTOR_VERSION}/${glossaryMatcher(db).generation}`;
}

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
	return (db.prepare('SELECT id FROM documents WHERE slug = ?').get(doc.slug) as { id: number }).id;
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

/** Detects (or reads the cached detection) and keeps the per-language character counts. */
function analysisOf(db: Db, row: DocumentRow): Detection {
	const cached = db
		.prepare('SELECT result FROM detections WHERE document_id = ? AND detector_version = ?')
		.get(row.id, analysisVersion(db)) as { result: string } | undefined;
	if (cached) return JSON.parse(cached.result) as Detection;
	const detection = detectLanguages(row.text, { protectedTerms: glossaryMatcher(db).forms });
	const chars = charsByLanguage(detection);
	db.prepare(
		`INSERT INTO detections (document_id, detector_version, en_chars, es_chars, und_chars, result)
		 VALUES (?, ?, ?, ?, ?, ?)
		 ON CONFLICT (document_id) DO UPDATE SET detector_version = excluded.detector_version,
		   en_chars = excluded.en_chars, es_chars = excluded.es_chars, und_chars = excluded.und_chars,
		   result = excluded.result`
	).run(row.id, analysisVersion(db), chars.en, chars.es, chars.und, JSON.stringify(detection));
	return detection;
}

function summaryOf(
	row: DocumentRow,
	chars: { en: number; es: number; und: number },
	sentences: number
): DocumentSummary {
	return {
		id: row.id,
		slug: row.slug,
		title: row.title,
		author: row.author,
		source: row.source,
		origin: row.origin,
		translationOf: row.translation_of,
		chars: row.text.length,
		sentences,
		createdAt: row.created_at,
		languages: languageShares(chars.en, chars.es, chars.und),
		meta: JSON.parse(row.meta)
	};
}

export function listDocuments(db: Db): DocumentSummary[] {
	const rows = db
		.prepare(
			`SELECT d.*, x.en_chars, x.es_chars, x.und_chars,
			   json_array_length(x.result, '$.sentences') sentence_count FROM documents d
			 LEFT JOIN detections x ON x.document_id = d.id AND x.detector_version = ?
			 ORDER BY d.id`
		)
		.all(analysisVersion(db)) as (DocumentRow & {
		en_chars: number | null;
		es_chars: number | null;
		und_chars: number | null;
		sentence_count: number | null;
	})[];
	return rows.map((row) => {
		if (row.en_chars === null) {
			const detection = analysisOf(db, row);
			return summaryOf(row, charsByLanguage(detection), detection.sentences.length);
		}
		const chars = { en: row.en_chars, es: row.es_chars ?? 0, und: row.und_chars ?? 0 };
		return summaryOf(row, chars, row.sentence_count ?? 0);
	});
}

export function getDocument(db: Db, idOrSlug: string | number): DocumentWithAnalysis | undefined {
	const row = (
		typeof idOrSlug === 'number' || /^\d+$/.test(idOrSlug)
			? db.prepare('SELECT * FROM documents WHERE id = ?').get(Number(idOrSlug))
			: db.prepare('SELECT * FROM documents WHERE slug = ?').get(idOrSlug)
	) as DocumentRow | undefined;
	if (!row) return undefined;
	const detection = analysisOf(db, row);
	return {
		...summaryOf(row, charsByLanguage(detection), detection.sentences.length),
		text: row.text,
		detection,
		version: row.version
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
