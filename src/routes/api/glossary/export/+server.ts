import type { RequestHandler } from './$types';
import { getDb } from '$lib/server/db';
import { exportGlossary, isGlossaryFormat } from '$lib/server/glossary';
import { errorResponse } from '$lib/server/http';
import { userError } from '$lib/core/errors';

/** The whole glossary as a download: `?format=csv` (the default) or `?format=tbx` (TBX-Basic). */
export const GET: RequestHandler = ({ url, locals }) => {
	const format = url.searchParams.get('format') ?? 'csv';
	if (!isGlossaryFormat(format))
		return errorResponse(
			userError('invalid-input', { detail: 'format must be csv or tbx' }),
			locals.lang
		);
	const file = exportGlossary(getDb(), format);
	return new Response(file.body, {
		headers: {
			'content-type': file.contentType,
			'content-disposition': `attachment; filename="${file.filename}"`
		}
	});
};
