// Sentence alignments in the store: computed on first need for a document and its translation
// (or for the passages of a mixed document), kept, and never recomputed over a person's edits.
import type { Db } from './db';
import { getDocument, type DocumentWithAnalysis } from './documents';
import type { Bead, Detection, Lang, LangOrUnd } from '$lib/core/types';
import { glossaryForWorker } from './glossary-matching';
import { applyBeadEdit, type BeadEdit } from '$lib/core/align/bead-edits';
import {
	confirmedPairs,
	placeConfirmedPairs,
	realignPassage,
	withConfirmedBeads,
	type ConfirmedPair,
	type Realigned
} from '$lib/core/align/confirmed-pairs';
import { fail, ok, type Result, type UserError } from '$lib/core/errors';
import type { AlignmentKind, RowAlignment } from '$lib/core/reading/rows';
import {
	runAnalysisTask,
	type AnalysisTask,
	type GlossaryInput,
	type TaskResults
} from './analysis-jobs';
import {
	alignmentSnapshot,
	commitChange,
	getRevision,
	inTransaction,
	latestRevision,
	markReapplied,
	recordRefused,
	refuse,
	type Intent
} from './revisions';

/** Bump when the aligner's output changes, so unedited alignments are recomputed. */
export const ALIGNER_VERSION = 'align-3';

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
	anchors: string | null;
}

/** The main language of a document, by share of characters. */
export function mainLanguage(doc: { languages: { en: number; es: number } }): Lang {
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

/** Stores a computed alignment, unless a person corrected the stored one (see storeRealigned). */
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
export function storeCounts(db: Db, alignmentId: number, beads: Bead[]): void {
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

/** A document to align, as the store holds it (its detection as stored JSON). */
export interface AlignmentSubject {
	id: number;
	text: string;
	translationOf: number | null;
	detection: string;
	chars: { en: number; es: number };
	languages: readonly LangOrUnd[];
}

/** A partner's stored detection and language shares, or undefined when it is not analysed. */
export type PartnerDetection = (
	id: number
) => { en: number; es: number; result: string } | undefined;

/** The stored detection of a partner (the background analysis: nothing is detected here). */
export const storedPartner =
	(db: Db): PartnerDetection =>
	(id) =>
		db
			.prepare('SELECT en_chars en, es_chars es, result FROM detections WHERE document_id = ?')
			.get(id) as { en: number; es: number; result: string } | undefined;

type Step = { [K in AnalysisTask['kind']]: Extract<AnalysisTask, { kind: K }> }[
	'translation' | 'realign' | 'passages'];

/**
 * How a document is aligned with its translations and, when mixed, its passages with each
 * other: the one place that decides it, for the background analysis (which runs each step in a
 * worker) and for scripts and exports (which run them on this thread, see ensureAlignments). It
 * yields the aligner's tasks and stores what they answer. An alignment a person corrected is
 * aligned again around the pairs they confirmed (found by their text); pairs that can no longer
 * be placed are kept for review (unplacedEdits).
 */
export function* alignmentSteps(
	db: Db,
	doc: AlignmentSubject,
	glossary: GlossaryInput,
	options: { onlyMissing: boolean; partner: PartnerDetection }
): Generator<Step, void, unknown> {
	const docLang = mainLanguage({ languages: doc.chars });
	for (const partnerId of translationPartners(db, doc)) {
		if (
			options.onlyMissing &&
			(isCurrent(db, doc.id, partnerId) || isCurrent(db, partnerId, doc.id))
		)
			continue;
		const partner = options.partner(partnerId);
		// A partner not analysed yet aligns with this one when its own turn comes.
		if (!partner) continue;
		if (mainLanguage({ languages: partner }) === docLang) continue;
		const [enId, esId] = docLang === 'en' ? [doc.id, partnerId] : [partnerId, doc.id];
		const [enDetection, esDetection] =
			docLang === 'en' ? [doc.detection, partner.result] : [partner.result, doc.detection];
		const corrected = correctedAlignment(db, enId, esId, 0);
		if (corrected) {
			const realigned = (yield {
				kind: 'realign',
				enDetection,
				esDetection,
				glossary,
				confirmed: corrected.anchors
			}) as TaskResults['realign'];
			storeRealigned(db, corrected.id, realigned);
		} else {
			const beads = (yield {
				kind: 'translation',
				enDetection,
				esDetection,
				glossary
			}) as TaskResults['translation'];
			storeAlignment(db, enId, esId, 0, beads, null);
		}
	}
	if (doc.languages.includes('en') && doc.languages.includes('es')) {
		if (options.onlyMissing && isCurrent(db, doc.id, doc.id)) return;
		const pairing = (yield {
			kind: 'passages',
			text: doc.text,
			detection: doc.detection,
			glossary
		}) as TaskResults['passages'];
		const corrected = correctedAlignments(db, doc.id);
		const texts = corrected.length
			? (JSON.parse(doc.detection) as Detection).sentences.map((s) => s.text)
			: [];
		db.transaction(() => {
			db.prepare(
				'DELETE FROM alignments WHERE en_document_id = ? AND es_document_id = ? AND edited = 0'
			).run(doc.id, doc.id);
			pairing.pairs.forEach((pair, k) => {
				const kept = corrected.find((c) => c.passage === k);
				if (kept) storeRealigned(db, kept.id, realignPassage(pair.beads, texts, kept.anchors));
				else storeAlignment(db, doc.id, doc.id, k, pair.beads, pair.score);
			});
			// A corrected passage the new pairing no longer finds keeps its confirmed pairs.
			for (const kept of corrected.filter((c) => c.passage >= pairing.pairs.length))
				storeRealigned(db, kept.id, realignPassage([], texts, kept.anchors));
			// Remember that the document was examined even when nothing pairs.
			if (pairing.pairs.length === 0) markExamined(db, doc.id);
		})();
	} else if (!isCurrent(db, doc.id, doc.id)) markExamined(db, doc.id);
}

/**
 * Aligns the document with each of its translations, and the passages of a mixed document
 * with each other, where that isn't stored yet: the background analysis's steps, run here.
 */
export function ensureAlignments(db: Db, doc: DocumentWithAnalysis): void {
	const subject: AlignmentSubject = {
		id: doc.id,
		text: doc.text,
		translationOf: doc.translationOf,
		detection: JSON.stringify(doc.detection),
		chars: doc.languages,
		languages: [...new Set(doc.detection.runs.map((r) => r.lang))]
	};
	const stored = storedPartner(db);
	// The store's file names the glossary, as for the analysis tasks: the rows are read once per
	// generation (analysis-jobs.ts readStoreGlossary), not each time a script or an export aligns.
	const steps = alignmentSteps(db, subject, glossaryForWorker(db), {
		onlyMissing: true,
		// A partner not analysed yet is analysed here (scripts and exports need the pairs now).
		partner: (id) => {
			if (!stored(id)) getDocument(db, id);
			return stored(id);
		}
	});
	for (let step = steps.next(); !step.done; step = steps.next(runAnalysisTask(step.value)));
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

/** The text of a document's stored sentences (none before its first analysis). */
export function sentenceTexts(db: Db, documentId: number): string[] {
	const row = db.prepare('SELECT result FROM detections WHERE document_id = ?').get(documentId) as
		{ result: string } | undefined;
	return row ? (JSON.parse(row.result) as Detection).sentences.map((s) => s.text) : [];
}

/** The confirmed pairs of an alignment with their sentences' current text. */
export function anchorsOf(
	db: Db,
	enId: number,
	esId: number,
	beads: readonly Bead[]
): ConfirmedPair[] {
	if (!beads.some((b) => b.reviewed)) return [];
	const en = sentenceTexts(db, enId);
	return confirmedPairs(beads, en, enId === esId ? en : sentenceTexts(db, esId));
}

interface Corrected {
	id: number;
	passage: number;
	anchors: ConfirmedPair[];
}

const correctedOf = (row: Pick<AlignmentRow, 'id' | 'passage' | 'anchors'>): Corrected => ({
	id: row.id,
	passage: row.passage,
	anchors: row.anchors ? (JSON.parse(row.anchors) as ConfirmedPair[]) : []
});

function correctedAlignment(db: Db, enId: number, esId: number, passage: number) {
	const row = db
		.prepare(
			`SELECT id, passage, anchors FROM alignments
			 WHERE en_document_id = ? AND es_document_id = ? AND passage = ? AND edited = 1`
		)
		.get(enId, esId, passage) as Pick<AlignmentRow, 'id' | 'passage' | 'anchors'> | undefined;
	return row && correctedOf(row);
}

function correctedAlignments(db: Db, documentId: number): Corrected[] {
	return (
		db
			.prepare(
				`SELECT id, passage, anchors FROM alignments
				 WHERE en_document_id = ? AND es_document_id = ? AND edited = 1 ORDER BY passage`
			)
			.all(documentId, documentId) as Pick<AlignmentRow, 'id' | 'passage' | 'anchors'>[]
	).map(correctedOf);
}

/**
 * Keeps the text of the confirmed pairs of corrected alignments stored before pairs were
 * anchored to text, while the sentences they were made on are still stored: called before a
 * document's new analysis replaces them.
 */
export function anchorLegacyEdits(db: Db, documentId: number): void {
	const rows = db
		.prepare(
			`SELECT * FROM alignments WHERE (en_document_id = ? OR es_document_id = ?)
			 AND edited = 1 AND anchors IS NULL`
		)
		.all(documentId, documentId) as AlignmentRow[];
	for (const row of rows) {
		const anchors = anchorsOf(db, row.en_document_id, row.es_document_id, JSON.parse(row.beads));
		db.prepare('UPDATE alignments SET anchors = ? WHERE id = ?').run(
			JSON.stringify(anchors),
			row.id
		);
	}
}

/** A confirmed pair by its text alone, to recognise it whatever its sentences' numbers. */
const pairText = (pair: ConfirmedPair) =>
	JSON.stringify([pair.enTexts, pair.esTexts].map((t) => t.join(' ').replace(/\s+/g, ' ').trim()));

/**
 * Stores a corrected alignment aligned again around its confirmed pairs: it stays corrected,
 * and each pair that could not be placed is kept for review.
 */
export function storeRealigned(db: Db, alignmentId: number, realigned: Realigned): void {
	db.transaction(() => {
		db.prepare(
			`UPDATE alignments SET beads = ?, anchors = ?, aligner_version = ?, version = version + 1,
			   updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = ?`
		).run(
			JSON.stringify(realigned.beads),
			JSON.stringify(realigned.anchors),
			ALIGNER_VERSION,
			alignmentId
		);
		storeCounts(db, alignmentId, realigned.beads);
		const row = db
			.prepare('SELECT en_document_id, es_document_id FROM alignments WHERE id = ?')
			.get(alignmentId) as { en_document_id: number; es_document_id: number };
		const known = db.prepare(
			'SELECT 1 FROM unplaced_edits WHERE alignment_id = ? AND edit = ? AND dismissed = 0'
		);
		const insert = db.prepare(
			`INSERT INTO unplaced_edits (alignment_id, en_document_id, es_document_id, edit)
			 VALUES (?, ?, ?, ?)`
		);
		for (const pair of realigned.unplaced) {
			const edit = JSON.stringify(pair);
			if (!known.get(alignmentId, edit))
				insert.run(alignmentId, row.en_document_id, row.es_document_id, edit);
		}
		// A pair listed earlier that is placed again now (an undo brought its text back) is
		// settled: it leaves the list.
		const placed = new Set(realigned.anchors.map(pairText));
		const listed = db
			.prepare('SELECT id, edit FROM unplaced_edits WHERE alignment_id = ? AND dismissed = 0')
			.all(alignmentId) as { id: number; edit: string }[];
		const settle = db.prepare('UPDATE unplaced_edits SET dismissed = 1 WHERE id = ?');
		for (const entry of listed)
			if (placed.has(pairText(JSON.parse(entry.edit) as ConfirmedPair))) settle.run(entry.id);
	})();
}

/** A confirmed pair whose text a re-analysis could not find again, kept for the person to review. */
export interface UnplacedEdit {
	id: number;
	alignmentId: number;
	enDocumentId: number;
	esDocumentId: number;
	/** The pair as it was confirmed: sentence numbers then, and their text. */
	pair: ConfirmedPair;
	createdAt: string;
}

/** The unplaced edits of a document's alignments, oldest first (dismissed ones left out). */
export function unplacedEdits(db: Db, documentId: number): UnplacedEdit[] {
	const rows = db
		.prepare(
			`SELECT id, alignment_id, en_document_id, es_document_id, edit, created_at
			 FROM unplaced_edits WHERE (en_document_id = ? OR es_document_id = ?) AND dismissed = 0
			 ORDER BY id`
		)
		.all(documentId, documentId) as {
		id: number;
		alignment_id: number;
		en_document_id: number;
		es_document_id: number;
		edit: string;
		created_at: string;
	}[];
	return rows.map((r) => ({
		id: r.id,
		alignmentId: r.alignment_id,
		enDocumentId: r.en_document_id,
		esDocumentId: r.es_document_id,
		pair: JSON.parse(r.edit) as ConfirmedPair,
		createdAt: r.created_at
	}));
}

/** The person has seen an unplaced edit and lets it go (it stays in the store, dismissed). */
export function dismissUnplacedEdit(db: Db, documentId: number, id: number): Result<void> {
	const changed = db
		.prepare(
			`UPDATE unplaced_edits SET dismissed = 1
			 WHERE id = ? AND (en_document_id = ? OR es_document_id = ?) AND dismissed = 0`
		)
		.run(id, documentId, documentId).changes;
	return changed ? ok(undefined) : fail('not-found');
}

/**
 * Tries an unplaced edit again on the current sentences (after the person fixed the text it
 * needs, say): when its text is found, in order with the other confirmed pairs, it becomes a
 * confirmed pair again (a revision, undoable); otherwise it stays listed.
 */
export function reapplyUnplacedEdit(
	db: Db,
	documentId: number,
	id: number,
	author: string | null
): Result<{ revision: number }> {
	return inTransaction(db, () => {
		const found = unplacedEdits(db, documentId).find((u) => u.id === id);
		if (!found) return refuse(fail<{ revision: number }>('not-found'));
		const before = alignmentSnapshot(db, found.alignmentId);
		if (!before) return refuse(fail<{ revision: number }>('not-found'));
		const en = sentenceTexts(db, found.enDocumentId);
		const es =
			found.enDocumentId === found.esDocumentId ? en : sentenceTexts(db, found.esDocumentId);
		const confirmed = before.beads.filter((b) => b.reviewed);
		const current = confirmedPairs(confirmed, en, es);
		const all = placeConfirmedPairs(
			[...current, found.pair].sort(
				(a, b) => (a.en[0] ?? a.es[0] ?? 0) - (b.en[0] ?? b.es[0] ?? 0)
			),
			en,
			es
		);
		if (all.unplaced.length)
			return refuse(
				fail<{ revision: number }>('invalid-input', {
					detail: 'the pair’s sentences are still not found in order'
				})
			);
		const beads = withConfirmedBeads(
			before.beads.filter((b) => !b.reviewed),
			all.placed
		);
		const revision = commitChange(
			db,
			{
				documentId,
				alignmentId: found.alignmentId,
				kind: 'review',
				author,
				before: { alignments: [before] },
				after: {
					alignments: [{ ...before, beads, anchors: confirmedPairs(beads, en, es), edited: true }]
				}
			},
			storeCounts
		);
		db.prepare('UPDATE unplaced_edits SET dismissed = 1 WHERE id = ?').run(id);
		return { revision };
	});
}

/** Who made a change, and on which document's page. */
export interface ChangeOrigin {
	documentId?: number;
	author?: string | null;
}

/** What a person sees when their change met another one: the stored state and theirs. */
export interface EditConflict {
	theirs: { version: number; revision: number | null; pair?: { en: number[]; es: number[] } };
	yours: { version: number; revision: number; edit: BeadEdit };
}

export type EditResult =
	| { ok: true; value: StoredAlignment & { revision: number } }
	| { ok: false; error: UserError; conflict?: EditConflict };

/**
 * Applies a person's correction, as a revision (undoable). `expectedVersion` is the version the
 * person saw: if someone else saved in the meantime (another tab), nothing is changed, the
 * attempt is kept as a refused revision, and both versions are returned, so neither edit
 * silently overwrites the other and the person can re-apply theirs.
 */
export function editAlignment(
	db: Db,
	alignmentId: number,
	expectedVersion: number,
	edit: BeadEdit,
	origin: ChangeOrigin = {}
): EditResult {
	return db.transaction((): EditResult => {
		const row = db.prepare('SELECT * FROM alignments WHERE id = ?').get(alignmentId) as
			AlignmentRow | undefined;
		if (!row) return fail('not-found') as EditResult;
		// The page's document when it is one of the alignment's (its history shows the change).
		const documentId =
			origin.documentId === row.es_document_id ? row.es_document_id : row.en_document_id;
		const author = origin.author ?? null;
		const beads = JSON.parse(row.beads) as Bead[];
		if (row.version !== expectedVersion) {
			const refused = recordRefused(db, {
				documentId,
				alignmentId,
				kind: edit.kind,
				author,
				before: { alignments: [] },
				intent: { action: 'edit', alignmentId, edit }
			});
			const pair = beads[edit.bead];
			return {
				ok: false,
				error: (
					fail('conflict', {
						detail: `version ${expectedVersion} is now ${row.version}`
					}) as { error: UserError }
				).error,
				conflict: {
					theirs: {
						version: row.version,
						revision: latestRevision(db, documentId),
						pair: pair && { en: pair.en, es: pair.es }
					},
					yours: { version: expectedVersion, revision: refused, edit }
				}
			};
		}
		const edited = applyBeadEdit(beads, edit);
		if (!edited.ok) return edited as EditResult;
		const before = alignmentSnapshot(db, alignmentId)!;
		const revision = commitChange(
			db,
			{
				documentId,
				alignmentId,
				kind: edit.kind,
				author,
				before: { alignments: [before] },
				after: {
					alignments: [
						{
							id: alignmentId,
							beads: edited.value,
							anchors: anchorsOf(db, row.en_document_id, row.es_document_id, edited.value),
							edited: true
						}
					]
				}
			},
			storeCounts
		);
		const stored = db
			.prepare('SELECT * FROM alignments WHERE id = ?')
			.get(alignmentId) as AlignmentRow;
		return { ok: true, value: { ...toAlignment(stored), revision } };
	})();
}

/**
 * Applies again a change a version conflict refused, on what is stored now (the person saw both
 * versions and chose theirs). Sentence changes are re-applied by document-edits.ts.
 */
export function reapplyAlignmentEdit(
	db: Db,
	refusedId: number,
	origin: ChangeOrigin = {}
): EditResult {
	const refused = getRevision(db, refusedId);
	const intent = refused?.after.intent as Intent | undefined;
	if (!refused || refused.state !== 'refused' || intent?.action !== 'edit')
		return fail('not-found') as EditResult;
	const row = db.prepare('SELECT version FROM alignments WHERE id = ?').get(intent.alignmentId) as
		{ version: number } | undefined;
	if (!row) return fail('not-found') as EditResult;
	const result = editAlignment(db, intent.alignmentId, row.version, intent.edit, {
		documentId: origin.documentId ?? refused.documentId,
		author: origin.author ?? refused.author
	});
	if (result.ok) markReapplied(db, refusedId);
	return result;
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
