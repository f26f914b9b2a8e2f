// Spaced repetition with FSRS through ts-fsrs (the open-spaced-repetition project's own
// TypeScript implementation, FSRS-6 with its default parameters): a card's state in and out of
// JSON, a rating applied, and the four outcomes previewed for the buttons.
import { createEmptyCard, fsrs, Rating, type Card, type Grade } from 'ts-fsrs';

export { Rating };
export type { Card };

/** Again, Hard, Good, Easy: the keys 1 to 4. */
export const RATINGS = ['again', 'hard', 'good', 'easy'] as const;
export type RatingName = (typeof RATINGS)[number];

const GRADE: Record<RatingName, Grade> = {
	again: Rating.Again,
	hard: Rating.Hard,
	good: Rating.Good,
	easy: Rating.Easy
};

/**
 * An item is known once every one of its cards waits at least this long: Anki's "mature" card
 * (an interval of 21 days or more), the field's usual line between learning and knowing.
 */
export const KNOWN_INTERVAL_DAYS = 21;

// No fuzz: a rating's outcome is the same each time, so tests and the buttons' previews agree.
const scheduler = fsrs({ enable_fuzz: false });

export function newCard(now: Date): Card {
	return createEmptyCard(now);
}

export interface Rated {
	card: Card;
	dueBefore: Date;
}

/** The card after a rating at `now`. */
export function rateCard(card: Card, rating: RatingName, now: Date): Rated {
	const { card: next } = scheduler.next(card, now, GRADE[rating]);
	return { card: next, dueBefore: card.due };
}

/** When the card would be due after each rating, for the buttons' labels. */
export function previewDue(card: Card, now: Date): Record<RatingName, Date> {
	const preview = scheduler.repeat(card, now);
	return Object.fromEntries(RATINGS.map((r) => [r, preview[GRADE[r]].card.due])) as Record<
		RatingName,
		Date
	>;
}

/** Days from the last review to the due date: how long the card is trusted to be remembered. */
export function intervalDays(card: Card): number {
	if (!card.last_review) return 0;
	return (card.due.getTime() - card.last_review.getTime()) / 86_400_000;
}

/** ts-fsrs's Card as JSON (dates as ISO strings). */
export function serializeCard(card: Card): string {
	return JSON.stringify(card);
}

/** A stored or imported card back as ts-fsrs's Card; null when it is not one. */
export function parseCard(value: unknown): Card | null {
	const raw = typeof value === 'string' ? safeParse(value) : value;
	if (!raw || typeof raw !== 'object') return null;
	const c = raw as Record<string, unknown>;
	const numbers = [
		'stability',
		'difficulty',
		'elapsed_days',
		'scheduled_days',
		'learning_steps',
		'reps',
		'lapses',
		'state'
	];
	if (!numbers.every((k) => typeof c[k] === 'number' && Number.isFinite(c[k]))) return null;
	if ((c.state as number) < 0 || (c.state as number) > 3) return null;
	const due = new Date(c.due as string);
	if (typeof c.due !== 'string' || Number.isNaN(due.getTime())) return null;
	const last = c.last_review == null ? undefined : new Date(c.last_review as string);
	if (last && Number.isNaN(last.getTime())) return null;
	return {
		due,
		stability: c.stability as number,
		difficulty: c.difficulty as number,
		elapsed_days: c.elapsed_days as number,
		scheduled_days: c.scheduled_days as number,
		learning_steps: c.learning_steps as number,
		reps: c.reps as number,
		lapses: c.lapses as number,
		state: c.state as number,
		...(last ? { last_review: last } : {})
	};
}

function safeParse(text: string): unknown {
	try {
		return JSON.parse(text);
	} catch {
		return null;
	}
}
