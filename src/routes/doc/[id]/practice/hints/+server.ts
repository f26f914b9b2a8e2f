import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { getDb } from '$lib/server/db';
import { errorResponse } from '$lib/server/http';
import { readerPage } from '$lib/server/reader';
import { practicePairs, practicePairTerms } from '$lib/reader/practice';

/**
 * `?n=PAIR&from=es|en`: the hints for translating the pair's `from` side, glossary terms first,
 * fetched when the learner asks for the first one (the dictionary is loaded on first use).
 */
export const GET: RequestHandler = async ({ params, url, locals }) => {
	const page = readerPage(getDb(), params.id, undefined);
	if (!page) return errorResponse({ code: 'not-found', key: 'errors:not-found' }, locals.lang);
	const from = url.searchParams.get('from') === 'en' ? 'en' : 'es';
	const to = from === 'en' ? 'es' : 'en';
	const n = Number(url.searchParams.get('n'));
	const pair = practicePairs(page.reader)[n - 1];
	if (!Number.isInteger(n) || !pair)
		return errorResponse(
			{ code: 'invalid-input', key: 'errors:invalid-input', params: { detail: 'n' } },
			locals.lang
		);
	const terms = practicePairTerms(page.reader, n - 1, from).flatMap((mark) => {
		const entry = page.reader.glossary[mark.entryId];
		return entry ? [{ ...mark, translation: entry[to] }] : [];
	});
	const { practiceHints } = await import('$lib/core/practice/hints');
	return json({ hints: practiceHints(pair[from], from, terms) });
};
