import { error } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';
import { getDb } from '$lib/server/db';
import { getDocument } from '$lib/server/documents';
import { readerData } from '$lib/server/reader';
import { practicePairs } from '$lib/reader/practice';

export const load: PageServerLoad = ({ params }) => {
	const db = getDb();
	const document = getDocument(db, params.id);
	if (!document) error(404, { message: 'errors:not-found', code: 'not-found' });
	return {
		document: { slug: document.slug, title: document.title },
		pairs: practicePairs(readerData(db, document))
	};
};
