import { error, fail } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import type { BeadEdit } from '$lib/core/align/bead-edits';
import { getDb } from '$lib/server/db';
import { getDocument } from '$lib/server/documents';
import { editAlignment } from '$lib/server/alignments';
import { readerData } from '$lib/server/reader';
import { readForm } from '$lib/server/http';

export const load: PageServerLoad = ({ params, url }) => {
	const db = getDb();
	const document = getDocument(db, params.id);
	if (!document) error(404, { message: 'errors:not-found', code: 'not-found' });
	const { text: _text, detection: _detection, ...summary } = document;
	const partner = url.searchParams.get('with') ?? undefined;
	return { document: summary, reader: readerData(db, document, { partner }) };
};

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

export const actions: Actions = {
	edit: async ({ request }) => {
		const { form, failure } = await readForm(request);
		if (failure) return failure;
		const parsed = editFromForm(form);
		if (!parsed)
			return fail(400, {
				error: { code: 'invalid-input', key: 'errors:invalid-input', params: { detail: 'edit' } }
			});
		const result = editAlignment(getDb(), parsed.alignmentId, parsed.version, parsed.edit);
		if (!result.ok)
			return fail(result.error.code === 'conflict' ? 409 : 400, { error: result.error });
		return { saved: parsed.edit.kind };
	}
};
