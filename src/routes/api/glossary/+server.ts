import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { getDb } from '$lib/server/db';
import { listGlossary, toGlossaryEntry } from '$lib/server/glossary';

/**
 * The glossary as JSON; `?q=` searches both languages, accents aside, best match first (an exact
 * form, a form's start, a word in a form, then entries whose explanation names it: listGlossary);
 * `&type=` narrows by type.
 */
export const GET: RequestHandler = ({ url }) => {
	const q = url.searchParams.get('q')?.slice(0, 200) ?? '';
	const type = url.searchParams.get('type') || undefined;
	const entries = listGlossary(getDb(), { q, type }).map((stored) => {
		const { id, type, es, en, variants, explanation } = toGlossaryEntry(stored);
		return { id, type, es, en, variants, explanation };
	});
	return json({ entries });
};
