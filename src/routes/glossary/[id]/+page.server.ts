import { error } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';
import { getDb } from '$lib/server/db';
import { getGlossaryEntry, glossaryConcordance } from '$lib/server/glossary';
import { getDocument } from '$lib/server/documents';
import { storeWritable } from '$lib/server/write-turns';

export const load: PageServerLoad = async ({ params, url }) => {
	// A short text not analysed yet is analysed here for the concordance, and stored: a write.
	await storeWritable();
	const db = getDb();
	const entry = getGlossaryEntry(db, params.id);
	if (!entry) error(404, { message: 'errors:not-found', code: 'not-found' });
	// The shipped file names the corpus file ("toma-de-lima-uprising.txt"); its slug is the name without the extension.
	const firstDocument = entry.firstOccurrence?.document;
	const first = firstDocument
		? (getDocument(db, firstDocument) ?? getDocument(db, firstDocument.replace(/\.txt$/, '')))
		: undefined;
	return {
		entry,
		firstOccurrence: entry.firstOccurrence && {
			quote: entry.firstOccurrence.quote,
			document: first ? { slug: first.slug, title: first.title } : undefined
		},
		concordance: glossaryConcordance(db, entry.id),
		notice: url.searchParams.has('created')
			? 'created'
			: url.searchParams.has('saved')
				? 'saved'
				: ''
	};
};
