import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { getDb } from '$lib/server/db';
import { listDocuments } from '$lib/server/documents';
import { analysisFor } from '$lib/server/analysis';

export const GET: RequestHandler = () => {
	const states = analysisFor(getDb()).states();
	const documents = listDocuments(getDb()).map((doc) => ({
		id: doc.id,
		slug: doc.slug,
		title: doc.title,
		author: doc.author,
		source: doc.source,
		origin: doc.origin,
		translationOf: doc.translationOf,
		chars: doc.chars,
		languages: doc.languages,
		analysis: states.get(doc.id) ?? 'pending'
	}));
	return json({ documents });
};
