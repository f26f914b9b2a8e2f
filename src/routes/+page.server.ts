import type { PageServerLoad } from './$types';
import { getDb } from '$lib/server/db';
import { listDocuments, searchDocuments } from '$lib/server/documents';
import { alignmentStats } from '$lib/server/alignments';
import { analysisFor } from '$lib/server/analysis';

const SORTS = ['title', 'length', 'added', 'aligned'] as const;
type Sort = (typeof SORTS)[number];

export const load: PageServerLoad = ({ url }) => {
	const db = getDb();
	const query = url.searchParams.get('q')?.slice(0, 200) ?? '';
	const sortParam = url.searchParams.get('sort');
	const sort: Sort = SORTS.includes(sortParam as Sort) ? (sortParam as Sort) : 'added';
	// Stored numbers only; a text still being analysed says so (`analysis`) instead of waiting.
	const all = listDocuments(db);
	const states = analysisFor(db).states();
	if ([...states.values()].includes('pending')) analysisFor(db).kick();
	const stats = alignmentStats(db, new Map(all.map((d) => [d.id, d.sentences])));
	const matching = query.trim() ? searchDocuments(db, query) : undefined;
	// Only what the page shows travels in it: the whole summary (meta, dates, lengths) made the
	// serialised data, written on every visit, several times larger.
	const documents = all
		.filter((d) => !matching || matching.has(d.id))
		.map((d) => ({
			id: d.id,
			slug: d.slug,
			title: d.title,
			author: d.author,
			source: d.source,
			translationOf: d.translationOf,
			languages: d.languages,
			sentences: d.sentences,
			chars: d.chars,
			meta: { translation: Boolean((d.meta as { translation?: unknown }).translation) },
			alignment: stats.get(d.id) ?? { pairs: 0, reviewed: 0, aligned: 0 },
			analysis: states.get(d.id) ?? 'pending'
		}));
	const by: Record<Sort, (a: (typeof documents)[number], b: (typeof documents)[number]) => number> =
		{
			title: (a, b) => a.title.localeCompare(b.title),
			length: (a, b) => b.chars - a.chars,
			added: (a, b) => a.id - b.id,
			aligned: (a, b) => b.alignment.aligned - a.alignment.aligned
		};
	documents.sort(by[sort]);
	const translated = new Set(documents.map((d) => d.translationOf));
	return {
		documents,
		query,
		sort,
		total: all.length,
		// The titles of the texts listed ones translate (they may be filtered out of the list).
		titles: Object.fromEntries(all.filter((d) => translated.has(d.id)).map((d) => [d.id, d.title]))
	};
};
