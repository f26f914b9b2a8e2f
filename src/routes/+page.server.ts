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
	const documents = all
		.filter((d) => !matching || matching.has(d.id))
		.map((d) => ({
			...d,
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
	return {
		documents,
		query,
		sort,
		total: all.length,
		titles: Object.fromEntries(all.map((d) => [d.id, d.title]))
	};
};
