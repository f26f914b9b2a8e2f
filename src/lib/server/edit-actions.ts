// The reader page's form actions for corrections, undo and redo (see the list in
// src/routes/doc/[id]/+page.server.ts): each reads its form, calls the store, and answers
// { saved: kind, revision } or fail(400 | 404 | 409, { error, theirs?, yours? }).
import { fail } from '@sveltejs/kit';
import type { Db } from './db';
import type { BeadEdit } from '$lib/core/align/bead-edits';
import { userError, type UserError } from '$lib/core/errors';
import { dismissUnplacedEdit, editAlignment, reapplyUnplacedEdit } from './alignments';
import { changeSentence, reapply, undoRedo, type SentenceChange } from './document-edits';
import { readForm } from './http';
import { storeWritable } from './write-turns';

export type EditActionName =
	| 'edit'
	| 'undo'
	| 'redo'
	| 'editText'
	| 'splitSentence'
	| 'joinSentences'
	| 'reapply'
	| 'dismissUnplaced'
	| 'reapplyUnplaced';

const STATUS: Partial<Record<UserError['code'], 404 | 409>> = { conflict: 409, 'not-found': 404 };

function refused(error: UserError, conflict?: { theirs: unknown; yours: unknown }) {
	return fail(STATUS[error.code] ?? 400, { error, ...(conflict ?? {}) });
}

const invalid = (detail: string) => refused(userError('invalid-input', { detail }));

/** An integer field, or undefined when missing or not an integer. */
function integer(form: FormData, name: string): number | undefined {
	const raw = form.get(name);
	if (typeof raw !== 'string' || raw.trim() === '') return undefined;
	const value = Number(raw);
	return Number.isInteger(value) ? value : undefined;
}

/** Reads an alignment correction from a form: which alignment, the version seen, and the edit. */
function editFromForm(
	form: FormData
): { alignmentId: number; version: number; edit: BeadEdit } | undefined {
	const num = (name: string) => Number(form.get(name));
	const [alignmentId, version, bead] = [num('alignment'), num('version'), num('bead')];
	if (![alignmentId, version, bead].every(Number.isInteger)) return undefined;
	const kind = form.get('kind');
	const side = form.get('side') === 'es' ? 'es' : 'en';
	const direction = form.get('direction') === 'up' ? 'up' : 'down';
	const edit: BeadEdit | undefined =
		kind === 'merge' || kind === 'review'
			? { kind, bead }
			: kind === 'split'
				? { kind, bead, en: num('en'), es: num('es') }
				: kind === 'move'
					? { kind, bead, side, direction }
					: undefined;
	return edit && { alignmentId, version, edit };
}

function sentenceChange(name: EditActionName, form: FormData): SentenceChange | undefined {
	if (name === 'editText') {
		const text = form.get('text');
		return typeof text === 'string' ? { kind: 'edit-text', text } : undefined;
	}
	if (name === 'splitSentence') {
		const offset = integer(form, 'offset');
		return offset === undefined ? undefined : { kind: 'split-sentence', offset };
	}
	return { kind: 'join-sentences' };
}

/** Runs one of the reader's edit actions on a request's form. */
export async function runEditAction(
	db: Db,
	name: EditActionName,
	request: Request,
	author: string | null
) {
	const { form, failure } = await readForm(request);
	if (failure) return failure;
	// Every action below writes, synchronously: not while a worker holds the write lock.
	await storeWritable();
	const documentId = integer(form, 'document');
	if (name === 'edit') {
		const parsed = editFromForm(form);
		if (!parsed) return invalid('edit');
		const result = editAlignment(db, parsed.alignmentId, parsed.version, parsed.edit, {
			documentId,
			author
		});
		if (!result.ok) return refused(result.error, result.conflict);
		return { saved: parsed.edit.kind, revision: result.value.revision };
	}
	if (documentId === undefined) return invalid('document');
	switch (name) {
		case 'undo':
		case 'redo': {
			// An empty `revision` is a page that knew no revision yet.
			const seen = integer(form, 'revision') ?? null;
			if (seen === null && (form.get('revision') ?? '') !== '') return invalid('revision');
			const result = undoRedo(db, documentId, name, seen, { author });
			if (!result.ok) return refused(result.error, result.conflict);
			return { saved: name, revision: result.value.revision };
		}
		case 'editText':
		case 'splitSentence':
		case 'joinSentences': {
			const sentence = integer(form, 'sentence');
			const version = integer(form, 'version');
			const change = sentenceChange(name, form);
			if (sentence === undefined || version === undefined || !change)
				return invalid(
					name === 'splitSentence' ? 'sentence, version, offset' : 'sentence, version'
				);
			const result = changeSentence(db, documentId, sentence, version, change, { author });
			if (!result.ok) return refused(result.error, result.conflict);
			return { saved: result.value.kind, revision: result.value.revision };
		}
		case 'reapply': {
			const revision = integer(form, 'revision');
			if (revision === undefined) return invalid('revision');
			const result = reapply(db, documentId, revision, { author });
			if (!result.ok) return refused(result.error, result.conflict);
			return { saved: result.value.kind, revision: result.value.revision };
		}
		case 'dismissUnplaced': {
			const id = integer(form, 'unplaced');
			if (id === undefined) return invalid('unplaced');
			const result = dismissUnplacedEdit(db, documentId, id);
			if (!result.ok) return refused(result.error);
			return { saved: 'dismiss-unplaced', revision: null };
		}
		case 'reapplyUnplaced': {
			const id = integer(form, 'unplaced');
			if (id === undefined) return invalid('unplaced');
			const result = reapplyUnplacedEdit(db, documentId, id, author);
			if (!result.ok) return refused(result.error);
			return { saved: 'review', revision: result.value.revision };
		}
	}
}
