// The dictionary's answers must not change when its code or data format is made faster. The
// fixture is a RECORDED REFERENCE, made once by the code before the indexed lookups (commit
// 7f05ac1, bisection of the sorted lines): `tools/dictionary/verify.mjs --record` run on that
// commit over about 27,000 forms of the corpus and the eval dev sets, then `--sample` to keep
// about 30 forms per path a lookup can take (inflections, enclitic pronouns, apostrophes, case,
// accents restored, unknown words). Do not regenerate it to make this test pass: a difference
// here is a change of behaviour. Only a deliberate change of the data (a rebuild from newer
// Debian packages) may re-record it, and that change must say so.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
	isKnownWord,
	lemmasOf,
	lookup,
	translationPairs,
	type DictionaryEntry
} from '../../../src/lib/core/dictionary';

interface RecordedAnswer {
	en: DictionaryEntry[];
	es: DictionaryEntry[];
	enLemmas?: string[];
	esLemmas?: string[];
	enKnown?: boolean;
	esKnown?: boolean;
}

interface PairsDigest {
	count: number;
	sha256: string;
}

const reference = JSON.parse(
	readFileSync(resolve(import.meta.dirname, '../../fixtures/dictionary-reference.json'), 'utf8')
) as {
	pairs: { single: PairsDigest; multiword: PairsDigest };
	answers: Record<string, RecordedAnswer>;
};
const forms = Object.keys(reference.answers);

function digestOf(pairs: Iterable<[string, string]>): PairsDigest {
	const hash = createHash('sha256');
	let count = 0;
	for (const [en, es] of pairs) {
		hash.update(`${en}\t${es}\n`);
		count++;
	}
	return { count, sha256: hash.digest('hex') };
}

describe('the dictionary answers as the recorded reference did', () => {
	it('has a few hundred forms to compare, known and unknown', () => {
		expect(forms.length).toBeGreaterThan(250);
		expect(forms.some((f) => reference.answers[f].es.length === 0)).toBe(true);
		expect(forms.some((f) => reference.answers[f].en.length > 0)).toBe(true);
	});

	it('looks up every form as before, in both languages, entries and order alike', () => {
		for (const form of forms) {
			const recorded = reference.answers[form];
			expect(lookup(form, 'en'), `${form} (en)`).toEqual(recorded.en);
			expect(lookup(form, 'es'), `${form} (es)`).toEqual(recorded.es);
		}
	});

	it('gives the same lemmas and knows the same words', () => {
		let checked = 0;
		for (const form of forms) {
			const recorded = reference.answers[form];
			for (const lang of ['en', 'es'] as const) {
				const lemmas = recorded[`${lang}Lemmas`];
				if (lemmas === undefined) continue;
				expect(lemmasOf(form, lang), `${form} (${lang})`).toEqual(lemmas);
				expect(isKnownWord(form, lang), `${form} (${lang})`).toBe(recorded[`${lang}Known`]);
				checked++;
			}
		}
		expect(checked).toBeGreaterThan(100);
	});

	it('lists the same translation pairs in the same order', () => {
		expect(digestOf(translationPairs())).toEqual(reference.pairs.single);
		expect(digestOf(translationPairs({ multiword: true }))).toEqual(reference.pairs.multiword);
	});
});
