// The review-card scheduler: what is due and in which order, how grades move cards between boxes,
// and that the same clock gives the same answers.
import { describe, expect, it } from 'vitest';
import {
	BOX_COUNT,
	BOX_INTERVALS,
	dueCards,
	gradeCard,
	LEARN_AHEAD,
	nextCard,
	promptLanguage,
	reviewStats,
	type Progress
} from '$lib/glossary-cards/leitner';

const T0 = Date.UTC(2024, 0, 15, 9, 0, 0);
const MINUTE = 60_000;
const DAY = 86_400_000;
const ids = ['apple', 'banana', 'cherry', 'damson'];

describe('grading', () => {
	it('puts a new card in box 2 on “good”, box 3 on “easy”, box 1 on “again”', () => {
		expect(gradeCard(undefined, 'good', T0)).toEqual({ box: 2, due: T0 + DAY, reviews: 1 });
		expect(gradeCard(undefined, 'easy', T0)).toEqual({ box: 3, due: T0 + 3 * DAY, reviews: 1 });
		expect(gradeCard(undefined, 'again', T0)).toEqual({ box: 1, due: T0 + MINUTE, reviews: 1 });
	});

	it('promotes one box on “good” and two on “easy”, never past the last box', () => {
		const card = { box: 3, due: T0, reviews: 4 };
		expect(gradeCard(card, 'good', T0).box).toBe(4);
		expect(gradeCard(card, 'easy', T0).box).toBe(5);
		expect(gradeCard({ ...card, box: BOX_COUNT }, 'easy', T0)).toEqual({
			box: BOX_COUNT,
			due: T0 + BOX_INTERVALS[BOX_COUNT - 1],
			reviews: 5
		});
	});

	it('demotes a card from any box to box 1 on “again”', () => {
		for (let box = 1; box <= BOX_COUNT; box++)
			expect(gradeCard({ box, due: T0, reviews: 9 }, 'again', T0)).toEqual({
				box: 1,
				due: T0 + MINUTE,
				reviews: 10
			});
	});

	it('waits longer in each higher box', () => {
		for (let i = 1; i < BOX_INTERVALS.length; i++)
			expect(BOX_INTERVALS[i]).toBeGreaterThan(BOX_INTERVALS[i - 1]);
	});
});

describe('due order', () => {
	it('on a first visit, every card is due, in the order given', () => {
		expect(dueCards(ids, {}, T0)).toEqual(ids);
		expect(reviewStats(ids, {}, T0)).toEqual({ total: 4, due: 4, new: 4, learning: 0, learned: 0 });
	});

	it('shows cards seen before first, longest overdue first, lower box on a tie, then new cards', () => {
		const progress: Progress = {
			damson: { box: 3, due: T0 - DAY, reviews: 2 },
			cherry: { box: 2, due: T0 - 2 * DAY, reviews: 1 },
			banana: { box: 4, due: T0 - DAY, reviews: 5 }
		};
		expect(dueCards(ids, progress, T0)).toEqual(['cherry', 'damson', 'banana', 'apple']);
	});

	it('leaves out cards that are not due yet and counts them apart', () => {
		const progress: Progress = {
			apple: gradeCard(undefined, 'good', T0),
			banana: gradeCard(undefined, 'easy', T0)
		};
		expect(dueCards(ids, progress, T0 + 1)).toEqual(['cherry', 'damson']);
		expect(reviewStats(ids, progress, T0 + 1)).toEqual({
			total: 4,
			due: 2,
			new: 2,
			learning: 1,
			learned: 1,
			nextDue: T0 + DAY
		});
		// A day later the “good” card is due again, before the new ones; the “easy” one still waits.
		expect(dueCards(ids, progress, T0 + DAY)).toEqual(['apple', 'cherry', 'damson']);
	});

	it('ignores progress kept for entries no longer in the glossary', () => {
		const progress: Progress = { removed: { box: 5, due: T0 - DAY, reviews: 3 } };
		expect(dueCards(ids, progress, T0)).toEqual(ids);
		expect(reviewStats(ids, progress, T0).learned).toBe(0);
	});
});

describe('the next card', () => {
	it('does not show a missed card straight back while others are due', () => {
		const progress = { apple: gradeCard(undefined, 'again', T0) };
		expect(nextCard(ids, progress, T0 + 1)).toEqual({ id: 'banana', ahead: false });
		expect(nextCard(ids, progress, T0 + MINUTE)).toEqual({ id: 'apple', ahead: false });
	});

	it('shows a missed card early when nothing else is due, but not a card learned well', () => {
		let progress: Progress = {};
		for (const id of ids) progress = { ...progress, [id]: gradeCard(undefined, 'good', T0) };
		progress = { ...progress, cherry: gradeCard(progress.cherry, 'again', T0 + 5) };
		expect(nextCard(ids, progress, T0 + 10)).toEqual({ id: 'cherry', ahead: true });
		progress = { ...progress, cherry: gradeCard(progress.cherry, 'good', T0 + 20) };
		expect(nextCard(ids, progress, T0 + 30)).toBeUndefined();
		expect(LEARN_AHEAD).toBeLessThan(BOX_INTERVALS[1]);
	});

	it('gives the same answers for the same clock', () => {
		const run = () => {
			let progress: Progress = {};
			let now = T0;
			const shown: string[] = [];
			for (const grade of ['good', 'again', 'easy', 'good', 'again', 'good'] as const) {
				const card = nextCard(ids, progress, now)!;
				shown.push(card.id);
				progress = { ...progress, [card.id]: gradeCard(progress[card.id], grade, now) };
				now += 30_000;
			}
			return { shown, progress };
		};
		expect(run()).toEqual(run());
		// banana, missed at 0:30, is due at 1:30 and comes before the new damson; damson, missed at
		// 2:00, is shown early at 2:30 because nothing else is due.
		expect(run().shown).toEqual(['apple', 'banana', 'cherry', 'banana', 'damson', 'damson']);
	});
});

describe('prompt language', () => {
	it('follows a fixed direction', () => {
		expect(promptLanguage('es-en', 'apple', 3)).toBe('es');
		expect(promptLanguage('en-es', 'apple', 3)).toBe('en');
	});

	it('alternates a card between reviews when mixed, and mixes the cards of one sitting', () => {
		for (const id of ids)
			expect(promptLanguage('mixed', id, 1)).not.toBe(promptLanguage('mixed', id, 0));
		const sides = new Set(
			['toma-de-lima', 'congreso', 'peru-libre', 'dina-boluarte', 'puno'].map((id) =>
				promptLanguage('mixed', id, 0)
			)
		);
		expect(sides).toEqual(new Set(['es', 'en']));
	});
});
