// What the review cards keep in localStorage survives a round trip, and a damaged value gives a
// usable review instead of an error.
import { describe, expect, it } from 'vitest';
import { emptyReview, parseStoredReview, serializeReview } from '$lib/glossary-cards/storage';

describe('stored review', () => {
	it('round-trips direction, type and progress', () => {
		const review = {
			direction: 'mixed' as const,
			type: 'place',
			progress: { puno: { box: 2, due: 1_700_000_000_000, reviews: 1 } }
		};
		expect(parseStoredReview(serializeReview(review))).toEqual(review);
	});

	it('starts fresh with nothing stored, bad JSON or an unknown version', () => {
		for (const text of [null, undefined, '', '{', '[]', '{"version":2,"cards":{}}'])
			expect(parseStoredReview(text)).toEqual(emptyReview());
	});

	it('drops a malformed card and an unknown direction, keeping the rest', () => {
		const review = parseStoredReview(
			JSON.stringify({
				version: 1,
				direction: 'sideways',
				cards: {
					good: { box: 2, due: 5, reviews: 1 },
					boxless: { due: 5, reviews: 1 },
					tooHigh: { box: 9, due: 5, reviews: 1 },
					nan: { box: 1, due: 'soon', reviews: 1 }
				}
			})
		);
		expect(review).toEqual({
			direction: 'es-en',
			type: '',
			progress: { good: { box: 2, due: 5, reviews: 1 } }
		});
	});
});
