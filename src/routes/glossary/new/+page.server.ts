import { fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { getDb } from '$lib/server/db';
import { createGlossaryEntry, GLOSSARY_TYPES } from '$lib/server/glossary';
import { entryFormValues, entryInput } from '../entry-form.server';

export const load: PageServerLoad = () => ({ types: [...GLOSSARY_TYPES] });

export const actions: Actions = {
	default: async ({ request }) => {
		const values = entryFormValues(await request.formData());
		const result = createGlossaryEntry(getDb(), entryInput(values));
		if (!result.ok) return fail(400, { values, fields: result.fields ?? {}, error: result.error });
		redirect(303, `/glossary/${result.entry.id}?created=1`);
	}
};
