import { describe, expect, it } from 'vitest';
import { lemmasOf, lookup, translationPairs } from '../../../src/lib/core/dictionary';

const translationsOf = (word: string, from: 'en' | 'es') =>
	lookup(word, from).flatMap((e) => e.translations);

describe('lookup: Spanish to English', () => {
	it('understands verbs in any person and tense', () => {
		for (const form of ['marcharon', 'marchó', 'marchamos', 'marcharán', 'marchando']) {
			expect(lemmasOf(form, 'es'), form).toContain('marchar');
		}
		expect(lemmasOf('hicieron', 'es')).toContain('hacer');
		expect(lemmasOf('fue', 'es')).toEqual(expect.arrayContaining(['ser', 'ir']));
	});

	it('understands plurals and gender', () => {
		expect(lemmasOf('manifestantes', 'es')).toContain('manifestante');
		expect(lemmasOf('detenidas', 'es').length).toBeGreaterThan(0);
		expect(lemmasOf('campesinas', 'es')).toContain('campesino');
	});

	it('gives the part of speech and English translations', () => {
		const [entry] = lookup('manifestantes', 'es');
		expect(entry.lemma).toBe('manifestante');
		expect(entry.pos).toBe('noun');
		expect(entry.translations).toContain('protester');
		expect(translationsOf('gobierno', 'es')).toContain('government');
	});

	it('strips enclitic pronouns from infinitives, gerunds and imperatives', () => {
		expect(lemmasOf('dámelo', 'es')).toContain('dar');
		expect(lemmasOf('hacerlo', 'es')).toContain('hacer');
		expect(lemmasOf('diciéndoles', 'es')).toContain('decir');
	});

	it('splits contractions into their words', () => {
		expect(lemmasOf('del', 'es')).toEqual(expect.arrayContaining(['de', 'el']));
	});
});

describe('lookup: English to Spanish', () => {
	it('understands inflected forms', () => {
		expect(lemmasOf('protesters', 'en')).toContain('protester');
		expect(lemmasOf('demanded', 'en')).toContain('demand');
		expect(lemmasOf('went', 'en')).toContain('go');
		expect(lemmasOf('killing', 'en')).toContain('kill');
	});

	it('gives Spanish translations', () => {
		expect(translationsOf('protesters', 'en')).toContain('manifestante');
		expect(translationsOf('government', 'en')).toContain('gobierno');
	});

	it('reads contractions with either apostrophe', () => {
		expect(lemmasOf("don't", 'en')).toContain('do');
		expect(lemmasOf('isn’t', 'en')).toEqual(expect.arrayContaining(['be', 'not']));
		expect(lemmasOf("I've", 'en')).toEqual(expect.arrayContaining(['I', 'have']));
	});

	it('reads possessives as the noun', () => {
		expect(lemmasOf("government's", 'en')).toContain('government');
	});
});

describe('lookup: personal pronouns', () => {
	it('translates each pronoun by person, number and gender', () => {
		expect(translationsOf('ella', 'es')).toContain('she');
		expect(translationsOf('ella', 'es')).not.toContain('he');
		expect(translationsOf('she', 'en')).toContain('ella');
		expect(translationsOf('we', 'en')).toEqual(expect.arrayContaining(['nosotros']));
		expect(translationsOf('nosotros', 'es')).not.toContain('they');
	});
});

describe('lookup: case and accents', () => {
	it('finds a capitalised word at the start of a sentence', () => {
		expect(lemmasOf('Manifestantes', 'es')).toContain('manifestante');
		expect(lemmasOf('The', 'en')).toContain('the');
		expect(lemmasOf('GOBIERNO', 'es')).toContain('gobierno');
	});

	it('never confuses a word with its accented twin when both exist', () => {
		expect(lemmasOf('año', 'es')).toEqual(['año']);
		expect(lemmasOf('ano', 'es')).not.toContain('año');
		expect(translationsOf('año', 'es')).toContain('year');
		expect(translationsOf('ano', 'es')).not.toContain('year');
		expect(translationsOf('año', 'es')).not.toContain('anus');
	});

	it('finds a word typed without its accents when nothing else matches', () => {
		expect(lemmasOf('politica', 'es')).toContain('política');
		expect(lemmasOf('represion', 'es')).toContain('represión');
	});

	it('keeps proper nouns apart from common nouns', () => {
		const entries = lookup('Lima', 'es');
		expect(entries.some((e) => e.pos === 'proper noun' && e.lemma === 'Lima')).toBe(true);
	});
});

describe('lookup: unknown input', () => {
	it('gives nothing for unknown words and blanks', () => {
		expect(lookup('xqzwv', 'en')).toEqual([]);
		expect(lookup('xqzwv', 'es')).toEqual([]);
		expect(lookup('   ', 'es')).toEqual([]);
		expect(lemmasOf('', 'en')).toEqual([]);
	});

	it('returns copies that a caller cannot use to change the dictionary', () => {
		lookup('gobierno', 'es')[0].translations.push('banana');
		expect(translationsOf('gobierno', 'es')).not.toContain('banana');
	});
});

describe('translationPairs', () => {
	const pairs = [...translationPairs()];

	it('gives lowercase single-word pairs, each once', () => {
		expect(pairs.length).toBeGreaterThan(10_000);
		const keys = pairs.map(([en, es]) => `${en}\t${es}`);
		expect(new Set(keys).size).toBe(keys.length);
		const malformed = pairs.filter(
			([en, es]) =>
				en !== en.toLowerCase() || es !== es.toLowerCase() || en.includes(' ') || es.includes(' ')
		);
		expect(malformed).toEqual([]);
	});

	it('holds pairs from both directions', () => {
		const has = (en: string, es: string) => pairs.some(([a, b]) => a === en && b === es);
		expect(has('government', 'gobierno')).toBe(true);
		expect(has('protester', 'manifestante')).toBe(true);
		expect(has('year', 'año')).toBe(true);
	});

	it('adds multiword pairs when asked', () => {
		const all = [...translationPairs({ multiword: true })];
		expect(all.length).toBeGreaterThan(pairs.length);
		expect(all.some(([en, es]) => en.includes(' ') || es.includes(' '))).toBe(true);
	});
});
