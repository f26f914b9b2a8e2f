import type { Actions, PageServerLoad } from './$types';
import { getDb } from '$lib/server/db';
import { learnerOf } from '$lib/server/learner';
import { rateAction } from '$lib/server/vocabulary-actions';
import { REVIEW_DECKS, reviewState, type ReviewDeck } from '$lib/server/vocabulary-review';

const deckOf = (value: string | null): ReviewDeck =>
	REVIEW_DECKS.includes(value as ReviewDeck) ? (value as ReviewDeck) : 'all';

export const load: PageServerLoad = ({ url, locals, cookies }) => {
	const deck = deckOf(url.searchParams.get('deck'));
	// A first visit shows the glossary's cards without making a learner: only a rating needs one.
	const learner = learnerOf({ locals, cookies, url }, { create: false });
	return { deck, review: reviewState(getDb(), learner ?? '', deck), now: new Date().toISOString() };
};

export const actions: Actions = { rate: rateAction };
