// The glossary's cards are the glossary deck of the learner's review (FSRS, kept on the server
// with their saved words); this page shows that deck alone, linked from the glossary. Its ratings
// go to the review page's action, so there is one place that rates a card.
import type { PageServerLoad } from './$types';
import { getDb } from '$lib/server/db';
import { learnerOf } from '$lib/server/learner';
import { reviewState } from '$lib/server/vocabulary-review';

export const load: PageServerLoad = ({ url, locals, cookies }) => {
	const learner = learnerOf({ locals, cookies, url }, { create: false });
	return { review: reviewState(getDb(), learner ?? '', 'glossary'), now: new Date().toISOString() };
};
