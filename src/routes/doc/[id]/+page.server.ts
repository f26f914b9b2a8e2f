import { error, fail } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import type { BeadEdit } from '$lib/core/align/bead-edits';
import { getDb } from '$lib/server/db';
import { editAlignment } from '$lib/server/alignments';
import { readerPage } from '$lib/server/reader';
import { readForm } from '$lib/server/http';

// Reads the store only: a text not analysed yet comes at once, unlabelled, with its analysis
// state (`reader.analysis`) for the page to show and poll (GET /doc/<slug>/status).
export const load: PageServerLoad = ({ params, url }) => {
	const page = readerPage(getDb(), params.id, url.searchParams.get('with') ?? undefined);
	if (!page) error(404, { message: 'errors:not-found', code: 'not-found' });
	return page;
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
