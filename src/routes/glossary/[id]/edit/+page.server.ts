import { error, fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { getDb } from '$lib/server/db';
import {
	deleteGlossaryEntry,
	getGlossaryEntry,
	GLOSSARY_TYPES,
	updateGlossaryEntry
} from '$lib/server/glossary';
import { readForm } from '$lib/server/http';
import { entryFormValues, entryInput, unreadEntryForm, valuesOf } from '../../entry-form.server';
import { storeWritable } from '$lib/server/write-turns';

export const load: PageServerLoad = ({ params }) => {
	const entry = getGlossaryEntry(getDb(), params.id);
	if (!entry) error(404, { message: 'errors:not-found', code: 'not-found' });
	return {
		id: entry.id,
		term: entry.es,
		values: valuesOf(entry),
		version: entry.version,
		types: [...GLOSSARY_TYPES]
	};
};

export const actions: Actions = {
	save: async ({ request, params }) => {
		const { form, failure } = await readForm(request, unreadEntryForm);
		if (failure) return failure;
		const values = entryFormValues(form);
		const version = Number(form.get('version'));
		await storeWritable();
		const result = updateGlossaryEntry(
			getDb(),
			params.id,
			Number.isInteger(version) ? version : -1,
			entryInput(values)
		);
		if (result.ok) redirect(303, `/glossary/${params.id}?saved=1`);
		const status =
			result.error.code === 'conflict' ? 409 : result.error.code === 'not-found' ? 404 : 400;
		return fail(status, {
			values,
			fields: result.fields ?? {},
			error: result.error,
			// On a conflict the person sees the saved version and may save theirs over it on purpose.
			theirs: result.current && valuesOf(result.current),
			version: result.current?.version ?? version
		});
	},
	delete: async ({ request, params }) => {
		const { form, failure } = await readForm(request, unreadEntryForm);
		if (failure) return failure;
		const version = Number(form.get('version'));
		await storeWritable();
		const db = getDb();
		const entry = getGlossaryEntry(db, params.id);
		const result = deleteGlossaryEntry(
			db,
			params.id,
			Number.isInteger(version) ? version : undefined
		);
		if (!result.ok)
			return fail(result.error.code === 'conflict' ? 409 : 404, {
				error: result.error,
				version: entry?.version ?? version
			});
		redirect(303, `/glossary?deleted=${encodeURIComponent(entry?.es ?? params.id)}`);
	}
};
