import { fail } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { getDb } from '$lib/server/db';
import { readForm } from '$lib/server/http';
import { learnerOf } from '$lib/server/learner';
import {
	rateReviewCard,
	REVIEW_DECKS,
	reviewState,
	type ReviewDeck
} from '$lib/server/vocabulary-review';
import { RATINGS, type RatingName } from '$lib/core/vocabulary';
import type { UserError } from '$lib/core/errors';

const deckOf = (value: string | null): ReviewDeck =>
	REVIEW_DECKS.includes(value as ReviewDeck) ? (value as ReviewDeck) : 'all';

export const load: PageServerLoad = ({ url, locals, cookies }) => {
	const deck = deckOf(url.searchParams.get('deck'));
	// A first visit shows the glossary's cards without making a learner: only a rating needs one.
	const learner = learnerOf({ locals, cookies, url }, { create: false });
	return { deck, review: reviewState(getDb(), learner ?? '', deck), now: new Date().toISOString() };
};

const RATING_UNKNOWN: UserError = { code: 'invalid-input', key: 'errors:choice-unknown' };

export const actions: Actions = {
	rate: async (event) => {
		const { form, failure } = await readForm(event.request);
		if (failure) return failure;
		const rating = form.get('rating');
		const ref = form.get('ref');
		const prompt = form.get('prompt');
		if (!RATINGS.includes(rating as RatingName) || typeof ref !== 'string')
			return fail(400, { error: RATING_UNKNOWN });
		const rated = rateReviewCard(getDb(), learnerOf(event), ref, rating as RatingName);
		if (!rated.ok) return fail(404, { error: rated.error });
		return {
			rated: {
				prompt: typeof prompt === 'string' ? prompt.slice(0, 500) : '',
				rating: rating as RatingName,
				due: rated.value.due,
				known: rated.value.known
			}
		};
	}
};
