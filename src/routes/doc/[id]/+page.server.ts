import { error } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';
import { getDb } from '$lib/server/db';
import { getDocument } from '$lib/server/documents';

export const load: PageServerLoad = ({ params }) => {
	const document = getDocument(getDb(), params.id);
	if (!document) error(404, { message: 'errors:not-found', code: 'not-found' });
	return { document };
};
