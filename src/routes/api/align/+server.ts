// POST /api/align: the CLI's `puente align` over HTTP. JSON in; JSON out by default, or the
// alignment rendered as TMX, TSV or vecalign beads when `format` asks for it. Everything past
// reading the bytes (parsing, checking, aligning, writing the answer) runs in the worker pool,
// never on the event loop; past a bound on concurrent alignments the answer is 503 with
// Retry-After.
import type { RequestHandler } from './$types';
import type { AlignmentFormat } from '$lib/core/align/align-texts';
import { busyResponse, errorResponse, readBodyBytes } from '$lib/server/http';
import { heavyJobs } from '$lib/server/heavy-jobs';
import { createTranslator } from '$lib/i18n/translator';

const CONTENT_TYPES: Record<AlignmentFormat, string> = {
	json: 'application/json; charset=utf-8',
	tmx: 'application/x-tmx+xml; charset=utf-8',
	tsv: 'text/tab-separated-values; charset=utf-8',
	beads: 'text/plain; charset=utf-8'
};

export const POST: RequestHandler = async ({ request, locals }) => {
	// Refuse before reading 13 MB that could not be aligned now anyway.
	if (heavyJobs.full()) return busyResponse(locals.lang);
	const body = await readBodyBytes(request, { texts: 2 });
	if (!body.ok) return errorResponse(body.error, locals.lang);
	const result = await heavyJobs.run({ kind: 'align-request', body: body.value }, [body.value]);
	if (result === 'busy') return busyResponse(locals.lang);
	if (!result.ok) return errorResponse(result.error, locals.lang);
	const t = createTranslator(locals.lang);
	const warnings = result.warnings.map((w) => ({ code: w.code, message: t(w.key, w.params) }));
	if (result.format === 'json')
		// The worker wrote the rest of the object; the warnings, in the caller's language, go first.
		return new Response(`{"warnings":${JSON.stringify(warnings)},${result.body.slice(1)}`, {
			headers: { 'content-type': CONTENT_TYPES.json }
		});
	return new Response(result.body, {
		headers: {
			'content-type': CONTENT_TYPES[result.format],
			...(warnings.length
				? { 'puente-warnings': encodeURIComponent(JSON.stringify(warnings)) }
				: {})
		}
	});
};
