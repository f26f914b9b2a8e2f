// The learner's vocabulary: save an item (POST), mark it (PATCH), remove it (DELETE), and what
// the learner knows of a text (GET ?document=). Writes need a JSON body (see vocabulary-api.ts).
import { json } from '@sveltejs/kit';
import type { RequestEvent, RequestHandler } from './$types';
import { getDb } from '$lib/server/db';
import { errorResponse, readJsonBody } from '$lib/server/http';
import { learnerOf } from '$lib/server/learner';
import { crossSiteWriteError } from '$lib/server/vocabulary-api';
import {
	deleteItem,
	documentShare,
	formsOf,
	learnerWords,
	lemmaOfText,
	publicItem,
	saveItem,
	setItemStatus
} from '$lib/server/vocabulary';
import { checkSaveInput, checkStatusInput, VOCABULARY_LIMITS } from '$lib/core/vocabulary';
import type { UserError } from '$lib/core/errors';
import { storeWritable } from '$lib/server/write-turns';

const notFound: UserError = { code: 'not-found', key: 'errors:not-found' };

async function readWrite(event: RequestEvent) {
	const refused = crossSiteWriteError(event.request, event.url);
	if (refused) return { ok: false as const, error: refused, status: 403 };
	const body = await readJsonBody(event.request);
	return body.ok ? body : { ...body, status: undefined };
}

export const GET: RequestHandler = async ({ url, locals, cookies }) => {
	const learner = learnerOf({ locals, cookies, url }, { create: false });
	const words = learnerWords(getDb(), learner);
	const slug = url.searchParams.get('document');
	let share = null;
	if (slug !== null) {
		if (!slug || slug.length > VOCABULARY_LIMITS.document)
			return errorResponse(notFound, locals.lang);
		share = await documentShare(getDb(), learner, slug);
		if (!share) return errorResponse(notFound, locals.lang);
	}
	return json({ known: formsOf(words.known), learning: formsOf(words.learning), share });
};

export const POST: RequestHandler = async (event) => {
	const { locals } = event;
	const body = await readWrite(event);
	if (!body.ok) return withStatus(errorResponse(body.error, locals.lang), body.status);
	const input = checkSaveInput(body.value);
	if (!input.ok) return errorResponse(input.error, locals.lang);
	const lemma = await lemmaOfText(input.value.text, input.value.lang);
	await storeWritable();
	const { item, created } = saveItem(getDb(), learnerOf(event), input.value, lemma);
	return json({ item: publicItem(item) }, { status: created ? 201 : 200 });
};

export const PATCH: RequestHandler = async (event) => {
	const { locals } = event;
	const body = await readWrite(event);
	if (!body.ok) return withStatus(errorResponse(body.error, locals.lang), body.status);
	const input = checkStatusInput(body.value);
	if (!input.ok) return errorResponse(input.error, locals.lang);
	const lemma = await lemmaOfText(input.value.text, input.value.lang);
	await storeWritable();
	const item = setItemStatus(getDb(), learnerOf(event), input.value, lemma);
	return json({ item: publicItem(item) });
};

export const DELETE: RequestHandler = async (event) => {
	const { locals, url } = event;
	const refused = crossSiteWriteError(event.request, url);
	if (refused) return withStatus(errorResponse(refused, locals.lang), 403);
	const id = Number(url.searchParams.get('id'));
	if (!Number.isSafeInteger(id) || id <= 0)
		return errorResponse(
			{ code: 'invalid-input', key: 'errors:vocabulary.idInvalid' },
			locals.lang
		);
	const learner = learnerOf(event, { create: false });
	await storeWritable();
	const removed = learner
		? deleteItem(getDb(), learner, id)
		: { ok: false as const, error: notFound };
	if (!removed.ok) return errorResponse(removed.error, locals.lang);
	return new Response(null, { status: 204 });
};

function withStatus(response: Response, status: number | undefined): Response {
	return status ? new Response(response.body, { status, headers: response.headers }) : response;
}
