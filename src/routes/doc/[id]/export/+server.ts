// Downloads a document's aligned pairs: ?format=tmx (TMX 1.4b), tsv, csv (with a BOM, for
// spreadsheets) or json.
import type { RequestHandler } from './$types';
import { userError } from '$lib/core/errors';
import { getDb } from '$lib/server/db';
import { buildExport, EXPORT_FORMATS, isExportFormat } from '$lib/server/contribute';
import { errorResponse } from '$lib/server/http';
import { storeWritable } from '$lib/server/write-turns';

export const GET: RequestHandler = async ({ params, url, locals }) => {
	const format = url.searchParams.get('format') ?? 'tmx';
	if (!isExportFormat(format))
		return errorResponse(
			userError('invalid-input', { detail: `format must be one of ${EXPORT_FORMATS.join(', ')}` }),
			locals.lang
		);
	// A text not analysed yet is analysed and aligned here, and stored: a write.
	await storeWritable();
	const file = buildExport(getDb(), params.id, format);
	if (!file.ok) return errorResponse(file.error, locals.lang);
	const { body, fileName, contentType } = file.value;
	return new Response(body, {
		headers: {
			'content-type': contentType,
			// The slug is ASCII already; filename* covers any other name.
			'content-disposition': `attachment; filename="${fileName.replace(/[^\w.-]/g, '_')}"; filename*=UTF-8''${encodeURIComponent(fileName)}`,
			'cache-control': 'no-store'
		}
	});
};
