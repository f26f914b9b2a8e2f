// A document's revision history: every change a person makes (an alignment correction, a
// sentence's text, a split or a join) is written as a revision holding the state before and
// after, and applied through that revision, so undo and redo are the same change run the other
// way (each a new revision of its own). A change refused by a version conflict is kept as a
// refused revision with what the person tried, so the page can show both and re-apply it.
import type { Db } from './db';
import type { Bead, Detection } from '$lib/core/types';
import { fail, ok, type Result, type UserError } from '$lib/core/errors';
import type { BeadEdit } from '$lib/core/align/bead-edits';
import type { ConfirmedPair } from '$lib/core/align/confirmed-pairs';
import {
	applyPatch,
	invertPatch,
	noOverrides,
	type SegmentOverrides,
	type SentencePatch
} from '$lib/core/text/sentence-edits';

/** What a revision did. */
export type RevisionKind =
	BeadEdit['kind'] | 'edit-text' | 'split-sentence' | 'join-sentences' | 'undo' | 'redo';

export type RevisionState = 'done' | 'undone' | 'abandoned' | 'refused' | 'reapplied';

/** An alignment as a revision keeps it. */
export interface AlignmentSnapshot {
	id: number;
	beads: Bead[];
	anchors: ConfirmedPair[] | null;
	edited: boolean;
}

/** One side of a revision: the alignments it touched and the document's overrides, as they were. */
export interface RevisionSide {
	alignments: AlignmentSnapshot[];
	overrides?: SegmentOverrides;
	/** On the `after` side of a sentence change: the patch that goes from before to after. */
	patch?: SentencePatch;
}

/** What a refused change tried: enough to try it again. */
export type Intent =
	| { action: 'edit'; alignmentId: number; edit: BeadEdit }
	| { action: 'editText'; documentId: number; sentence: number; text: string }
	| { action: 'splitSentence'; documentId: number; sentence: number; offset: number }
	| { action: 'joinSentences'; documentId: number; sentence: number }
	| { action: 'undo' | 'redo'; documentId: number };

export interface Revision {
	id: number;
	documentId: number;
	alignmentId: number | null;
	kind: RevisionKind;
	author: string | null;
	createdAt: string;
	state: RevisionState;
	/** The revision an undo reverts or a redo applies again. */
	reverts: number | null;
	before: RevisionSide;
	after: RevisionSide & { intent?: Intent };
}

interface RevisionRow {
	id: number;
	document_id: number;
	alignment_id: number | null;
	kind: RevisionKind;
	author: string | null;
	created_at: string;
	before: string;
	after: string;
	reverts: number | null;
	state: RevisionState;
}

const toRevision = (row: RevisionRow): Revision => ({
	id: row.id,
	documentId: row.document_id,
	alignmentId: row.alignment_id,
	kind: row.kind,
	author: row.author,
	createdAt: row.created_at,
	state: row.state,
	reverts: row.reverts,
	before: JSON.parse(row.before) as RevisionSide,
	after: JSON.parse(row.after) as RevisionSide
});

/**
 * The revisions of a document: its own, its translations' (their sentences sit beside its own in
 * the reader, so one page's undo covers both), and those of every alignment it takes part in.
 */
const IN_SCOPE = `(r.document_id = @doc
	OR r.document_id IN (SELECT id FROM documents WHERE translation_of = @doc)
	OR r.document_id = (SELECT translation_of FROM documents WHERE id = @doc)
	OR r.alignment_id IN
	(SELECT id FROM alignments WHERE en_document_id = @doc OR es_document_id = @doc))`;

/** Kinds that are changes of their own (undo and redo only move along them). */
const CHANGE = `r.kind NOT IN ('undo', 'redo')`;

/** A document's revisions, newest first (refused ones included, marked). */
export function revisionsOf(db: Db, documentId: number, limit = 200): Revision[] {
	return (
		db
			.prepare(`SELECT r.* FROM revisions r WHERE ${IN_SCOPE} ORDER BY r.id DESC LIMIT @limit`)
			.all({ doc: documentId, limit }) as RevisionRow[]
	).map(toRevision);
}

export function getRevision(db: Db, id: number): Revision | undefined {
	const row = db.prepare('SELECT * FROM revisions WHERE id = ?').get(id) as RevisionRow | undefined;
	return row && toRevision(row);
}

/** The newest revision that changed something (refused ones did not). */
export function latestRevision(db: Db, documentId: number): number | null {
	const row = db
		.prepare(`SELECT max(r.id) id FROM revisions r WHERE ${IN_SCOPE} AND r.state != 'refused'`)
		.get({ doc: documentId }) as { id: number | null };
	return row.id;
}

/** The change undo would revert: the newest change not undone. */
function undoTarget(db: Db, documentId: number): Revision | undefined {
	const row = db
		.prepare(
			`SELECT r.* FROM revisions r WHERE ${IN_SCOPE} AND ${CHANGE} AND r.state = 'done'
			 ORDER BY r.id DESC LIMIT 1`
		)
		.get({ doc: documentId }) as RevisionRow | undefined;
	return row && toRevision(row);
}

/** The change redo would apply again: the one undone last (undo goes newest first). */
function redoTarget(db: Db, documentId: number): Revision | undefined {
	const row = db
		.prepare(
			`SELECT r.* FROM revisions r WHERE ${IN_SCOPE} AND ${CHANGE} AND r.state = 'undone'
			 ORDER BY r.id ASC LIMIT 1`
		)
		.get({ doc: documentId }) as RevisionRow | undefined;
	return row && toRevision(row);
}

/** What the reader page needs to offer undo and redo. */
export interface HistoryState {
	canUndo: boolean;
	canRedo: boolean;
	/** The newest revision: undo and redo send it back, so a stale page gets a conflict. */
	latest: number | null;
}

export function historyState(db: Db, documentId: number): HistoryState {
	return {
		canUndo: !!undoTarget(db, documentId),
		canRedo: !!redoTarget(db, documentId),
		latest: latestRevision(db, documentId)
	};
}

interface AlignmentRowLite {
	id: number;
	beads: string;
	anchors: string | null;
	edited: number;
}

export function alignmentSnapshot(db: Db, alignmentId: number): AlignmentSnapshot | undefined {
	const row = db
		.prepare('SELECT id, beads, anchors, edited FROM alignments WHERE id = ?')
		.get(alignmentId) as AlignmentRowLite | undefined;
	return (
		row && {
			id: row.id,
			beads: JSON.parse(row.beads) as Bead[],
			anchors: row.anchors ? (JSON.parse(row.anchors) as ConfirmedPair[]) : null,
			edited: row.edited === 1
		}
	);
}

/** Counts an alignment keeps beside it for the library (see alignments.ts). */
export type CountsWriter = (db: Db, alignmentId: number, beads: Bead[]) => void;

/** The stored overrides of a document (none when the person never split or joined). */
export function segmentOverrides(db: Db, documentId: number): SegmentOverrides {
	const row = db
		.prepare('SELECT overrides FROM segment_overrides WHERE document_id = ?')
		.get(documentId) as { overrides: string } | undefined;
	return row ? (JSON.parse(row.overrides) as SegmentOverrides) : noOverrides();
}

function writeOverrides(db: Db, documentId: number, overrides: SegmentOverrides): void {
	db.prepare(
		`INSERT INTO segment_overrides (document_id, overrides) VALUES (?, ?)
		 ON CONFLICT (document_id) DO UPDATE SET overrides = excluded.overrides`
	).run(documentId, JSON.stringify(overrides));
}

/** Glossary marks after a text change: those after it move, those it touched are dropped. */
function shiftMarks(
	marks: { start: number; end: number; entryId: string }[],
	change: { start: number; before: string; after: string }
) {
	const end = change.start + change.before.length;
	const delta = change.after.length - change.before.length;
	return marks.flatMap((m) =>
		m.end <= change.start
			? [m]
			: m.start >= end
				? [{ ...m, start: m.start + delta, end: m.end + delta }]
				: []
	);
}

/**
 * Moves a document from one side of a change to the other: its text and sentences by the patch
 * (the stored detection is updated at once, so the page stays consistent until the background
 * analysis runs again on the new version), its overrides, and its alignments. Refused with a
 * conflict when what it replaces is no longer there.
 */
function moveDocument(
	db: Db,
	documentId: number,
	patch: SentencePatch,
	overrides: SegmentOverrides
): Result<void> {
	const doc = db.prepare('SELECT text FROM documents WHERE id = ?').get(documentId) as
		{ text: string } | undefined;
	const stored = db
		.prepare('SELECT result, marks FROM detections WHERE document_id = ?')
		.get(documentId) as { result: string; marks: string | null } | undefined;
	if (!doc || !stored) return fail('not-found');
	const applied = applyPatch(doc.text, JSON.parse(stored.result) as Detection, patch);
	if (!applied.ok) return applied;
	const { text, detection } = applied.value;
	if (patch.text)
		db.prepare(
			`UPDATE documents SET text = ?, version = version + 1,
			   updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = ?`
		).run(text, documentId);
	else
		db.prepare(
			`UPDATE documents SET version = version + 1,
			   updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = ?`
		).run(documentId);
	const chars = { en: 0, es: 0, und: 0 };
	for (const s of detection.sentences) chars[s.lang] += s.end - s.start;
	const marks = stored.marks ? JSON.parse(stored.marks) : null;
	db.prepare(
		`UPDATE detections SET result = ?, en_chars = ?, es_chars = ?, und_chars = ?, marks = ?,
		   repeats = NULL WHERE document_id = ?`
	).run(
		JSON.stringify(detection),
		chars.en,
		chars.es,
		chars.und,
		marks && patch.text ? JSON.stringify(shiftMarks(marks, patch.text)) : stored.marks,
		documentId
	);
	db.prepare(`UPDATE document_stats SET chars = ?, sentences = ? WHERE document_id = ?`).run(
		text.length,
		detection.sentences.length,
		documentId
	);
	writeOverrides(db, documentId, overrides);
	return ok(undefined);
}

/**
 * Moves alignments to a snapshot. What stands between is not compared: changes by people are
 * guarded by the newest revision the page knew (undoOrRedo), and the rest is the aligner's work,
 * which the next analysis redoes around the confirmed pairs anyway.
 */
function moveAlignments(
	db: Db,
	to: readonly AlignmentSnapshot[],
	writeCounts: CountsWriter
): Result<void> {
	for (const target of to) {
		if (!alignmentSnapshot(db, target.id)) return fail('not-found');
		db.prepare(
			`UPDATE alignments SET beads = ?, anchors = ?, edited = ?, version = version + 1,
			   updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = ?`
		).run(
			JSON.stringify(target.beads),
			target.anchors ? JSON.stringify(target.anchors) : null,
			target.edited ? 1 : 0,
			target.id
		);
		writeCounts(db, target.id, target.beads);
	}
	return ok(undefined);
}

/** Thrown inside a transaction to roll it back with a user error. */
class Refusal extends Error {
	constructor(readonly error: UserError) {
		super(error.code);
	}
}

/** The value of a result, or a refusal that rolls back the transaction it is in. */
export function refuse<T>(result: Result<T>): T {
	if (!result.ok) throw new Refusal(result.error);
	return result.value;
}

/** Runs `body` in a transaction; a refusal rolls everything back and is returned. */
export function inTransaction<T>(db: Db, body: () => T): Result<T> {
	try {
		return ok(db.transaction(body)());
	} catch (error) {
		if (error instanceof Refusal) return { ok: false, error: error.error };
		throw error;
	}
}

/** Moves the store from one side of a change to the other (both documents and alignments). */
function move(
	db: Db,
	documentId: number,
	from: RevisionSide,
	to: RevisionSide,
	patch: SentencePatch | undefined,
	writeCounts: CountsWriter
): void {
	if (patch) refuse(moveDocument(db, documentId, patch, to.overrides ?? noOverrides()));
	refuse(moveAlignments(db, to.alignments, writeCounts));
}

export interface NewRevision {
	documentId: number;
	alignmentId?: number | null;
	kind: RevisionKind;
	author: string | null;
	before: RevisionSide;
	after: RevisionSide;
	reverts?: number | null;
}

function insertRevision(db: Db, revision: NewRevision, state: RevisionState = 'done'): number {
	return Number(
		db
			.prepare(
				`INSERT INTO revisions (document_id, alignment_id, kind, author, before, after, reverts, state)
				 VALUES (?, ?, ?, ?, ?, ?, ?, ?)`
			)
			.run(
				revision.documentId,
				revision.alignmentId ?? null,
				revision.kind,
				revision.author,
				JSON.stringify(revision.before),
				JSON.stringify(revision.after),
				revision.reverts ?? null,
				state
			).lastInsertRowid
	);
}

/**
 * Applies a new change and records it; undone changes of the document can no longer be redone
 * (a new change starts a new branch). To be called inside a transaction.
 */
export function commitChange(db: Db, revision: NewRevision, writeCounts: CountsWriter): number {
	move(db, revision.documentId, revision.before, revision.after, revision.after.patch, writeCounts);
	db.prepare(
		`UPDATE revisions SET state = 'abandoned' WHERE id IN
		 (SELECT r.id FROM revisions r WHERE ${IN_SCOPE} AND r.state = 'undone')`
	).run({ doc: revision.documentId });
	return insertRevision(db, revision);
}

/** Keeps a change a conflict refused, with what was tried, for the person to re-apply. */
export function recordRefused(
	db: Db,
	revision: Omit<NewRevision, 'after'> & { intent: Intent }
): number {
	return insertRevision(
		db,
		{ ...revision, after: { alignments: [], intent: revision.intent } as RevisionSide },
		'refused'
	);
}

/** Marks a refused change as re-applied (it is then one of the changes in the history). */
export function markReapplied(db: Db, id: number): void {
	db.prepare("UPDATE revisions SET state = 'reapplied' WHERE id = ? AND state = 'refused'").run(id);
}

export interface UndoOutcome {
	kind: 'undo' | 'redo';
	revision: number;
	/** The change undone or redone. */
	target: Revision;
}

/** What a stale page is told: the newest revision in the store, and what it tried. */
export interface HistoryConflict {
	theirs: {
		latest: number | null;
		kind?: RevisionKind;
		createdAt?: string;
		author?: string | null;
	};
	yours: { action: 'undo' | 'redo'; revision: number | null };
}

export type UndoResult =
	{ ok: true; value: UndoOutcome } | { ok: false; error: UserError; conflict?: HistoryConflict };

/**
 * Undoes the newest change (or redoes the change undone last) as a new revision. `seen` is the
 * newest revision the person's page knew: when another has been made since, nothing is changed
 * and both are returned.
 */
export function undoOrRedo(
	db: Db,
	documentId: number,
	action: 'undo' | 'redo',
	seen: number | null,
	author: string | null,
	writeCounts: CountsWriter
): UndoResult {
	const latest = latestRevision(db, documentId);
	if (latest !== seen) {
		const newest = latest === null ? undefined : getRevision(db, latest);
		const conflict: HistoryConflict = {
			theirs: {
				latest,
				kind: newest?.kind,
				createdAt: newest?.createdAt,
				author: newest?.author
			},
			yours: { action, revision: seen }
		};
		const refused = fail('conflict', { detail: `revision ${seen} is now ${latest}` });
		return { ok: false, error: (refused as { error: UserError }).error, conflict };
	}
	const target = action === 'undo' ? undoTarget(db, documentId) : redoTarget(db, documentId);
	if (!target) {
		const nothing = fail('invalid-input', {
			detail: action === 'undo' ? 'nothing to undo' : 'nothing to redo'
		});
		return { ok: false, error: (nothing as { error: UserError }).error };
	}
	const result = inTransaction(db, () => {
		const [from, to] =
			action === 'undo' ? [target.after, target.before] : [target.before, target.after];
		const patch =
			target.after.patch &&
			(action === 'undo' ? invertPatch(target.after.patch) : target.after.patch);
		move(db, target.documentId, from, to, patch, writeCounts);
		db.prepare('UPDATE revisions SET state = ? WHERE id = ?').run(
			action === 'undo' ? 'undone' : 'done',
			target.id
		);
		return insertRevision(db, {
			// A sentence change undone is the changed document's (its patch moves that one).
			documentId: patch ? target.documentId : documentId,
			alignmentId: target.alignmentId,
			kind: action,
			author,
			before: { alignments: from.alignments, overrides: from.overrides },
			after: { alignments: to.alignments, overrides: to.overrides, patch },
			reverts: target.id
		});
	});
	if (!result.ok) return { ok: false, error: result.error };
	return { ok: true, value: { kind: action, revision: result.value, target } };
}
