// A person's changes to a document's sentences (a sentence's text, a split, a join), and undo,
// redo and re-apply for every change, as revisions (revisions.ts). The stored detection and the
// alignments follow at once, so the page stays consistent; the document's version moves on, so
// the background analysis runs again and re-aligns the pairs nobody confirmed.
import type { Db } from './db';
import type { Bead, Detection } from '$lib/core/types';
import { fail, type UserError } from '$lib/core/errors';
import { confirmedPairs } from '$lib/core/align/confirmed-pairs';
import { checkUserText } from '$lib/core/text/decode';
import {
	applyPatch,
	overridesWith,
	planJoin,
	planSplit,
	planTextEdit,
	sentenceIndexMap,
	type SentencePatch
} from '$lib/core/text/sentence-edits';
import {
	reapplyAlignmentEdit,
	sentenceTexts,
	storeCounts,
	type ChangeOrigin,
	type EditConflict
} from './alignments';
import {
	alignmentSnapshot,
	commitChange,
	getRevision,
	latestRevision,
	markReapplied,
	recordRefused,
	segmentOverrides,
	undoOrRedo,
	type AlignmentSnapshot,
	type HistoryConflict,
	type Intent,
	type RevisionKind
} from './revisions';
import { analysisFor } from './analysis';

export type SentenceChange =
	| { kind: 'edit-text'; text: string }
	| { kind: 'split-sentence'; offset: number }
	| { kind: 'join-sentences' };

/** What a person sees when their change met another: the document as stored, and theirs. */
export interface SentenceConflict {
	theirs: { version: number; revision: number | null; text?: string };
	yours: { version: number; revision: number; sentence: number; change: SentenceChange };
}

export type ChangeResult =
	| { ok: true; value: { kind: RevisionKind; revision: number } }
	| {
			ok: false;
			error: UserError;
			conflict?: SentenceConflict | HistoryConflict | EditConflict;
	  };

const failed = (code: UserError['code'], params?: Record<string, string | number>) =>
	({ ok: false, error: (fail(code, params) as { error: UserError }).error }) as const;

/** The sentences of a bead side after a patch moved a document's sentences. */
function moveBeads(
	beads: readonly Bead[],
	sides: readonly ('en' | 'es')[],
	map: (i: number) => number[]
): Bead[] {
	return beads
		.map((b) => {
			const next = { ...b };
			for (const side of sides) next[side] = [...new Set(b[side].flatMap(map))];
			return next;
		})
		.filter((b) => b.en.length + b.es.length > 0);
}

/** Every alignment of the document, moved as the patch moves its sentences. */
function alignmentsAfter(
	db: Db,
	documentId: number,
	patch: SentencePatch,
	texts: string[]
): { before: AlignmentSnapshot[]; after: AlignmentSnapshot[] } {
	const rows = db
		.prepare(
			'SELECT id, en_document_id, es_document_id FROM alignments WHERE en_document_id = ? OR es_document_id = ?'
		)
		.all(documentId, documentId) as {
		id: number;
		en_document_id: number;
		es_document_id: number;
	}[];
	const map = sentenceIndexMap(patch);
	const before: AlignmentSnapshot[] = [];
	const after: AlignmentSnapshot[] = [];
	for (const row of rows) {
		const snapshot = alignmentSnapshot(db, row.id)!;
		const sides = (['en', 'es'] as const).filter(
			(side) => (side === 'en' ? row.en_document_id : row.es_document_id) === documentId
		);
		const beads = moveBeads(snapshot.beads, sides, map);
		const textsOf = (id: number) => (id === documentId ? texts : sentenceTexts(db, id));
		const anchors = beads.some((b) => b.reviewed)
			? confirmedPairs(beads, textsOf(row.en_document_id), textsOf(row.es_document_id))
			: snapshot.anchors && [];
		before.push(snapshot);
		after.push({ ...snapshot, beads, anchors });
	}
	return { before, after };
}

function plan(text: string, detection: Detection, sentence: number, change: SentenceChange) {
	switch (change.kind) {
		case 'edit-text': {
			const checked = checkUserText(change.text);
			if (!checked.ok) return checked;
			return planTextEdit(text, detection, sentence, change.text);
		}
		case 'split-sentence':
			return planSplit(text, detection, sentence, change.offset);
		case 'join-sentences':
			return planJoin(text, detection, sentence);
	}
}

/**
 * Changes a document's sentence (its text, a split, a join) as a revision. `expectedVersion` is
 * the document version the person saw: when it moved on, nothing changes, the attempt is kept
 * as a refused revision and both versions are returned.
 */
export function changeSentence(
	db: Db,
	documentId: number,
	sentence: number,
	expectedVersion: number,
	change: SentenceChange,
	origin: ChangeOrigin = {}
): ChangeResult {
	const author = origin.author ?? null;
	const result = db.transaction((): ChangeResult => {
		const doc = db.prepare('SELECT text, version FROM documents WHERE id = ?').get(documentId) as
			{ text: string; version: number } | undefined;
		if (!doc) return failed('not-found');
		const stored = db
			.prepare('SELECT result FROM detections WHERE document_id = ?')
			.get(documentId) as { result: string } | undefined;
		const detection = stored ? (JSON.parse(stored.result) as Detection) : undefined;
		if (doc.version !== expectedVersion) {
			// Kept with the sentence's number now, so a re-apply changes the sentence the person
			// meant even when sentences were split or joined since their page was made.
			const meant = sentenceNow(db, documentId, sentence, expectedVersion, doc.version);
			const revision = recordRefused(db, {
				documentId,
				kind: change.kind,
				author,
				before: { alignments: [] },
				intent: intentOf(documentId, meant, change)
			});
			return {
				...failed('conflict', { detail: `version ${expectedVersion} is now ${doc.version}` }),
				conflict: {
					theirs: {
						version: doc.version,
						revision: latestRevision(db, documentId),
						text: detection?.sentences[sentence]?.text
					},
					yours: { version: expectedVersion, revision, sentence: meant, change }
				}
			};
		}
		if (!detection) return failed('invalid-input', { detail: 'the text is still being analysed' });
		const planned = plan(doc.text, detection, sentence, change);
		if (!planned.ok) return planned;
		const patch = planned.value;
		const applied = applyPatch(doc.text, detection, patch);
		if (!applied.ok) return applied;
		const texts = applied.value.detection.sentences.map((s) => s.text);
		const overrides = segmentOverrides(db, documentId);
		const alignments = alignmentsAfter(db, documentId, patch, texts);
		const revision = commitChange(
			db,
			{
				documentId,
				kind: change.kind,
				author,
				before: { alignments: alignments.before, overrides },
				after: { alignments: alignments.after, overrides: overridesWith(overrides, patch), patch }
			},
			storeCounts
		);
		return { ok: true, value: { kind: change.kind, revision } };
	})();
	if (result.ok) analysisFor(db).kick();
	return result;
}

/**
 * Where a sentence of an older version of the document is now: followed through the sentence
 * changes made since (each moved the document one version on; only they do).
 */
function sentenceNow(
	db: Db,
	documentId: number,
	sentence: number,
	seenVersion: number,
	currentVersion: number
): number {
	const steps = currentVersion - seenVersion;
	if (steps <= 0) return sentence;
	const patches = (
		db
			.prepare(
				`SELECT json_extract(after, '$.patch') patch FROM revisions
				 WHERE document_id = ? AND state != 'refused' AND json_extract(after, '$.patch') IS NOT NULL
				 ORDER BY id DESC LIMIT ?`
			)
			.all(documentId, steps) as { patch: string }[]
	)
		.map((r) => JSON.parse(r.patch) as SentencePatch)
		.reverse();
	let index = sentence;
	for (const patch of patches) {
		const moved = sentenceIndexMap(patch)(index);
		// A sentence joined into the one before it is that sentence now.
		index = moved.length ? moved[0] : patch.at;
	}
	return index;
}

function intentOf(documentId: number, sentence: number, change: SentenceChange): Intent {
	switch (change.kind) {
		case 'edit-text':
			return { action: 'editText', documentId, sentence, text: change.text };
		case 'split-sentence':
			return { action: 'splitSentence', documentId, sentence, offset: change.offset };
		case 'join-sentences':
			return { action: 'joinSentences', documentId, sentence };
	}
}

/** Undoes the newest change of the document, or redoes the one undone last, as a new revision. */
export function undoRedo(
	db: Db,
	documentId: number,
	action: 'undo' | 'redo',
	seenRevision: number | null,
	origin: ChangeOrigin = {}
): ChangeResult {
	const result = undoOrRedo(
		db,
		documentId,
		action,
		seenRevision,
		origin.author ?? null,
		storeCounts
	);
	if (!result.ok) {
		if (result.conflict)
			recordRefused(db, {
				documentId,
				kind: action,
				author: origin.author ?? null,
				before: { alignments: [] },
				intent: { action, documentId }
			});
		return result;
	}
	if (result.value.target.after.patch) analysisFor(db).kick();
	return { ok: true, value: { kind: action, revision: result.value.revision } };
}

/**
 * Applies again a change a conflict refused, on the document as it is now: the person saw both
 * versions and chose theirs. A sentence that is no longer there is refused (invalid-input).
 */
export function reapply(
	db: Db,
	documentId: number,
	refusedId: number,
	origin: ChangeOrigin = {}
): ChangeResult {
	const refused = getRevision(db, refusedId);
	const intent = refused?.after.intent;
	if (!refused || refused.state !== 'refused' || !intent) return failed('not-found');
	const who = { documentId, author: origin.author ?? refused.author };
	switch (intent.action) {
		case 'edit': {
			const result = reapplyAlignmentEdit(db, refusedId, who);
			return result.ok
				? { ok: true, value: { kind: intent.edit.kind, revision: result.value.revision } }
				: result;
		}
		case 'undo':
		case 'redo': {
			const result = undoRedo(db, documentId, intent.action, latestRevision(db, documentId), who);
			if (result.ok) markReapplied(db, refusedId);
			return result;
		}
		default: {
			const version = (
				db.prepare('SELECT version FROM documents WHERE id = ?').get(intent.documentId) as
					{ version: number } | undefined
			)?.version;
			if (version === undefined) return failed('not-found');
			const change: SentenceChange =
				intent.action === 'editText'
					? { kind: 'edit-text', text: intent.text }
					: intent.action === 'splitSentence'
						? { kind: 'split-sentence', offset: intent.offset }
						: { kind: 'join-sentences' };
			const result = changeSentence(db, intent.documentId, intent.sentence, version, change, who);
			if (result.ok) markReapplied(db, refusedId);
			return result;
		}
	}
}
