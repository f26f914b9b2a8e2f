import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { findRepeatedPassages } from '$lib/core/repeats/find-repeats';
import { segmentSentences } from '$lib/core/text';

const corpus = (name: string) =>
	readFileSync(resolve(import.meta.dirname, '../../../src/lib/data/corpus', name), 'utf8');

describe('findRepeatedPassages', () => {
	it('finds the section the La Mosca article prints twice, and the words that changed', () => {
		const text = corpus('brutal-repression-la-mosca.txt');
		const sentences = segmentSentences(text).map((s) => s.text);
		const repeats = findRepeatedPassages(sentences);
		const epicenter = repeats.find((r) =>
			sentences
				.slice(r.first.start, r.first.end)
				.some((s) => s.startsWith('The epicenter of the protests'))
		);
		expect(epicenter).toBeDefined();
		const later = sentences.slice(epicenter!.second.start, epicenter!.second.end);
		expect(later.some((s) => s.startsWith('The epicenter of the protests'))).toBe(true);
		expect(epicenter!.second.start).toBeGreaterThan(epicenter!.first.end - 1);
		expect(epicenter!.similarity).toBeGreaterThan(0.8);
		// A stretch of several sentences, not one line.
		expect(epicenter!.first.end - epicenter!.first.start).toBeGreaterThan(3);
	});

	it('reports the edit between the copies word by word', () => {
		const a =
			'The police raided San Marcos University on Saturday and detained more than two hundred people who had travelled to Lima.';
		const b =
			'Police raided San Marcos University on Saturday and detained more than two hundred people who had travelled to the capital.';
		const between = [
			'Unions called a national strike for Thursday across the southern regions.',
			'Machu Picchu closed its gates to tourists as road blockades spread.'
		];
		const repeats = findRepeatedPassages([a, ...between, b], { minWords: 10 });
		expect(repeats).toHaveLength(1);
		const removed = repeats[0].diff.filter((c) => c.removed).map((c) => c.value.trim());
		const added = repeats[0].diff.filter((c) => c.added).map((c) => c.value.trim());
		expect(removed.join(' ')).toContain('Lima');
		expect(added.join(' ')).toContain('capital');
	});

	it('finds nothing in a text without repeats, and ignores short boilerplate lines', () => {
		const text = corpus('toma-de-lima-uprising.txt');
		expect(findRepeatedPassages(segmentSentences(text).map((s) => s.text))).toEqual([]);
		expect(findRepeatedPassages(['Leave a Reply', 'x', 'Leave a Reply'])).toEqual([]);
	});

	it('does not pair a Spanish paragraph with its English translation', () => {
		const text = corpus('brutal-repression-la-mosca.txt');
		const sentences = segmentSentences(text).map((s) => s.text);
		for (const r of findRepeatedPassages(sentences)) {
			const a = sentences.slice(r.first.start, r.first.end).join(' ');
			const b = sentences.slice(r.second.start, r.second.end).join(' ');
			expect(/vergonzoso/.test(a) && /shameful/.test(b)).toBe(false);
			expect(/shameful/.test(a) && /vergonzoso/.test(b)).toBe(false);
		}
	});
});
