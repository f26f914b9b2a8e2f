import { fail } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { getDb } from '$lib/server/db';
import { readForm } from '$lib/server/http';
import { learnerOf } from '$lib/server/learner';
import { deleteItem, listItems } from '$lib/server/vocabulary';
import { progressOf } from '$lib/server/vocabulary-review';
import { importVocabulary } from '$lib/server/vocabulary-transfer';
import { parseVocabularyExport } from '$lib/core/vocabulary';
import { decodeBodyText, MAX_INPUT_BYTES } from '$lib/core/text/decode';
import type { UserError } from '$lib/core/errors';
import { storeWritable } from '$lib/server/write-turns';

export const load: PageServerLoad = ({ locals, cookies, url }) => {
	const learner = learnerOf({ locals, cookies, url }, { create: false });
	return {
		progress: progressOf(getDb(), learner),
		items: learner
			? listItems(getDb(), learner).map(({ id, text, lang, translation, status, document }) => ({
					id,
					text,
					lang,
					translation,
					status,
					document
				}))
			: []
	};
};

const FILE_MISSING: UserError = {
	code: 'invalid-input',
	key: 'errors:vocabulary.import.fileMissing'
};

export const actions: Actions = {
	import: async (event) => {
		const { form, failure } = await readForm(event.request);
		if (failure) return failure;
		const file = form.get('file');
		if (!(file instanceof File) || file.size === 0) return fail(400, { error: FILE_MISSING });
		if (file.size > MAX_INPUT_BYTES)
			return fail(413, {
				error: {
					code: 'text-too-large',
					key: 'errors:text-too-large',
					params: { limitMb: MAX_INPUT_BYTES / 1024 / 1024 }
				} satisfies UserError
			});
		const text = decodeBodyText(new Uint8Array(await file.arrayBuffer()));
		if (!text.ok) return fail(400, { error: text.error });
		const parsed = parseVocabularyExport(text.value);
		if (!parsed.ok) return fail(400, { error: parsed.error });
		await storeWritable();
		const imported = importVocabulary(getDb(), learnerOf(event), parsed.value);
		if (!imported.ok) return fail(400, { error: imported.error });
		return { imported: imported.value };
	},
	remove: async (event) => {
		const { form, failure } = await readForm(event.request);
		if (failure) return failure;
		const id = Number(form.get('id'));
		const learner = learnerOf(event, { create: false });
		await storeWritable();
		const removed =
			learner && Number.isSafeInteger(id)
				? deleteItem(getDb(), learner, id)
				: {
						ok: false as const,
						error: { code: 'not-found', key: 'errors:not-found' } as UserError
					};
		if (!removed.ok) return fail(404, { error: removed.error });
		return { removed: String(form.get('text') ?? '').slice(0, 500) };
	}
};
