import { error } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { getDb } from '$lib/server/db';
import { runEditAction, type EditActionName } from '$lib/server/edit-actions';
import { readerEditState } from '$lib/server/reader';
import { readerPage } from '$lib/server/reader';

// Reads the store only: a book comes as its first screen (the page fetches the rest from
// reader.json); a text not analysed yet comes at once, unlabelled, with its analysis
// state (`reader.analysis`) for the page to show and poll (GET /doc/<slug>/status).
export const load: PageServerLoad = ({ params, url }) => {
	const page = readerPage(getDb(), params.id, url.searchParams.get('with') ?? undefined, {
		firstScreen: true
	});
	if (!page) error(404, { message: 'errors:not-found', code: 'not-found' });
	return { ...page, ...readerEditState(getDb(), page.document.id) };
};

/*
 * Corrections, each a form action answering { saved: kind, revision } (the new revision's id) or
 * fail(400 | 404 | 409, { error: { code, key, params }, theirs?, yours? }); a 409 carries the
 * stored version (`theirs`) and what the person tried (`yours`, with `revision`: the refused
 * change, kept so that `?/reapply` can apply it again). Logic in $lib/server/edit-actions.ts.
 *   ?/edit             alignment, version, kind=merge|split|move|review, bead, en, es, side,
 *                      direction (document: the page's document, optional)
 *   ?/undo, ?/redo     document, revision (the newest revision the page knows; empty if none)
 *   ?/editText         document, sentence (index), version (the document's), text
 *   ?/splitSentence    document, sentence, version, offset (UTF-16, inside the sentence's text)
 *   ?/joinSentences    document, sentence (the first of the two), version
 *   ?/reapply          document, revision (a refused change's id, from a 409's `yours`)
 *   ?/dismissUnplaced  document, unplaced (an unplaced edit's id, from `unplacedEdits`)
 *   ?/reapplyUnplaced  document, unplaced (placed again by its text when it is found)
 */
const action =
	(name: EditActionName) =>
	({ request, locals }: { request: Request; locals: App.Locals }) =>
		runEditAction(getDb(), name, request, locals.user?.name ?? null);

export const actions: Actions = {
	edit: action('edit'),
	undo: action('undo'),
	redo: action('redo'),
	editText: action('editText'),
	splitSentence: action('splitSentence'),
	joinSentences: action('joinSentences'),
	reapply: action('reapply'),
	dismissUnplaced: action('dismissUnplaced'),
	reapplyUnplaced: action('reapplyUnplaced')
};
