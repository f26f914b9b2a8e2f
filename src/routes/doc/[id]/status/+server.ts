// GET /doc/<slug>/status: how far the background analysis of a text has come, for a page that
// shows the text unanalysed and polls until it is ready. Reads the store and memory only.
import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { getDb } from '$lib/server/db';
import { analysisFor } from '$lib/server/analysis';
import { errorResponse } from '$lib/server/http';
import { userError } from '$lib/core/errors';

export const GET: RequestHandler = ({ params, locals }) => {
	const db = getDb();
	const row = (
		/^\d+$/.test(params.id)
			? db.prepare('SELECT id FROM documents WHERE id = ?').get(Number(params.id))
			: db.prepare('SELECT id FROM documents WHERE slug = ?').get(params.id)
	) as { id: number } | undefined;
	if (!row) return errorResponse(userError('not-found'), locals.lang);
	const analysis = analysisFor(db);
	const status = analysis.status(row.id);
	if (status.state === 'pending') analysis.kick();
	return json(status, { headers: { 'cache-control': 'no-store' } });
};
