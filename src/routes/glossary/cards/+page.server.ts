import type { PageServerLoad } from './$types';
import { getDb } from '$lib/server/db';
import { GLOSSARY_TYPES, listGlossary } from '$lib/server/glossary';

export const load: PageServerLoad = () => {
	const entries = listGlossary(getDb()).map((e) => ({
		id: e.id,
		type: e.type,
		es: e.es,
		en: e.en,
		explanation: e.explanation
	}));
	const counts = new Map<string, number>();
	for (const e of entries) counts.set(e.type, (counts.get(e.type) ?? 0) + 1);
	return {
		entries,
		// Only types that have cards: filtering to an empty deck helps no one.
		types: GLOSSARY_TYPES.filter((t) => counts.has(t)).map((t) => ({
			type: t,
			count: counts.get(t)!
		}))
	};
};
