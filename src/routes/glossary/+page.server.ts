import { fail } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { getDb } from '$lib/server/db';
import {
	GLOSSARY_TYPES,
	glossaryTypeCounts,
	importGlossaryInPool,
	isGlossaryFormat,
	listGlossary
} from '$lib/server/glossary';
import { lookupQuery } from '$lib/server/dictionary';
import { userError, type UserError } from '$lib/core/errors';
import { readForm } from '$lib/server/http';

/** A short list on the page: the dictionary's first entries and translations are its most reliable. */
const SHOWN_ENTRIES = 4;
const SHOWN_TRANSLATIONS = 6;

export const load: PageServerLoad = async ({ url }) => {
	const db = getDb();
	const query = url.searchParams.get('q')?.slice(0, 200) ?? '';
	const typeParam = url.searchParams.get('type') ?? '';
	const type = (GLOSSARY_TYPES as readonly string[]).includes(typeParam) ? typeParam : '';
	const entries = listGlossary(db, { q: query, type: type || undefined }).map((e) => ({
		id: e.id,
		type: e.type,
		es: e.es,
		en: e.en,
		variants: e.variants
	}));
	const counts = glossaryTypeCounts(db);
	// Nothing in the glossary: the page offers the dictionary's entries for what was typed.
	const lookups =
		query.trim() && entries.length === 0
			? (await lookupQuery(query)).map((l) => ({
					...l,
					entries: l.entries.slice(0, SHOWN_ENTRIES).map((e) => ({
						...e,
						translations: e.translations.slice(0, SHOWN_TRANSLATIONS)
					}))
				}))
			: [];
	return {
		query,
		type,
		entries,
		lookups,
		types: GLOSSARY_TYPES.map((t) => ({ type: t, count: counts[t] ?? 0 })),
		total: Object.values(counts).reduce((a, b) => a + b, 0),
		deleted: url.searchParams.get('deleted')?.slice(0, 200) ?? ''
	};
};

const refuse = (error: UserError) => fail(400, { importError: error });

/** Seconds a person is asked to wait when the heavy-job bound is reached (as on /add). */
const BUSY_RETRY_SECONDS = 5;

export const actions: Actions = {
	import: async ({ request }) => {
		const { form, failure } = await readForm(request, (importError) => ({ importError }));
		if (failure) return failure;
		const file = form.get('file');
		if (!(file instanceof File) || file.size === 0 || !file.name)
			return refuse({ code: 'invalid-input', key: 'glossary:errors.fileMissing' });
		const chosen = form.get('format');
		const format = isGlossaryFormat(chosen)
			? chosen
			: /\.(tbx|xml)$/i.test(file.name)
				? 'tbx'
				: /\.(csv|txt)$/i.test(file.name)
					? 'csv'
					: undefined;
		if (!format) return refuse({ code: 'invalid-input', key: 'glossary:errors.formatUnknown' });
		// Reading, checking and writing run in the worker pool (a 50,000-entry file takes
		// seconds). UTF-16 is recognised; Windows-1252 only when the person chose it (never guessed).
		const result = await importGlossaryInPool(
			getDb(),
			format,
			new Uint8Array(await file.arrayBuffer()),
			{ encoding: form.get('encoding') === 'windows-1252' ? 'windows-1252' : undefined }
		);
		// Nothing was read or written: the person is asked to send the file again shortly.
		if (result === 'busy')
			return fail(503, { importError: userError('busy', { seconds: BUSY_RETRY_SECONDS }) });
		if (!result.ok)
			return result.error.code === 'busy'
				? fail(503, { importError: result.error })
				: refuse(result.error);
		return { imported: result.value };
	}
};
