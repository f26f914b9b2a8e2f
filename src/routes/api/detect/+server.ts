// POST /api/detect: `{ "text": "…" }` → `{ runs, sentences }`. A short text is detected here
// (a few milliseconds); a longer one (detection costs about 3 ms of CPU per kilobyte) in the
// worker pool, never on the event loop, and past the bound on heavy jobs the answer is 503 with
// Retry-After.
import type { RequestHandler } from './$types';
import { busyResponse, errorResponse, readBodyBytes } from '$lib/server/http';
import { heavyJobs } from '$lib/server/heavy-jobs';
import { detectRequest } from '$lib/server/request-jobs';

/** Bodies up to this size are detected on the request's thread (well under 50 ms). */
const INLINE_BYTES = 8 * 1024;

export const POST: RequestHandler = async ({ request, locals }) => {
	const declared = Number(request.headers.get('content-length') ?? 0);
	// Refuse before reading megabytes that could not be detected now anyway.
	if (declared > INLINE_BYTES && heavyJobs.full()) return busyResponse(locals.lang);
	const body = await readBodyBytes(request);
	if (!body.ok) return errorResponse(body.error, locals.lang);
	const result =
		body.value.byteLength <= INLINE_BYTES
			? detectRequest(body.value)
			: await heavyJobs.run({ kind: 'detect-request', body: body.value }, [body.value]);
	if (result === 'busy') return busyResponse(locals.lang);
	if (!result.ok) return errorResponse(result.error, locals.lang);
	return new Response(result.body, {
		headers: { 'content-type': 'application/json; charset=utf-8' }
	});
};
