import { describe, expect, it } from 'vitest';
import {
	dictionaryConcepts,
	MUTUAL_STRENGTH,
	ONE_WAY_STRENGTH
} from '../../../src/lib/core/align/dictionary-concepts';
import { buildPairFeatures, OverlapCounter } from '../../../src/lib/core/align/features';
import { lookup } from '../../../src/lib/core/dictionary';
import { learnDictionary } from '../../../src/lib/core/align/learn';

describe('dictionary evidence for the sentence aligner', () => {
	it('meets inflected forms at the level of lemmas, weaker than an exact match', () => {
		const en = dictionaryConcepts(lookup, 'houses', 'en');
		const es = dictionaryConcepts(lookup, 'casas', 'es');
		const shared = en.filter((c) => es.some((d) => d.key === c.key));
		expect(shared.length).toBeGreaterThan(0);
		for (const c of [...en, ...es]) expect(c.strength).toBeLessThanOrEqual(1);
		// The pair carries its strength on at least one end, so the match is weaker than 1.
		const matchStrength = Math.max(
			...shared.map((c) => Math.min(c.strength, es.find((d) => d.key === c.key)!.strength))
		);
		expect([MUTUAL_STRENGTH, ONE_WAY_STRENGTH]).toContain(matchStrength);
	});

	it('gives nothing for numbers, short words and unknown words', () => {
		expect(dictionaryConcepts(lookup, '42', 'en')).toEqual([]);
		expect(dictionaryConcepts(lookup, 'de', 'es')).toEqual([]);
		expect(dictionaryConcepts(lookup, 'qzxwvkj', 'en')).toEqual([]);
	});

	it('raises the similarity of a translated pair only when asked, and by less than the words', () => {
		const en = ['The houses were painted white by the neighbours.', 'Nothing here.'];
		const es = ['Los vecinos pintaron de blanco las viviendas.', 'Aquí no hay nada.'];
		const plain = new OverlapCounter(buildPairFeatures(en, es));
		const withDictionary = new OverlapCounter(buildPairFeatures(en, es, { dictionary: lookup }));
		const before = plain.similarity(0, 0);
		const after = withDictionary.similarity(0, 0);
		expect(after).toBeGreaterThan(before);
		expect(after).toBeLessThan(1);
	});
});

describe('learning word pairs with the dictionary', () => {
	const en = ['The houses here are old.', 'Nothing else.'];
	const es = ['Las casas de aquí son viejas.', 'Nada más.'];
	const pairs = [{ en: [0], es: [0] }];
	const partners = (learned: ReturnType<typeof learnDictionary>, word: string) => {
		const ids = learned.en.get(word) ?? [];
		return [...learned.es]
			.filter(([, list]) => list.some((id) => ids.includes(id)))
			.map(([w]) => w);
	};

	it('learns a pair seen together once only when the dictionary confirms it', () => {
		const f = buildPairFeatures(en, es);
		expect(partners(learnDictionary(f, pairs), 'houses')).toEqual([]);
		const learned = partners(learnDictionary(f, pairs, { dictionary: lookup }), 'houses');
		expect(learned).toContain('casas');
		expect(learned).not.toContain('aqui');
	});
});
