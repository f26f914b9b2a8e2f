import { describe, expect, it } from 'vitest';
import {
	GLOSSARY_TYPES,
	createGlossaryMatcher,
	entryForms,
	findFormConflicts,
	validateGlossary
} from '../../../src/lib/core/glossary';
import { corpus, glossary } from './corpus';

/** Forms deliberately shared by two entries. None so far: "Fujimori" alone is Alberto, Keiko needs her name. */
const INTENDED_SHARED_FORMS: { entryId: string; form: string }[] = [];

describe('the shipped glossary', () => {
	it('is valid, already clean, and has at least 60 entries', () => {
		const result = validateGlossary(glossary);
		expect(result).toEqual({ ok: true, value: glossary });
		expect(glossary.length).toBeGreaterThanOrEqual(60);
	});

	it('has no duplicate ids', () => {
		expect(new Set(glossary.map((e) => e.id)).size).toBe(glossary.length);
	});

	it('gives every entry both languages and a two-to-four-sentence explanation in each', () => {
		const sentences = (text: string) => text.split(/(?<=[.!?])\s+(?=[A-ZÁÉÍÓÚÑ¿¡])/).length;
		for (const entry of glossary) {
			expect(GLOSSARY_TYPES).toContain(entry.type);
			expect(entry.es.trim(), entry.id).not.toBe('');
			expect(entry.en.trim(), entry.id).not.toBe('');
			for (const lang of ['en', 'es'] as const) {
				const n = sentences(entry.explanation[lang]);
				expect(n, `${entry.id} ${lang}: ${n} sentences`).toBeGreaterThanOrEqual(2);
				expect(n, `${entry.id} ${lang}: ${n} sentences`).toBeLessThanOrEqual(4);
			}
		}
	});

	it('lets the matcher reach every form, and no form is claimed by two entries unless intended', () => {
		expect(findFormConflicts(glossary)).toEqual(
			INTENDED_SHARED_FORMS.map((f) => expect.objectContaining(f))
		);
		const matcher = createGlossaryMatcher(glossary);
		for (const entry of glossary)
			for (const form of entryForms(entry))
				// `form` may be an equivalent spelling of the same entry ("4" for "Cuatro").
				expect(matcher.find(form), `${entry.id}: ${form}`).toEqual([
					expect.objectContaining({ start: 0, end: form.length, entryId: entry.id })
				]);
	});

	it('finds every entry at least once in the bundled corpus', () => {
		const matcher = createGlossaryMatcher(glossary);
		const found = new Set(
			Object.values(corpus).flatMap((text) => matcher.find(text).map((m) => m.entryId))
		);
		expect(glossary.filter((e) => !found.has(e.id)).map((e) => e.id)).toEqual([]);
	});

	it('quotes each first occurrence exactly from its document, and the quote contains the term', () => {
		const matcher = createGlossaryMatcher(glossary);
		for (const entry of glossary) {
			expect(entry.firstOccurrence, entry.id).toBeDefined();
			const { document, quote } = entry.firstOccurrence!;
			expect(Object.keys(corpus), entry.id).toContain(document);
			expect(corpus[document].includes(quote), `${entry.id}: “${quote}” in ${document}`).toBe(true);
			expect(
				matcher.find(quote).map((m) => m.entryId),
				entry.id
			).toContain(entry.id);
		}
	});
});
