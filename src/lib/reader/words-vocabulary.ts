// The word popover's writes to the learner's vocabulary (POST /api/vocabulary), with
// the server's own message when it refuses, and a plain "not available" when the API is missing.
import type { Lang } from '$lib/core/types';

export type VocabularyWrite =
	| { ok: true }
	| { ok: false; reason: 'missing' }
	| { ok: false; reason: 'refused'; message: string };

export interface SaveWord {
	text: string;
	lang: Lang;
	translation?: string;
	context?: string;
	document?: string;
}

async function send(body: object, fetcher: typeof fetch): Promise<VocabularyWrite> {
	let response: Response;
	try {
		response = await fetcher('/api/vocabulary', {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify(body)
		});
	} catch (error) {
		return { ok: false, reason: 'refused', message: String(error) };
	}
	if (response.ok) return { ok: true };
	if (response.status === 404 || response.status === 405) return { ok: false, reason: 'missing' };
	const answer = (await response.json().catch(() => null)) as {
		error?: { message?: string };
	} | null;
	return {
		ok: false,
		reason: 'refused',
		message: answer?.error?.message ?? `HTTP ${response.status}`
	};
}

/**
 * Saves a word with its translation and sentence in one step, as known or being learnt. POST
 * rather than PATCH for "Known" too: PATCH would save an unsaved word without its translation
 * and sentence, and POST updates the status of a saved one the same way.
 */
export const saveWord = (
	word: SaveWord,
	status: 'known' | 'learning' = 'learning',
	fetcher: typeof fetch = fetch
) => send({ ...word, status }, fetcher);
