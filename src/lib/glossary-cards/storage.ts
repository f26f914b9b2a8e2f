// What the review cards keep in the browser (localStorage), as text: read defensively, since the
// stored value may be from an older version, edited by hand, or written by another tab.
import { BOX_COUNT, DIRECTIONS, type CardProgress, type Direction, type Progress } from './leitner';

export const STORAGE_KEY = 'puente-glossary-cards';

export interface StoredReview {
	direction: Direction;
	/** A glossary type, or '' for all types. */
	type: string;
	progress: Progress;
}

export const emptyReview = (): StoredReview => ({ direction: 'es-en', type: '', progress: {} });

const isCard = (value: unknown): value is CardProgress => {
	const card = value as CardProgress;
	return (
		!!card &&
		typeof card === 'object' &&
		Number.isInteger(card.box) &&
		card.box >= 1 &&
		card.box <= BOX_COUNT &&
		Number.isFinite(card.due) &&
		Number.isInteger(card.reviews) &&
		card.reviews >= 0
	);
};

/** The stored review, or a fresh one; a malformed card is dropped, the rest kept. */
export function parseStoredReview(text: string | null | undefined): StoredReview {
	const review = emptyReview();
	if (!text) return review;
	let raw: unknown;
	try {
		raw = JSON.parse(text);
	} catch {
		return review;
	}
	if (!raw || typeof raw !== 'object' || (raw as { version?: unknown }).version !== 1)
		return review;
	const { direction, type, cards } = raw as {
		direction?: unknown;
		type?: unknown;
		cards?: unknown;
	};
	if (DIRECTIONS.includes(direction as Direction)) review.direction = direction as Direction;
	if (typeof type === 'string') review.type = type;
	if (cards && typeof cards === 'object') {
		const progress: Record<string, CardProgress> = {};
		for (const [id, card] of Object.entries(cards))
			if (isCard(card)) progress[id] = { box: card.box, due: card.due, reviews: card.reviews };
		review.progress = progress;
	}
	return review;
}

export function serializeReview(review: StoredReview): string {
	return JSON.stringify({
		version: 1,
		direction: review.direction,
		type: review.type,
		cards: review.progress
	});
}
