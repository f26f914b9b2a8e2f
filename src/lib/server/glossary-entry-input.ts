// A glossary entry as a person types it or a file gives it: checked and tidied, every problem
// reported against its field. Shared by the glossary page's forms (glossary.ts) and the import,
// which runs in a worker thread (glossary-import.ts), so relative imports only: the worker
// loads this file outside Vite, where the `$lib` alias does not exist.
import type { UserError } from '../core/errors';
import { checkGlossaryEntry, GLOSSARY_TYPES } from '../core/glossary';

export const LIMITS = { term: 200, explanation: 2000, variants: 50 } as const;

/** What a person can edit in an entry. */
export interface GlossaryEntryInput {
	type: string;
	es: string;
	en: string;
	variants: string[];
	explanation: { en: string; es: string };
}

export type EntryField = 'type' | 'es' | 'en' | 'variants' | 'explanationEn' | 'explanationEs';
export type FieldErrors = Partial<Record<EntryField, UserError>>;

export const fieldError = (key: string, params?: Record<string, string | number>): UserError => ({
	code: 'invalid-input',
	key: `glossary:errors.${key}`,
	params
});

/** Collapses runs of white space; people paste terms with stray spaces and line breaks. */
const clean = (value: unknown) =>
	typeof value === 'string' ? value.replace(/\s+/g, ' ').trim() : '';

/** Checks and tidies what a person typed; every problem is reported against its field. */
export function validateEntryInput(
	input: Partial<Record<keyof GlossaryEntryInput, unknown>>
): { ok: true; value: GlossaryEntryInput } | { ok: false; fields: FieldErrors } {
	const fields: FieldErrors = {};
	const type = clean(input.type);
	if (!type) fields.type = fieldError('typeRequired');
	else if (!(GLOSSARY_TYPES as readonly string[]).includes(type))
		fields.type = fieldError('typeUnknown', { type });

	const term = (field: 'es' | 'en', value: unknown) => {
		const text = clean(value);
		if (!text) fields[field] = fieldError(`${field}Required`);
		else if (text.length > LIMITS.term) fields[field] = fieldError('tooLong', { max: LIMITS.term });
		return text;
	};
	const es = term('es', input.es);
	const en = term('en', input.en);

	const explanationInput = (input.explanation ?? {}) as { en?: unknown; es?: unknown };
	const explanation = (field: 'explanationEn' | 'explanationEs', value: unknown) => {
		// Explanations keep their paragraphs: only the ends are trimmed.
		const text = typeof value === 'string' ? value.replace(/\r\n?/g, '\n').trim() : '';
		if (!text) fields[field] = fieldError(`${field}Required`);
		else if (text.length > LIMITS.explanation)
			fields[field] = fieldError('tooLong', { max: LIMITS.explanation });
		return text;
	};
	const explanationEn = explanation('explanationEn', explanationInput.en);
	const explanationEs = explanation('explanationEs', explanationInput.es);

	const variants: string[] = [];
	if (input.variants !== undefined && !Array.isArray(input.variants))
		fields.variants = fieldError('variantsList');
	else {
		// Only exact repeats go, as in the core: "Peru Libre" beside "Perú Libre" is a spelling people search for.
		const seen = new Set([es, en]);
		for (const raw of (input.variants as unknown[] | undefined) ?? []) {
			const variant = clean(raw);
			if (!variant || seen.has(variant)) continue;
			if (variant.length > LIMITS.term)
				fields.variants = fieldError('variantTooLong', { max: LIMITS.term, variant });
			seen.add(variant);
			variants.push(variant);
		}
		if (variants.length > LIMITS.variants)
			fields.variants = fieldError('tooManyVariants', { max: LIMITS.variants });
	}

	if (Object.keys(fields).length > 0) return { ok: false, fields };
	const value = { type, es, en, variants, explanation: { en: explanationEn, es: explanationEs } };
	const core = coreFieldErrors(value);
	return core ? { ok: false, fields: core } : { ok: true, value };
}

/**
 * What the core validator still refuses once the fields are filled in: a form with no word the
 * matcher can find, a control character. Its English sentence is mapped onto the field it names.
 */
function coreFieldErrors(value: GlossaryEntryInput): FieldErrors | undefined {
	const check = checkGlossaryEntry({ ...value, id: 'entry' });
	if ('entry' in check) return undefined;
	const problem = check.problem.replace(/^entry “[^”]*”: /, '');
	const field: EntryField = problem.startsWith('es ')
		? 'es'
		: problem.startsWith('en ')
			? 'en'
			: problem.startsWith('explanation.en')
				? 'explanationEn'
				: problem.startsWith('explanation.es')
					? 'explanationEs'
					: problem.startsWith('unknown type')
						? 'type'
						: 'variants';
	const form = /“([^”]*)”/.exec(problem)?.[1];
	const error = problem.includes('cannot be matched')
		? fieldError('unmatchable', { form: form ?? '' })
		: problem.includes('control character')
			? fieldError('controlCharacter')
			: fieldError('invalidField', { detail: problem });
	return { [field]: error };
}
