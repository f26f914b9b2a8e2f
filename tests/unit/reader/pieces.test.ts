import { describe, expect, it } from 'vitest';
import type { LabelledSentence } from '$lib/core/types';
import { paragraphBlocks, sentencePieces, termsBySentence } from '$lib/reader/pieces';

const text = 'Thousands joined La Toma de Lima on Thursday.';
const sentence: LabelledSentence = {
	start: 0,
	end: text.length,
	text,
	paragraph: 0,
	lang: 'en',
	confidence: 0.99,
	spans: [{ start: 17, end: 32, lang: 'es' }] // "La Toma de Lima"
};

describe('sentencePieces', () => {
	it('keeps every character exactly once, in order', () => {
		const groups = sentencePieces(text, sentence, [
			{ start: 20, end: 32, entryId: 'toma-de-lima' }
		]);
		expect(groups.flatMap((g) => g.segments.map((s) => s.text)).join('')).toBe(text);
	});

	it('marks a glossary term inside a foreign span with the span’s language', () => {
		const groups = sentencePieces(text, sentence, [
			{ start: 20, end: 32, entryId: 'toma-de-lima' }
		]);
		const term = groups.find((g) => g.term);
		expect(term?.term?.entryId).toBe('toma-de-lima');
		expect(term?.segments.map((s) => s.text).join('')).toBe('Toma de Lima');
		expect(term?.segments.every((s) => s.lang === 'es' && s.inline)).toBe(true);
		const before = groups[groups.indexOf(term!) - 1];
		expect(before.segments.at(-1)).toEqual({ text: 'La ', lang: 'es', inline: true });
	});

	it('ignores terms outside the sentence', () => {
		const groups = sentencePieces(text, sentence, [{ start: 100, end: 110, entryId: 'x' }]);
		expect(groups.some((g) => g.term)).toBe(false);
	});
});

describe('paragraphBlocks', () => {
	it('groups sentences by paragraph and remembers line breaks inside one', () => {
		const source = 'Title\nFirst. Second.\n\nThird.';
		const mk = (start: number, end: number, paragraph: number): LabelledSentence => ({
			start,
			end,
			text: source.slice(start, end),
			paragraph,
			lang: 'en',
			confidence: 1,
			spans: []
		});
		const blocks = paragraphBlocks(source, [
			mk(0, 5, 0),
			mk(6, 12, 0),
			mk(13, 20, 0),
			mk(22, 28, 1)
		]);
		expect(blocks.map((b) => b.sentences.length)).toEqual([3, 1]);
		expect(blocks[0].sentences.map((s) => s.lineBreakBefore)).toEqual([false, true, false]);
	});
});

describe('termsBySentence', () => {
	it('gives each sentence exactly the marks inside it, whatever their order', () => {
		const at = (start: number, end: number) => ({
			start,
			end,
			paragraph: 0,
			lang: 'en' as const,
			spans: []
		});
		const sentences = [at(0, 10), at(11, 20), at(21, 30)];
		const terms = [
			{ start: 22, end: 25, entryId: 'c' },
			{ start: 1, end: 4, entryId: 'a' },
			{ start: 5, end: 9, entryId: 'b' },
			{ start: 18, end: 23, entryId: 'across' }
		];
		expect(termsBySentence(sentences, terms).map((list) => list.map((t) => t.entryId))).toEqual([
			['a', 'b'],
			[],
			['c']
		]);
	});
});

describe('sentencePieces with search marks', () => {
	it('cuts at the marks, inside a glossary term and a foreign span too, keeping every character', () => {
		const marks = [
			{ start: 0, end: 9, n: 0, current: false },
			{ start: 25, end: 29, n: 1, current: true }
		];
		const groups = sentencePieces(text, sentence, [{ start: 20, end: 32, entryId: 'toma' }], marks);
		const segments = groups.flatMap((g) => g.segments);
		expect(segments.map((s) => s.text).join('')).toBe(text);
		expect(segments.filter((s) => s.mark).map((s) => s.text)).toEqual(['Thousands', 'de L']);
		const marked = segments.find((s) => s.mark?.n === 1)!;
		expect(marked).toMatchObject({ lang: 'es', inline: true });
		expect(groups.find((g) => g.segments.includes(marked))?.term?.entryId).toBe('toma');
	});

	it('ignores marks outside the sentence', () => {
		const groups = sentencePieces(
			text,
			sentence,
			[],
			[{ start: 90, end: 95, n: 0, current: false }]
		);
		expect(groups.flatMap((g) => g.segments).some((s) => s.mark)).toBe(false);
	});
});
