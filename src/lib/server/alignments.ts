// Sentence alignments in the store: computed on first need for a document and its translation
// (or for the passages of a mixed document), kept, and never recomputed over a person's edits.
import type { Db } from './db';
import { getDocument, type DocumentWithAnalysis } from './documents';
import type { Bead, Lang } from '$lib/core/types';
import { pairPassages } from '$lib/core/align/passages';
import { alignTranslation, translationSide } from '$lib/core/align/translation';
import { glossaryMatcher } from './glossary-matching';
import { applyBeadEdit, type BeadEdit } from '$lib/core/align/bead-edits';
import { fail, ok, type Result } from '$lib/core/errors';
import type { AlignmentKind, RowAlignment } from '$lib/core/reading/rows';

/** Bump when the aligner's output changes, so unedited alignments are recomputed. */
export const ALIGNER_VERSION = 'align-2';

interface AlignmentRow {
	id: number;
	en_document_id: number;
	es_document_id: number;
	passage: number;
	aligner_version: string;
	score: number | null;
	beads: string;
	edited: number;
	version: number;
}

/** The main language of a document, by share of characters. */
export function mainLanguage(doc: Pick<DocumentWithAnalysis, 'languages'>): Lang {
	return doc.languages.es > doc.languages.en ? 'es' : 'en';
}

/** Documents that are translations of this one, or that this one translates. */
export function translationPartners(
	db: Db,
	doc: Pick<DocumentWithAnalysis, 'id' | 'translationOf'>
): number[] {
	const rows = db
		.prepare('SELECT id FROM documents WHERE translation_of = ? OR id = ?')
		.all(doc.id, doc.translationOf ?? -1) as { id: number }[];
	return rows.map((r) => r.id).filter((id) => id !== doc.id);
}

/** What the library shows of an alignment, counted once when it is stored. */
function beadCounts(beads: Bead[]) {
	const paired = beads.filter((b) => b.en.length && b.es.length);
	return {
		pairs: paired.length,
		reviewed: paired.filter((b) => b.reviewed).length,
		enSentences: paired.reduce((n, b) => n + b.en.length, 0),
		esSentences: paired.reduce((n, b) => n + b.es.length, 0)
	};
}

export function storeAlignment(
	db: Db,
	enId: number,
	esId: number,
	passage: number,
	beads: Bead[],
	score: number | null
): void {
	db.prepare(
		`INSERT INTO alignments (en_document_id, es_document_id, passage, aligner_version, score, beads)
		 VALUES (?, ?, ?, ?, ?, ?)
		 ON CONFLICT (en_document_id, es_document_id, passage) DO UPDATE SET
		   aligner_version = excluded.aligner_version, score = excluded.score, beads = excluded.beads,
		   version = alignments.version + 1,
		   updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now')
		 WHERE alignments.edited = 0`
	).run(enId, esId, passage, ALIGNER_VERSION, score, JSON.stringify(beads));
	const row = db
		.prepare(
			'SELECT id, edited FROM alignments WHERE en_document_id = ? AND es_document_id = ? AND passage = ?'
		)
		.get(enId, esId, passage) as { id: number; edited: number };
	if (row.edited === 0) storeCounts(db, row.id, beads);
}

/** Keeps an alignment's counts beside it, for the library. */
function storeCounts(db: Db, alignmentId: number, beads: Bead[]): void {
	const counts = beadCounts(beads);
	db.prepare(
		`INSERT INTO alignment_stats (alignment_id, pairs, reviewed, en_sentences, es_sentences)
		 VALUES (?, ?, ?, ?, ?)
		 ON CONFLICT (alignment_id) DO UPDATE SET pairs = excluded.pairs,
		   reviewed = excluded.reviewed, en_sentences = excluded.en_sentences,
		   es_sentences = excluded.es_sentences`
	).run(alignmentId, counts.pairs, counts.reviewed, counts.enSentences, counts.esSentences);
}

export function isCurrent(db: Db, enId: number, esId: number): boolean {
	const row = db
		.prepare(
			'SELECT aligner_version, edited FROM alignments WHERE en_document_id = ? AND es_document_id = ? LIMIT 1'
		)
		.get(enId, esId) as { aligner_version: string; edited: number } | undefined;
	return !!row && (row.edited === 1 || row.aligner_version === ALIGNER_VERSION);
}

/** Glossary term pairs (OEA/OAS, Toma de Lima/takeover of Lima) are strong anchors for the aligner. */
export function anchorPairs(db: Db): { en: string; es: string }[] {
	return [...glossaryMatcher(db).entries.values()].map((e) => ({ en: e.en, es: e.es }));
}

/**
 * Aligns the document with each of its translations, and the passages of a mixed document
 * with each other, where that isn't stored yet.
 */
export function ensureAlignments(db: Db, doc: DocumentWithAnalysis): void {
	const anchors = anchorPairs(db);
	for (const partnerId of translationPartners(db, doc)) {
		// Stored already (either way round): skip loading the partner's whole analysis.
		if (isCurrent(db, doc.id, partnerId) || isCurrent(db, partnerId, doc.id)) continue;
		const partner = getDocument(db, partnerId);
		if (!partner) continue;
		const docLang = mainLanguage(doc);
		if (mainLanguage(partner) === docLang) continue;
		const [en, es] = docLang === 'en' ? [doc, partner] : [partner, doc];
		if (isCurrent(db, en.id, es.id)) continue;
		const beads = alignTranslation(
			translationSide(en.detection.sentences),
			translationSide(es.detection.sentences),
			{
				anchorPairs: anchors
			}
		);
		storeAlignment(db, en.id, es.id, 0, beads, null);
	}
	const languages = new Set(doc.detection.runs.map((r) => r.lang));
	if (languages.has('en') && languages.has('es') && !isCurrent(db, doc.id, doc.id)) {
		const pairing = pairPassages(doc.text, doc.detection, { anchorPairs: anchors });
		db.transaction(() => {
			db.prepare(
				'DELETE FROM alignments WHERE en_document_id = ? AND es_document_id = ? AND edited = 0'
			).run(doc.id, doc.id);
			pairing.pairs.forEach((pair, k) =>
				storeAlignment(db, doc.id, doc.id, k, pair.beads, pair.score)
			);
			// Remember that the document was examined even when nothing pairs.
			if (pairing.pairs.length === 0) markExamined(db, doc.id);
		})();
	}
}

/** An empty alignment row records "examined, no passage translates another" for this version. */
export function markExamined(db: Db, documentId: number): void {
	storeAlignment(db, documentId, documentId, 0, [], null);
}

/** A stored alignment with what a view or an editor needs of it. */
export interface StoredAlignment extends RowAlignment {
	version: number;
	edited: boolean;
}

function toAlignment(row: AlignmentRow): StoredAlignment {
	const kind: AlignmentKind =
		row.en_document_id === row.es_document_id ? 'internal' : 'translation';
	return {
		id: row.id,
		kind,
		enDocumentId: row.en_document_id,
		esDocumentId: row.es_document_id,
		beads: JSON.parse(row.beads) as Bead[],
		version: row.version,
		edited: row.edited === 1
	};
}

/** Every alignment that involves the document: its internal passage pairs, then its translations. */
export function alignmentsOf(db: Db, documentId: number): StoredAlignment[] {
	const rows = db
		.prepare(
			`SELECT * FROM alignments WHERE en_document_id = ? OR es_document_id = ?
			 ORDER BY en_document_id = es_document_id DESC, id, passage`
		)
		.all(documentId, documentId) as AlignmentRow[];
	return rows.map(toAlignment).filter((a) => a.beads.length > 0);
}

/**
 * Applies a person's correction. `expectedVersion` is the version the person saw: if someone
 * else saved in the meantime (another tab), nothing is written and a conflict is returned, so
 * neither edit silently overwrites the other.
 */
export function editAlignment(
	db: Db,
	alignmentId: number,
	expectedVersion: number,
	edit: BeadEdit
): Result<StoredAlignment> {
	return db.transaction((): Result<StoredAlignment> => {
		const row = db.prepare('SELECT * FROM alignments WHERE id = ?').get(alignmentId) as
			AlignmentRow | undefined;
		if (!row) return fail('not-found');
		if (row.version !== expectedVersion)
			return fail('conflict', { detail: `version ${expectedVersion} is now ${row.version}` });
		const edited = applyBeadEdit(JSON.parse(row.beads) as Bead[], edit);
		if (!edited.ok) return edited;
		db.prepare(
			`UPDATE alignments SET beads = ?, edited = 1, version = version + 1,
			   updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = ?`
		).run(JSON.stringify(edited.value), alignmentId);
		storeCounts(db, alignmentId, edited.value);
		return ok(
			toAlignment(
				db.prepare('SELECT * FROM alignments WHERE id = ?').get(alignmentId) as AlignmentRow
			)
		);
	})();
}

export interface AlignmentStats {
	/** Pairs (beads with sentences on both sides). */
	pairs: number;
	/** Share of pairs a person confirmed or corrected, 0..1. */
	reviewed: number;
	/** Share of the document's sentences that sit in a pair, 0..1. */
	aligned: number;
}

/** Per document: how much of it is aligned and how much of that a person reviewed. */
export function alignmentStats(
	db: Db,
	sentenceCounts: Map<number, number>
): Map<number, AlignmentStats> {
	// Counts are stored with each alignment; only a row written without them (an imported
	// memory) has its beads parsed here.
	// Counts are stored beside each alignment; only one written without them (an imported
	// memory) has its beads read and parsed here.
	const rows = db
		.prepare(
			`SELECT a.en_document_id, a.es_document_id, s.pairs, s.reviewed, s.en_sentences,
			   s.es_sentences, CASE WHEN s.pairs IS NULL THEN a.beads END beads
			 FROM alignments a LEFT JOIN alignment_stats s ON s.alignment_id = a.id`
		)
		.all() as (Pick<AlignmentRow, 'en_document_id' | 'es_document_id'> & {
		pairs: number | null;
		reviewed: number | null;
		en_sentences: number | null;
		es_sentences: number | null;
		beads: string | null;
	})[];
	const acc = new Map<number, { pairs: number; reviewed: number; sentences: number }>();
	const bump = (id: number, pairs: number, reviewed: number, sentences: number) => {
		const a = acc.get(id) ?? { pairs: 0, reviewed: 0, sentences: 0 };
		acc.set(id, {
			pairs: a.pairs + pairs,
			reviewed: a.reviewed + reviewed,
			sentences: a.sentences + sentences
		});
	};
	for (const row of rows) {
		const counts =
			row.pairs === null
				? beadCounts(JSON.parse(row.beads ?? '[]') as Bead[])
				: {
						pairs: row.pairs,
						reviewed: row.reviewed ?? 0,
						enSentences: row.en_sentences ?? 0,
						esSentences: row.es_sentences ?? 0
					};
		if (row.en_document_id === row.es_document_id)
			bump(
				row.en_document_id,
				counts.pairs,
				counts.reviewed,
				counts.enSentences + counts.esSentences
			);
		else {
			bump(row.en_document_id, counts.pairs, counts.reviewed, counts.enSentences);
			bump(row.es_document_id, counts.pairs, counts.reviewed, counts.esSentences);
		}
	}
	const stats = new Map<number, AlignmentStats>();
	for (const [id, a] of acc)
		stats.set(id, {
			pairs: a.pairs,
			reviewed: a.pairs ? a.reviewed / a.pairs : 0,
			aligned: Math.min(1, a.sentences / (sentenceCounts.get(id) || 1))
		});
	return stats;
}
