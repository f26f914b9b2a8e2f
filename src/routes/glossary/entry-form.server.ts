// Reads the entry form the new and edit pages share, keeping what the person typed exactly as
// typed so that a page answering "please correct" shows it back unchanged.
import type { UserError } from '$lib/core/errors';
import type { GlossaryEntryInput } from '$lib/server/glossary';

/** The form's fields as typed: what the page re-shows after a refusal. */
export interface EntryFormValues {
	type: string;
	es: string;
	en: string;
	/** One form per line, as in the textarea. */
	variants: string;
	explanationEn: string;
	explanationEs: string;
}

const text = (form: FormData, name: string) => {
	const value = form.get(name);
	return typeof value === 'string' ? value : '';
};

export function entryFormValues(form: FormData): EntryFormValues {
	return {
		type: text(form, 'type'),
		es: text(form, 'es'),
		en: text(form, 'en'),
		variants: text(form, 'variants'),
		explanationEn: text(form, 'explanationEn'),
		explanationEs: text(form, 'explanationEs')
	};
}

export function entryInput(values: EntryFormValues): GlossaryEntryInput {
	return {
		type: values.type,
		es: values.es,
		en: values.en,
		variants: values.variants.split(/\r?\n/),
		explanation: { en: values.explanationEn, es: values.explanationEs }
	};
}

export function valuesOf(entry: GlossaryEntryInput): EntryFormValues {
	return {
		type: entry.type,
		es: entry.es,
		en: entry.en,
		variants: entry.variants.join('\n'),
		explanationEn: entry.explanation.en,
		explanationEs: entry.explanation.es
	};
}

/**
 * The failure when nothing of the form could be read (see readForm): no values to show back,
 * which is how the page tells it from a refusal of what was typed.
 */
export const unreadEntryForm = (error: UserError) => ({ error, values: null });
