// GET /doc/<slug>/reader.json[?with=<partner slug>][&part=<n>]: what the reader page shows (the
// same `reader` as its load function, with `analysis`), as JSON written once per version and kept,
// with an ETag; with `part`, one part of it (reader/parts: a book comes in parts). For a page that fetches the reader data itself (a long book: SvelteKit's
// serialisation of megabytes of load data on every visit costs more than the data).
import type { RequestHandler } from './$types';
import { getDb } from '$lib/server/db';
import { readerJson } from '$lib/server/reader';
import { errorResponse } from '$lib/server/http';
import { userError } from '$lib/core/errors';

export const GET: RequestHandler = ({ params, url, request, locals }) => {
	const part = url.searchParams.get('part');
	if (part !== null && !/^\d+$/.test(part))
		return errorResponse(userError('not-found'), locals.lang);
	const found = readerJson(
		getDb(),
		params.id,
		url.searchParams.get('with') ?? undefined,
		part === null ? undefined : Number(part)
	);
	if (!found) return errorResponse(userError('not-found'), locals.lang);
	const headers = { etag: found.etag, 'cache-control': 'no-cache' };
	if (request.headers.get('if-none-match') === found.etag)
		return new Response(null, { status: 304, headers });
	return new Response(found.body as Uint8Array<ArrayBuffer>, {
		headers: { ...headers, 'content-type': 'application/json; charset=utf-8' }
	});
};
