import { error } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';
import { getDb } from '$lib/server/db';
import { historyPage } from '$lib/server/history';

// The document's revisions, newest first, each with a word diff (see $lib/server/history.ts).
export const load: PageServerLoad = ({ params }) => {
	const page = historyPage(getDb(), params.id);
	if (!page) error(404, { message: 'errors:not-found', code: 'not-found' });
	return page;
};
