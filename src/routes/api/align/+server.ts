// POST /api/align: the CLI's `puente align` over HTTP. JSON in; JSON out by default, or the
// alignment rendered as TMX, TSV or vecalign beads when `format` asks for it. The alignment runs
// in the worker pool, never on the event loop; past a bound on concurrent alignments the
// answer is 503 with Retry-After.
import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { userError } from '$lib/core/errors';
import { ALIGNMENT_FORMATS, type AlignmentFormat } from '$lib/core/align/align-texts';
import { busyResponse, errorResponse, readJsonBody } from '$lib/server/http';
import { heavyJobs } from '$lib/server/heavy-jobs';
import { createTranslator } from '$lib/i18n/translator';

const CONTENT_TYPES: Record<Exclude<AlignmentFormat, 'json'>, string> = {
	tmx: 'application/x-tmx+xml; charset=utf-8',
	tsv: 'text/tab-separated-values; charset=utf-8',
	beads: 'text/plain; charset=utf-8'
};

export const POST: RequestHandler = async ({ request, locals }) => {
	// Refuse before reading 13 MB that could not be aligned now anyway.
	if (heavyJobs.full()) return busyResponse(locals.lang);
	const body = await readJsonBody(request, { texts: 2 });
	if (!body.ok) return errorResponse(body.error, locals.lang);
	const { en, es, presplit, format } = body.value;
	if (typeof en !== 'string' || typeof es !== 'string')
		return errorResponse(
			userError('invalid-input', { detail: '"en" and "es" must be strings' }),
			locals.lang
		);
	if (format !== undefined && !ALIGNMENT_FORMATS.includes(format as AlignmentFormat))
		return errorResponse(
			userError('invalid-input', {
				detail: `format must be one of ${ALIGNMENT_FORMATS.join(', ')}`
			}),
			locals.lang
		);
	const result = await heavyJobs.run({
		kind: 'align-texts',
		input: { en, es, presplit: presplit === true, format: (format as AlignmentFormat) ?? 'json' }
	});
	if (result === 'busy') return busyResponse(locals.lang);
	if (!result.ok) return errorResponse(result.error, locals.lang);
	const t = createTranslator(locals.lang);
	const warnings = result.value.warnings.map((w) => ({
		code: w.code,
		message: t(w.key, w.params)
	}));
	if (format && format !== 'json')
		return new Response(result.value.output, {
			headers: {
				'content-type': CONTENT_TYPES[format as Exclude<AlignmentFormat, 'json'>],
				...(warnings.length
					? { 'puente-warnings': encodeURIComponent(JSON.stringify(warnings)) }
					: {})
			}
		});
	return json({
		beads: result.value.beads.map(({ en, es, confidence }) => ({ en, es, confidence })),
		en: result.value.enUnits,
		es: result.value.esUnits,
		warnings
	});
};
