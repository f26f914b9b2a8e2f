// The original view's jump to a pair's other side, inside one text: the arrow says where it is
// from the text's order, so a counterpart above the screen that the windowed list has not
// rendered is "up", not "down".
import { describe, expect, it } from 'vitest';
import { counterpartDirection } from '$lib/components/reader/CounterpartJump.svelte';

describe('counterpartDirection', () => {
	// An English section (sentences 0-1) and, further down, its Spanish original (sentences 40-41).
	const pair = { en: { sentences: [0, 1] }, es: { sentences: [40, 41] } };

	it('points up from the later side to the earlier one', () => {
		expect(counterpartDirection(pair, 'es')).toBe('up');
	});

	it('points down from the earlier side to the later one', () => {
		expect(counterpartDirection(pair, 'en')).toBe('down');
	});

	it('follows the text, whichever language comes first', () => {
		const spanishFirst = { en: { sentences: [12] }, es: { sentences: [3, 4] } };
		expect(counterpartDirection(spanishFirst, 'en')).toBe('up');
		expect(counterpartDirection(spanishFirst, 'es')).toBe('down');
	});
});
