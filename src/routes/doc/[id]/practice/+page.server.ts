import { error } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';
import { getDb } from '$lib/server/db';
import { readerPage } from '$lib/server/reader';
import { practicePairs } from '$lib/reader/practice';

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
