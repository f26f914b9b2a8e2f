import { fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { getDb } from '$lib/server/db';
import { createGlossaryEntry, GLOSSARY_TYPES } from '$lib/server/glossary';
import { readForm } from '$lib/server/http';
import { entryFormValues, entryInput, unreadEntryForm } from '../entry-form.server';
import { storeWritable } from '$lib/server/write-turns';

export const load: PageServerLoad = () => ({ types: [...GLOSSARY_TYPES] });

export const actions: Actions = {
	default: async ({ request }) => {
		const { form, failure } = await readForm(request, unreadEntryForm);
		if (failure) return failure;
		const values = entryFormValues(form);
		await storeWritable();
		const result = createGlossaryEntry(getDb(), entryInput(values));
		if (!result.ok) return fail(400, { values, fields: result.fields ?? {}, error: result.error });
		redirect(303, `/glossary/${result.entry.id}?created=1`);
	}
};
