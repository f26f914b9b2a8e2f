// GET /doc/<slug>/words?alignment=<id>&bead=<n>[&v=<version>]: which words of one reading pair
// translate which (see $lib/reader/words). `v` only varies the address when the alignment is
// edited; the answer itself is keyed by every version it depends on.
import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { getDb } from '$lib/server/db';
import { wordLinks } from '$lib/server/word-links';
import { errorResponse } from '$lib/server/http';
import { userError } from '$lib/core/errors';

const whole = (value: string | null) => (value && /^\d{1,9}$/.test(value) ? Number(value) : NaN);

export const GET: RequestHandler = async ({ params, url, locals }) => {
	const alignment = whole(url.searchParams.get('alignment'));
	const bead = whole(url.searchParams.get('bead'));
	if (Number.isNaN(alignment) || Number.isNaN(bead))
		return errorResponse(userError('not-found'), locals.lang);
	const found = await wordLinks(getDb(), params.id, alignment, bead);
	if (!found.ok) return errorResponse(found.error, locals.lang);
	return json(found.value);
};
