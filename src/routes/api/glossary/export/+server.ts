import type { RequestHandler } from './$types';
import { getDb } from '$lib/server/db';
import { exportGlossary, isGlossaryFormat } from '$lib/server/glossary';
import { errorResponse } from '$lib/server/http';
import { userError } from '$lib/core/errors';

/**
 * The whole glossary as a download: `?format=csv` (the default) or `?format=tbx` (TBX-Basic v2,
 * what OmegaT and translate-toolkit read; `&version=3` for TBX v3).
 */
export const GET: RequestHandler = ({ url, locals }) => {
	const format = url.searchParams.get('format') ?? 'csv';
	if (!isGlossaryFormat(format))
		return errorResponse(
			userError('invalid-input', { detail: 'format must be csv or tbx' }),
			locals.lang
		);
	const version = url.searchParams.get('version') ?? '2';
	if (version !== '2' && version !== '3')
		return errorResponse(
			userError('invalid-input', { detail: 'version must be 2 or 3' }),
			locals.lang
		);
	const file = exportGlossary(getDb(), format, { tbxVersion: version === '3' ? 3 : 2 });
	return new Response(file.body, {
		headers: {
			'content-type': file.contentType,
			'content-disposition': `attachment; filename="${file.filename}"`
		}
	});
};
