import { describe, expect, it } from 'vitest';
import { compareTranslation } from '$lib/core/practice/compare-translation';

describe('compareTranslation', () => {
	it('finds a perfect translation perfect, whatever the case, accents and punctuation', () => {
		const result = compareTranslation(
			'la policia reprimio la marcha en lima',
			'La policía reprimió la marcha en Lima.'
		);
		expect(result.recall).toBe(1);
		expect(result.precision).toBe(1);
		expect(result.words.every((w) => w.status === 'match')).toBe(true);
	});

	it('marks the words the learner left out and the ones they added', () => {
		const result = compareTranslation(
			'The police attacked the march',
			'The police repressed the march in Lima.'
		);
		const by = (status: string) =>
			result.words.filter((w) => w.status === status).map((w) => w.text);
		expect(by('missing')).toEqual(['repressed', 'in', 'Lima']);
		expect(by('extra')).toEqual(['attacked']);
		expect(result.recall).toBeCloseTo(4 / 7);
		expect(result.precision).toBeCloseTo(4 / 5);
	});

	it('keeps the reference order so the diff reads as a sentence', () => {
		const result = compareTranslation('marcha la', 'la marcha');
		expect(result.words.map((w) => w.text).join(' ')).toMatch(/marcha|la/);
		expect(result.recall).toBe(0.5);
	});

	it('scores an empty attempt as nothing found, without dividing by zero', () => {
		const result = compareTranslation('', 'Paro nacional.');
		expect(result).toEqual({
			words: [
				{ text: 'Paro', status: 'missing' },
				{ text: 'nacional', status: 'missing' }
			],
			recall: 0,
			precision: 0
		});
	});

	it('does not count a hyphen against the learner', () => {
		expect(compareTranslation('the coup government', 'the coup-Government').recall).toBe(1);
	});
});
