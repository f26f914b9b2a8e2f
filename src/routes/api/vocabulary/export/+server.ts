import type { RequestHandler } from './$types';
import { getDb } from '$lib/server/db';
import { learnerOf } from '$lib/server/learner';
import { exportVocabulary } from '$lib/server/vocabulary-transfer';

/** The learner's vocabulary, cards and review history as one JSON file (read back on /progress). */
export const GET: RequestHandler = ({ locals, cookies, url }) => {
	const learner = learnerOf({ locals, cookies, url }, { create: false });
	const day = new Date().toISOString().slice(0, 10);
	return new Response(JSON.stringify(exportVocabulary(getDb(), learner), null, '\t') + '\n', {
		headers: {
			'content-type': 'application/json; charset=utf-8',
			'content-disposition': `attachment; filename="puente-vocabulary-${day}.json"`,
			'cache-control': 'no-store'
		}
	});
};
