// Adding texts: paste, upload or import a memory. Plain multipart forms (they work without
// JavaScript); a failure returns everything the person typed so the page shows it again.
import { fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { getDb } from '$lib/server/db';
import {
	addPairInPool,
	addText,
	fileNameOf,
	importMemoryInPool,
	readUpload,
	type Busy,
	type Contribution,
	type FieldError,
	type SidesChoice
} from '$lib/server/contribute';
import { userError, type UserError } from '$lib/core/errors';
import { MAX_INPUT_BYTES } from '$lib/core/text/decode';
import { readForm } from '$lib/server/http';
import {
	ADD_MODES,
	type AddFailure,
	type AddMode,
	type AddValues
} from '$lib/components/contribute/model';
import { storeWritable } from '$lib/server/write-turns';

const LIMIT_MB = MAX_INPUT_BYTES / 1024 / 1024;

export const load: PageServerLoad = ({ url }) => {
	const mode = url.searchParams.get('mode');
	return {
		mode: (ADD_MODES as readonly string[]).includes(mode ?? '') ? (mode as AddMode) : 'paste',
		limitMb: LIMIT_MB
	};
};

const text = (form: FormData, name: string): string => {
	const value = form.get(name);
	return typeof value === 'string' ? value : '';
};

function valuesOf(form: FormData): AddValues {
	return {
		shape: form.get('shape') === 'pair' ? 'pair' : 'one',
		title: text(form, 'title'),
		text: text(form, 'text'),
		en: text(form, 'en'),
		es: text(form, 'es'),
		files: {
			file: fileNameOf(form.get('file')),
			enFile: fileNameOf(form.get('enFile')),
			esFile: fileNameOf(form.get('esFile')),
			memory: fileNameOf(form.get('memory'))
		}
	};
}

function sidesOf(form: FormData): SidesChoice {
	const value = form.get('sides');
	return value === 'confirmed' || value === 'swap' ? value : 'check';
}

/** Reads the multipart body; when nothing came through (too large, cut off, malformed), the page says so. */
const readAddForm = (request: Request, mode: AddMode) =>
	readForm(request, (error): AddFailure => ({
		mode,
		values: null,
		errors: [{ field: 'form', error }],
		languages: null
	}));

/** Seconds a person is asked to wait when the heavy-job bound is reached. */
const BUSY_RETRY_SECONDS = 5;

function respond(mode: AddMode, values: AddValues, result: Contribution | Busy) {
	if (result === 'busy') {
		// Nothing was stored: the page keeps what the person gave and asks them to try again.
		const busy = userError('busy', { seconds: BUSY_RETRY_SECONDS });
		const failure: AddFailure = {
			mode,
			values,
			errors: [{ field: 'form', error: busy }],
			languages: null
		};
		return fail(503, failure);
	}
	if (result.ok) redirect(303, `/doc/${result.slug}`);
	const failure: AddFailure = {
		mode,
		values,
		errors: result.errors,
		languages: result.languages ?? null
	};
	return fail(400, failure);
}

const refuse = (field: string, error: UserError): Contribution => ({
	ok: false,
	errors: [{ field, error } as FieldError]
});

export const actions: Actions = {
	paste: async ({ request }) => {
		const read = await readAddForm(request, 'paste');
		if (read.failure) return read.failure;
		const values = valuesOf(read.form);
		let sides = sidesOf(read.form);
		// Swapped here rather than in addPair, so that if the sides still look wrong the page shows them swapped.
		if (sides === 'swap') [values.en, values.es, sides] = [values.es, values.en, 'check'];
		const db = getDb();
		// A pair is checked in the pool, then stored in its turn at the write lock (addPairInPool).
		if (values.shape === 'pair')
			return respond(
				'paste',
				values,
				await addPairInPool(db, {
					title: values.title,
					en: values.en,
					es: values.es,
					via: 'paste',
					sides
				})
			);
		await storeWritable();
		return respond(
			'paste',
			values,
			addText(db, { title: values.title, text: values.text, via: 'paste' })
		);
	},

	upload: async ({ request }) => {
		const read = await readAddForm(request, 'upload');
		if (read.failure) return read.failure;
		const { form } = read;
		const values = valuesOf(form);
		const db = getDb();
		// Windows-1252 only when the person chose it (the error for such a file offers it).
		const encoding = form.get('encoding') === 'windows-1252' ? 'windows-1252' : undefined;
		if (values.shape === 'one') {
			const decoded = await readUpload(form.get('file'), encoding);
			if (!decoded.ok) return respond('upload', values, refuse('file', decoded.error));
			const input = {
				title: values.title,
				text: decoded.value,
				via: 'upload' as const,
				fileName: values.files.file
			};
			await storeWritable();
			return respond('upload', values, addText(db, input, 'file'));
		}
		const [en, es] = await Promise.all([
			readUpload(form.get('enFile'), encoding),
			readUpload(form.get('esFile'), encoding)
		]);
		if (!en.ok || !es.ok) {
			const errors: FieldError[] = [];
			if (!en.ok) errors.push({ field: 'enFile', error: en.error });
			if (!es.ok) errors.push({ field: 'esFile', error: es.error });
			return respond('upload', values, { ok: false, errors });
		}
		const input = {
			title: values.title,
			en: en.value,
			es: es.value,
			via: 'upload' as const,
			sides: sidesOf(form),
			fileNames: { en: values.files.enFile, es: values.files.esFile }
		};
		return respond(
			'upload',
			values,
			await addPairInPool(db, input, { en: 'enFile', es: 'esFile' })
		);
	},

	import: async ({ request }) => {
		const read = await readAddForm(request, 'import');
		if (read.failure) return read.failure;
		const { form } = read;
		const values = valuesOf(form);
		const file = form.get('memory');
		if (!(file instanceof File) || file.size === 0)
			return respond('import', values, refuse('memory', userError('text-empty')));
		// UTF-16 takes two bytes a character: the 5 MB limit is on the decoded text (importMemory).
		if (file.size > MAX_INPUT_BYTES * 2)
			return respond(
				'import',
				values,
				refuse('memory', userError('text-too-large', { limitMb: LIMIT_MB }))
			);
		const result = await importMemoryInPool(getDb(), {
			title: values.title,
			fileName: values.files.memory ?? '',
			bytes: new Uint8Array(await file.arrayBuffer()),
			sides: sidesOf(form),
			// Windows-1252 only when the person chose it (the error for such a file offers it).
			encoding: form.get('encoding') === 'windows-1252' ? 'windows-1252' : undefined
		});
		return respond('import', values, result);
	}
};
