// The rating form action, shared by the review page and the glossary's cards page (which shows
// the glossary deck of the same store).
import { fail, type RequestEvent } from '@sveltejs/kit';
import { getDb } from './db';
import { readForm } from './http';
import { storeWritable } from './write-turns';
import { learnerOf } from './learner';
import { rateReviewCard } from './vocabulary-review';
import { RATINGS, type RatingName } from '$lib/core/vocabulary';
import type { UserError } from '$lib/core/errors';

const RATING_UNKNOWN: UserError = { code: 'invalid-input', key: 'errors:choice-unknown' };

export async function rateAction(event: RequestEvent) {
	const { form, failure } = await readForm(event.request);
	if (failure) return failure;
	const rating = form.get('rating');
	const ref = form.get('ref');
	const prompt = form.get('prompt');
	if (!RATINGS.includes(rating as RatingName) || typeof ref !== 'string')
		return fail(400, { error: RATING_UNKNOWN });
	await storeWritable();
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
