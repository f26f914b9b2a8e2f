// A Leitner-box scheduler for glossary review cards: which card is due, in what order, and which
// box a grade moves it to. Pure: the time is an argument, so the same inputs give the same answers.

export type Grade = 'again' | 'good' | 'easy';
export const GRADES: readonly Grade[] = ['again', 'good', 'easy'];

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

/**
 * How long a card rests in each box (index 0 is box 1) before it is due again. Box 1 is a short
 * learning step rather than a day, so a missed card comes back later in the same sitting.
 */
export const BOX_INTERVALS: readonly number[] = [MINUTE, DAY, 3 * DAY, 7 * DAY, 21 * DAY];
export const BOX_COUNT = BOX_INTERVALS.length;

/** From this box on a card counts as learned: it was recalled at least twice in a row. */
export const LEARNED_BOX = 3;

/**
 * When nothing is due, a missed card due within this window is shown anyway, so that finishing
 * a sitting never means waiting a minute for the last card.
 */
export const LEARN_AHEAD = 20 * MINUTE;

export interface CardProgress {
	/** 1 … BOX_COUNT */
	box: number;
	/** When the card is due again, in milliseconds since the epoch. */
	due: number;
	reviews: number;
}

/** Progress by entry id; an entry with none has never been reviewed (a new card). */
export type Progress = Readonly<Record<string, CardProgress>>;

/** Where a grade puts a card: "again" back to box 1, "good" one box up, "easy" two. */
export function gradeCard(
	previous: CardProgress | undefined,
	grade: Grade,
	now: number
): CardProgress {
	const from = previous?.box ?? 1;
	const box = grade === 'again' ? 1 : Math.min(BOX_COUNT, from + (grade === 'easy' ? 2 : 1));
	return { box, due: now + BOX_INTERVALS[box - 1], reviews: (previous?.reviews ?? 0) + 1 };
}

export type CardStatus = 'new' | 'due' | 'waiting';

export function cardStatus(progress: CardProgress | undefined, now: number): CardStatus {
	if (!progress) return 'new';
	return progress.due <= now ? 'due' : 'waiting';
}

/**
 * The ids of the cards due now, in the order to review them: cards seen before first (the longest
 * overdue first, then the lower box), then new cards in the order given.
 */
export function dueCards(ids: readonly string[], progress: Progress, now: number): string[] {
	const seen: { id: string; card: CardProgress; index: number }[] = [];
	const fresh: string[] = [];
	ids.forEach((id, index) => {
		const card = progress[id];
		if (!card) fresh.push(id);
		else if (card.due <= now) seen.push({ id, card, index });
	});
	seen.sort((a, b) => a.card.due - b.card.due || a.card.box - b.card.box || a.index - b.index);
	return [...seen.map((s) => s.id), ...fresh];
}

/**
 * The card to show now: the first due card, or else a box-1 card due within LEARN_AHEAD
 * (`ahead: true`), or nothing.
 */
export function nextCard(
	ids: readonly string[],
	progress: Progress,
	now: number
): { id: string; ahead: boolean } | undefined {
	const [first] = dueCards(ids, progress, now);
	if (first !== undefined) return { id: first, ahead: false };
	const soon = dueCards(ids, progress, now + LEARN_AHEAD).filter((id) => progress[id]?.box === 1);
	return soon.length > 0 ? { id: soon[0], ahead: true } : undefined;
}

export interface ReviewStats {
	total: number;
	/** Due now, new cards included. */
	due: number;
	new: number;
	/** Seen, but below LEARNED_BOX. */
	learning: number;
	learned: number;
	/** When the next card that is not due yet will be, if any. */
	nextDue?: number;
}

export function reviewStats(ids: readonly string[], progress: Progress, now: number): ReviewStats {
	const stats: ReviewStats = { total: ids.length, due: 0, new: 0, learning: 0, learned: 0 };
	for (const id of ids) {
		const card = progress[id];
		const status = cardStatus(card, now);
		if (status !== 'waiting') stats.due++;
		if (!card) stats.new++;
		else if (card.box >= LEARNED_BOX) stats.learned++;
		else stats.learning++;
		if (status === 'waiting' && (stats.nextDue === undefined || card!.due < stats.nextDue))
			stats.nextDue = card!.due;
	}
	return stats;
}

export type Direction = 'es-en' | 'en-es' | 'mixed';
export const DIRECTIONS: readonly Direction[] = ['es-en', 'en-es', 'mixed'];

/**
 * The language a card is shown in. Mixed alternates each card between reviews, starting from a
 * side fixed by its id, so a reload shows the same side and both sides get practised.
 */
export function promptLanguage(direction: Direction, id: string, reviews: number): 'es' | 'en' {
	if (direction === 'es-en') return 'es';
	if (direction === 'en-es') return 'en';
	let hash = 0;
	for (let i = 0; i < id.length; i++) hash = (hash * 31 + id.charCodeAt(i)) >>> 0;
	return (hash + reviews) % 2 === 0 ? 'es' : 'en';
}
