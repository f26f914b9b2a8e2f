// The aligner's dictionary concepts of a folded word (what learn.ts confirms pairs with, and
// what matching through the dictionary weighs) must not change when the dictionary's look-ups
// are made faster. The fixture is a RECORDED REFERENCE made by the code before the hash-table
// look-ups (commit d5b0eb8): `tools/dictionary/verify.mjs --record` run on that commit over
// about 28,000 forms of the corpus and the eval dev sets, then `--sample-concepts` to keep about
// 30 folded forms per way a word gets its concepts (English and Spanish words, inflections,
// accents restored, enclitic pronouns, too many translations, unknown words) and at the edges (two
// accents restored; 12 single-word translations, the most a word may have, and 13). Do not regenerate
// it to make this test pass: a difference here is a change of the aligner's evidence.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
	dictionaryConceptKeys,
	dictionaryConcepts,
	type WeightedConcept
} from '../../../src/lib/core/align/dictionary-concepts';
import { lookup } from '../../../src/lib/core/dictionary';

interface RecordedConcepts {
	en: string[];
	es: string[];
	enStrengths: WeightedConcept[];
	esStrengths: WeightedConcept[];
}

const reference = JSON.parse(
	readFileSync(resolve(import.meta.dirname, '../../fixtures/dictionary-concept-keys.json'), 'utf8')
) as { concepts: Record<string, RecordedConcepts> };
const forms = Object.keys(reference.concepts);

describe("the aligner's dictionary concepts are the recorded reference's", () => {
	it('has a couple of hundred folded words to compare, with concepts and without', () => {
		expect(forms.length).toBeGreaterThan(150);
		expect(forms.filter((f) => reference.concepts[f].es.length > 0).length).toBeGreaterThan(50);
		expect(forms.filter((f) => reference.concepts[f].en.length > 0).length).toBeGreaterThan(50);
		expect(forms.some((f) => reference.concepts[f].en.length === 0)).toBe(true);
		// Accents restored: "senor" has the concept es:senor only through the lemma "señor".
		const accented = (lemma: string) => lemma.normalize('NFD') !== lemma;
		expect(forms.some((f) => lookup(f, 'es').some((e) => accented(e.lemma)))).toBe(true);
	});

	it('gives every word the same concept keys, in the same order', () => {
		for (const form of forms) {
			const recorded = reference.concepts[form];
			expect(dictionaryConceptKeys(lookup, form, 'en'), `${form} (en)`).toEqual(recorded.en);
			expect(dictionaryConceptKeys(lookup, form, 'es'), `${form} (es)`).toEqual(recorded.es);
		}
	});

	it('weighs every concept as before (mutual or one-way pair)', () => {
		for (const form of forms) {
			const recorded = reference.concepts[form];
			expect(dictionaryConcepts(lookup, form, 'en'), `${form} (en)`).toEqual(recorded.enStrengths);
			expect(dictionaryConcepts(lookup, form, 'es'), `${form} (es)`).toEqual(recorded.esStrengths);
		}
	});
});
