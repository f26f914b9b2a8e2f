// Checks glossary entries from anywhere (the shipped file, a person's edit, an import) and
// returns them cleaned (trimmed, spaces collapsed, repeated variants dropped) or says what is wrong.
import { fail, ok, type Result } from '../errors';
import { formKeys } from './tokens';
import { GLOSSARY_TYPES, type GlossaryEntry, type GlossaryType } from './types';
import { createGlossaryMatcher, entryForms } from './match';

export const ID_PATTERN = /^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/;
const MAX_ID = 80;
const MAX_FORM = 200;
const MAX_VARIANTS = 50;
const MAX_EXPLANATION = 2000;
const MAX_FIELD = 1000;
// XML 1.0 cannot carry these, and no glossary needs them.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

export type EntryCheck = { entry: GlossaryEntry } | { problem: string };

const isObject = (v: unknown): v is Record<string, unknown> =>
	typeof v === 'object' && v !== null && !Array.isArray(v);

export function isGlossaryType(value: unknown): value is GlossaryType {
	return typeof value === 'string' && (GLOSSARY_TYPES as readonly string[]).includes(value);
}

function text(value: unknown, field: string, max: number): string | { problem: string } {
	if (typeof value !== 'string') return { problem: `${field} is missing` };
	const t = value.replace(/\r\n?/g, '\n').trim();
	if (!t) return { problem: `${field} is empty` };
	if (t.length > max) return { problem: `${field} is longer than ${max} characters` };
	if (CONTROL.test(t)) return { problem: `${field} contains a control character` };
	return t;
}

function form(value: unknown, field: string): string | { problem: string } {
	const t = text(value, field, MAX_FORM);
	if (typeof t !== 'string') return t;
	const collapsed = t.replace(/\s+/g, ' ');
	if (!formKeys(collapsed))
		return {
			problem: `${field} “${collapsed}” cannot be matched: use words joined by spaces, hyphens or apostrophes`
		};
	return collapsed;
}

/** The entry cleaned, or the first problem found, in words that name the field. */
export function checkGlossaryEntry(value: unknown): EntryCheck {
	if (!isObject(value)) return { problem: 'an entry must be an object' };
	const id = typeof value.id === 'string' ? value.id.trim() : value.id;
	if (typeof id !== 'string' || !id) return { problem: 'id is missing' };
	if (id.length > MAX_ID || !ID_PATTERN.test(id))
		return {
			problem: `id “${id}” must be kebab-case (lower-case letters, digits and single hyphens, starting with a letter)`
		};
	const problem = (p: string) => ({ problem: `entry “${id}”: ${p}` });

	if (!isGlossaryType(value.type))
		return problem(
			`unknown type “${String(value.type ?? '')}” (expected one of ${GLOSSARY_TYPES.join(', ')})`
		);
	const es = form(value.es, 'es');
	if (typeof es !== 'string') return problem(es.problem);
	const en = form(value.en, 'en');
	if (typeof en !== 'string') return problem(en.problem);

	const rawVariants = value.variants ?? [];
	if (!Array.isArray(rawVariants)) return problem('variants must be a list');
	const variants: string[] = [];
	for (const raw of rawVariants) {
		if (typeof raw === 'string' && !raw.trim()) continue;
		const v = form(raw, 'variant');
		if (typeof v !== 'string') return problem(v.problem);
		if (v !== es && v !== en && !variants.includes(v)) variants.push(v);
	}
	if (variants.length > MAX_VARIANTS) return problem(`more than ${MAX_VARIANTS} variants`);

	if (!isObject(value.explanation)) return problem('explanation is missing');
	const explanationEn = text(value.explanation.en, 'explanation.en', MAX_EXPLANATION);
	if (typeof explanationEn !== 'string') return problem(explanationEn.problem);
	const explanationEs = text(value.explanation.es, 'explanation.es', MAX_EXPLANATION);
	if (typeof explanationEs !== 'string') return problem(explanationEs.problem);

	const entry: GlossaryEntry = {
		id,
		type: value.type,
		es,
		en,
		variants,
		explanation: { en: explanationEn, es: explanationEs }
	};
	if (value.firstOccurrence !== undefined && value.firstOccurrence !== null) {
		if (!isObject(value.firstOccurrence))
			return problem('firstOccurrence must have a document and a quote');
		const document = text(value.firstOccurrence.document, 'firstOccurrence.document', MAX_FIELD);
		if (typeof document !== 'string') return problem(document.problem);
		const quote = text(value.firstOccurrence.quote, 'firstOccurrence.quote', MAX_FIELD);
		if (typeof quote !== 'string') return problem(quote.problem);
		entry.firstOccurrence = { document, quote };
	}
	return { entry };
}

/** One entry, for a person's edit: 'invalid-input' with a detail naming the field. */
export function validateGlossaryEntry(value: unknown): Result<GlossaryEntry> {
	const check = checkGlossaryEntry(value);
	return 'entry' in check ? ok(check.entry) : fail('invalid-input', { detail: check.problem });
}

/** A whole glossary: every entry valid and no id used twice. */
export function validateGlossary(values: unknown): Result<GlossaryEntry[]> {
	if (!Array.isArray(values))
		return fail('invalid-input', { detail: 'a glossary must be a list of entries' });
	const entries: GlossaryEntry[] = [];
	const seen = new Map<string, number>();
	for (const [i, value] of values.entries()) {
		const check = checkGlossaryEntry(value);
		if (!('entry' in check))
			return fail('invalid-input', { detail: `entry ${i + 1}: ${check.problem}` });
		const first = seen.get(check.entry.id);
		if (first !== undefined)
			return fail('invalid-input', {
				detail: `entry ${i + 1}: duplicate id “${check.entry.id}” (first used by entry ${first + 1})`
			});
		seen.set(check.entry.id, i);
		entries.push(check.entry);
	}
	return ok(entries);
}

export interface FormConflict {
	entryId: string;
	/** A form of the entry that the matcher, given exactly this form as text, does not give back to the entry. */
	form: string;
	/** The entry that gets the text instead, or null when no single entry does. */
	claimedBy: string | null;
}

/**
 * Forms the matcher cannot give to their own entry: claimed first by another entry once case,
 * accents, numbers and endings fold ("Fujimori" in two entries, "OEA" and "oea"), or shadowed
 * by a longer form. Not an error in itself: the caller decides whether it was meant.
 */
export function findFormConflicts(entries: readonly GlossaryEntry[]): FormConflict[] {
	const matcher = createGlossaryMatcher(entries);
	const conflicts: FormConflict[] = [];
	for (const entry of entries)
		for (const f of entryForms(entry)) {
			const found = matcher.find(f);
			const whole =
				found.length === 1 && found[0].start === 0 && found[0].end === f.length
					? found[0]
					: undefined;
			if (whole?.entryId !== entry.id)
				conflicts.push({ entryId: entry.id, form: f, claimedBy: whole?.entryId ?? null });
		}
	return conflicts;
}
