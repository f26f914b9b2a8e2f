import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { errorResponse } from '$lib/server/http';
import { checkDictionaryQuery, lookupWord } from '$lib/server/dictionary';

/** `?q=WORD&from=es|en`: the word's lemmas, parts of speech and translations, from the offline dictionary. */
export const GET: RequestHandler = async ({ url, locals }) => {
	const query = checkDictionaryQuery(url.searchParams.get('q'), url.searchParams.get('from'));
	if (!query.ok) return errorResponse(query.error, locals.lang);
	const entries = await lookupWord(query.value.word, query.value.from);
	return json({ entries });
};
