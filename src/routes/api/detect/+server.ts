import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { userError } from '$lib/core/errors';
import { checkUserText } from '$lib/core/text/decode';
import { detectLanguages } from '$lib/core/detect';
import { errorResponse, readJsonBody } from '$lib/server/http';

export const POST: RequestHandler = async ({ request, locals }) => {
	const body = await readJsonBody(request);
	if (!body.ok) return errorResponse(body.error, locals.lang);
	if (typeof body.value.text !== 'string')
		return errorResponse(
			userError('invalid-input', { detail: '"text" must be a string' }),
			locals.lang
		);
	const text = checkUserText(body.value.text);
	if (!text.ok) return errorResponse(text.error, locals.lang);
	const { runs, sentences } = detectLanguages(text.value);
	return json({ runs, sentences });
};
