import { describe, expect, it } from 'vitest';
import { practiceHints } from '$lib/core/practice/hints';

describe('practiceHints', () => {
	const source =
		'La histórica confrontación de clases que sacude al Perú ha entrado en su 7.ª semana.';

	it('gives the glossary terms first, then the content words in the order of the sentence', () => {
		const start = source.indexOf('Perú');
		const hints = practiceHints(source, 'es', [
			{ start, end: start + 4, entryId: 'peru', translation: 'Peru' }
		]);
		expect(hints[0]).toEqual({
			kind: 'glossary',
			term: 'Perú',
			translation: 'Peru',
			entryId: 'peru'
		});
		const words = hints.flatMap((h) => (h.kind === 'dictionary' ? [h.word] : []));
		expect(words.slice(0, 3)).toEqual(['histórica', 'confrontación', 'clases']);
		expect(words).toContain('semana');
		// Articles and prepositions are not hinted; nor is a word inside a glossary term.
		expect(words).not.toContain('La');
		expect(words).not.toContain('de');
		expect(words).not.toContain('Perú');
		const historic = hints.find((h) => h.kind === 'dictionary' && h.word === 'histórica');
		expect(historic).toMatchObject({ lemma: 'histórico', pos: 'adjective' });
		expect(historic?.kind === 'dictionary' && historic.translations).toContain('historic');
	});

	it('works from English, with the inflected form understood, each lemma once', () => {
		const hints = practiceHints('Workers marched and marched to Lima.', 'en');
		const march = hints.filter((h) => h.kind === 'dictionary' && h.lemma === 'march');
		expect(march).toHaveLength(1);
		expect(march[0]).toMatchObject({ word: 'marched', pos: 'verb' });
		// A capitalised word inside the sentence is a name, not "lime".
		expect(hints.some((h) => h.kind === 'dictionary' && h.word === 'Lima')).toBe(false);
	});
});
