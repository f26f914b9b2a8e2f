import { describe, expect, it } from 'vitest';
import { compareTranslation } from '$lib/core/practice/compare-translation';

const by = (result: ReturnType<typeof compareTranslation>, status: string) =>
	result.words.filter((w) => w.status === status).map((w) => w.text);

describe('compareTranslation', () => {
	it('finds a perfect translation perfect, whatever the case, accents and punctuation', () => {
		const result = compareTranslation(
			'la policia reprimio la marcha en lima',
			'La policía reprimió la marcha en Lima.',
			'es'
		);
		expect(result.recall).toBe(1);
		expect(result.precision).toBe(1);
		expect(result.words.every((w) => w.status === 'match')).toBe(true);
	});

	it('marks the words the learner left out and the ones they added', () => {
		const result = compareTranslation(
			'The police attacked the march',
			'The police repressed the march in Lima.',
			'en'
		);
		expect(by(result, 'missing')).toEqual(['repressed', 'in', 'Lima']);
		// "attack" and "repress" share no translation in the dictionary: still a wrong word.
		expect(by(result, 'extra')).toEqual(['attacked']);
		expect(by(result, 'also-right')).toEqual([]);
		expect(result.recall).toBeCloseTo(4 / 7);
		expect(result.precision).toBeCloseTo(4 / 5);
	});

	it('keeps the reference order so the diff reads as a sentence', () => {
		const result = compareTranslation('marcha la', 'la marcha', 'es');
		expect(result.words.map((w) => w.text).join(' ')).toMatch(/marcha|la/);
		expect(result.recall).toBe(0.5);
	});

	it('scores an empty attempt as nothing found, without dividing by zero', () => {
		const result = compareTranslation('', 'Paro nacional.', 'es');
		expect(result.words).toEqual([
			{ text: 'Paro', status: 'missing' },
			{ text: 'nacional', status: 'missing' }
		]);
		expect(result.counts).toMatchObject({ referenceWords: 2, attemptWords: 0, missing: 2 });
		expect(result.recall).toBe(0);
		expect(result.precision).toBe(0);
	});

	it('does not count a hyphen against the learner', () => {
		expect(compareTranslation('the coup government', 'the coup-Government', 'en').recall).toBe(1);
	});

	it('accepts a dictionary synonym as also right, naming the word both translate', () => {
		const result = compareTranslation(
			'The historical class confrontation sweeping Peru has entered its 7th week.',
			'The historic class confrontation sweeping Peru has entered its 7th week.',
			'en'
		);
		expect(result.recall).toBe(1);
		expect(result.precision).toBe(1);
		expect(result.counts).toMatchObject({ exact: 10, alsoRight: 1, missing: 0, extra: 0 });
		const synonym = result.words.find((w) => w.status === 'also-right');
		expect(synonym).toEqual({
			text: 'historical',
			status: 'also-right',
			reference: 'historic',
			relation: { kind: 'synonym', via: 'histórico' }
		});
	});

	it('accepts another form of the same Spanish verb, accents folded, as also right', () => {
		const result = compareTranslation(
			'Los manifestantes marcho hacia Lima',
			'Los manifestantes marcharon hacia Lima',
			'es'
		);
		expect(result.words[2]).toMatchObject({
			text: 'marcho',
			status: 'also-right',
			reference: 'marcharon',
			relation: { kind: 'form', via: 'marchar' }
		});
		expect(result.recall).toBe(1);
	});

	it('accepts "marchó" for "marcharon", and an English past for a present, as forms', () => {
		const spanish = compareTranslation(
			'Los obreros marchó a Lima',
			'Los obreros marcharon a Lima',
			'es'
		);
		expect(by(spanish, 'also-right')).toEqual(['marchó']);
		expect(spanish.counts).toMatchObject({ exact: 4, alsoRight: 1, missing: 0, extra: 0 });
		const english = compareTranslation(
			'The workers marched on Lima',
			'The workers march on Lima',
			'en'
		);
		expect(english.words[2]).toMatchObject({
			status: 'also-right',
			relation: { kind: 'form', via: 'march' }
		});
	});

	it('folds accents in the Spanish direction and still marks a wrong word wrong', () => {
		const result = compareTranslation(
			'La confrontacion historica de clases sacude al Peru',
			'La histórica confrontación de clases que sacude al Perú',
			'es'
		);
		// Order counts: one of the two swapped words is out of place; "que" is missing.
		expect(by(result, 'match')).toEqual(
			expect.arrayContaining(['La', 'de', 'clases', 'sacude', 'al', 'Peru'])
		);
		expect(by(result, 'missing')).toContain('que');
		const wrong = compareTranslation('La gran marcha', 'La histórica marcha', 'es');
		expect(by(wrong, 'missing')).toEqual(['histórica']);
		expect(by(wrong, 'extra')).toEqual(['gran']);
	});

	it('matches Spanish synonyms through the English word they both translate', () => {
		// "comenzar" and "empezar" both translate "begin" in the dictionary.
		const result = compareTranslation('Las marchas empezaron', 'Las marchas comenzaron', 'es');
		expect(result.words[2]).toMatchObject({
			text: 'empezaron',
			status: 'also-right',
			reference: 'comenzaron',
			relation: { kind: 'synonym', via: 'begin' }
		});
	});

	it('does not match function words by lemma or meaning: "la" is not right for "el"', () => {
		const result = compareTranslation('la gobierno', 'el gobierno', 'es');
		expect(by(result, 'missing')).toEqual(['el']);
		expect(by(result, 'extra')).toEqual(['la']);
	});

	it('matches words that can be grammatical words only as written, though they share a translation', () => {
		// "in" and "on" are adverbs too, and both translate "en".
		const result = compareTranslation('They met on Lima', 'They met in Lima', 'en');
		expect(by(result, 'missing')).toEqual(['in']);
		expect(by(result, 'extra')).toEqual(['on']);
		// Nor as forms of a content word they can also be: "una" is a form of the verb "unir".
		expect(by(compareTranslation('una partido', 'uno partido', 'es'), 'extra')).toEqual(['una']);
		// Verbs still count as forms: "be" for "is".
		expect(by(compareTranslation('it be so', 'it is so', 'en'), 'also-right')).toEqual(['be']);
	});

	it('keeps a synonym apart from the missing and extra words around it', () => {
		const result = compareTranslation('a big protest today', 'a large protest in Lima', 'en');
		expect(result.words.map((w) => [w.text, w.status])).toEqual([
			['a', 'match'],
			['big', 'also-right'],
			['protest', 'match'],
			['in', 'missing'],
			['Lima', 'missing'],
			['today', 'extra']
		]);
		expect(result.counts).toEqual({
			referenceWords: 5,
			attemptWords: 4,
			exact: 2,
			alsoRight: 1,
			missing: 2,
			extra: 1
		});
	});
});
