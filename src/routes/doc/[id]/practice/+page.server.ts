import { error, fail } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { getDb } from '$lib/server/db';
import { readForm } from '$lib/server/http';
import { readerPage } from '$lib/server/reader';
import { practicePairs } from '$lib/reader/practice';
import type { UserError } from '$lib/core/errors';
import type { Lang } from '$lib/core/types';

// From the store, like the reader: a text not analysed yet has no pairs to practise until it is.
export const load: PageServerLoad = ({ params }) => {
	const page = readerPage(getDb(), params.id, undefined);
	if (!page) error(404, { message: 'errors:not-found', code: 'not-found' });
	return {
		document: { slug: page.document.slug, title: page.document.title },
		pairs: practicePairs(page.reader),
		analysis: page.reader.analysis
	};
};

/** Longer than any sentence pair a learner would type out; a paste of a book is refused. */
const ATTEMPT_MAX = 5000;

const invalid = (detail: string): UserError => ({
	code: 'invalid-input',
	key: 'errors:invalid-input',
	params: { detail }
});

export const actions: Actions = {
	// Checked on the server: the comparison needs the dictionary (3 MB), which stays out of the
	// browser's bundle and is loaded on the first check only.
	check: async ({ request, params }) => {
		const { form, failure } = await readForm(request);
		if (failure) return failure;
		const attempt = String(form.get('attempt') ?? '');
		const n = Number(form.get('n'));
		const from: Lang = form.get('from') === 'en' ? 'en' : 'es';
		const to: Lang = from === 'en' ? 'es' : 'en';
		if (attempt.length > ATTEMPT_MAX) return fail(400, { error: invalid('attempt') });
		const page = readerPage(getDb(), params.id, undefined);
		if (!page) error(404, { message: 'errors:not-found', code: 'not-found' });
		const pair = practicePairs(page.reader)[n - 1];
		if (!Number.isInteger(n) || !pair) return fail(400, { error: invalid('n') });
		const { compareTranslation } = await import('$lib/core/practice/compare-translation');
		return { n, from, attempt, comparison: compareTranslation(attempt, pair[to], to) };
	}
};
