// The HTTP edge of UserErrors: JSON bodies with a code and a message in the caller's language,
// and form bodies read without letting a malformed one become a 500.
import { fail, json, type ActionFailure } from '@sveltejs/kit';
import type { UserError } from '$lib/core/errors';
import { MAX_INPUT_BYTES } from '$lib/core/text/decode';
import { parseJsonObject } from '$lib/server/json-body';
import { createTranslator } from '$lib/i18n/translator';
import type { UiLanguage } from '$lib/i18n/resources';

const STATUS: Partial<Record<UserError['code'], number>> = {
	'text-too-large': 413,
	'not-found': 404,
	conflict: 409
};

export function errorResponse(error: UserError, lang: UiLanguage): Response {
	const t = createTranslator(lang);
	return json(
		{
			error: { code: error.code, message: t(error.key, error.params), params: error.params ?? {} }
		},
		{ status: STATUS[error.code] ?? 400 }
	);
}

const MB = 1024 * 1024;

/**
 * The largest JSON body for `texts` texts: each may be MAX_INPUT_BYTES (5 MB), and quoting and
 * escaping in JSON (newlines, quotes, tabs) makes it longer, so a quarter more per text plus
 * 64 KB for the rest of the object. Two 4.6 MB sides fit; start.js sets adapter-node's
 * BODY_SIZE_LIMIT above this, so this check (and its message) decides.
 */
export function jsonBodyLimit(texts: number): number {
	return Math.ceil(texts * MAX_INPUT_BYTES * 1.25) + 64 * 1024;
}

function bodyTooLarge(texts: number): UserError {
	return {
		code: 'text-too-large',
		key: 'errors:body-too-large',
		params: {
			limitMb: Math.round((jsonBodyLimit(texts) / MB) * 10) / 10,
			perTextMb: MAX_INPUT_BYTES / MB
		}
	};
}

/**
 * Reads the bytes of a body meant to hold up to `texts` texts, refusing an oversized one (by its
 * Content-Length before reading, by its size after) with the real cap named.
 */
export async function readBodyBytes(
	request: Request,
	{ texts = 1 }: { texts?: number } = {}
): Promise<{ ok: true; value: ArrayBuffer } | { ok: false; error: UserError }> {
	const limit = jsonBodyLimit(texts);
	const declared = Number(request.headers.get('content-length') ?? 0);
	if (declared > limit) return { ok: false, error: bodyTooLarge(texts) };
	let bytes: ArrayBuffer;
	try {
		bytes = await request.arrayBuffer();
	} catch (cause) {
		const error = unreadableFormError(cause);
		return { ok: false, error: error.code === 'text-too-large' ? bodyTooLarge(texts) : error };
	}
	if (bytes.byteLength > limit) return { ok: false, error: bodyTooLarge(texts) };
	return { ok: true, value: bytes };
}

/**
 * Reads a JSON object body holding up to `texts` texts, refusing an oversized or malformed one
 * before parsing it. Each text's own 5 MB limit is checked by the caller, with its own message.
 */
export async function readJsonBody(
	request: Request,
	options: { texts?: number } = {}
): Promise<{ ok: true; value: Record<string, unknown> } | { ok: false; error: UserError }> {
	const bytes = await readBodyBytes(request, options);
	if (!bytes.ok) return bytes;
	return parseJsonObject(new Uint8Array(bytes.value));
}

/**
 * 503 with Retry-After: the bound on concurrent heavy jobs is reached. Said in the caller's
 * language; the client may simply retry after the given seconds.
 */
export function busyResponse(lang: UiLanguage, seconds = 5): Response {
	const t = createTranslator(lang);
	return json(
		{ error: { code: 'busy', message: t('errors:busy', { seconds }), params: { seconds } } },
		{ status: 503, headers: { 'retry-after': String(seconds) } }
	);
}

/** Why a form body could not be read: too large for the server, or not a form at all. */
export function unreadableFormError(cause: unknown): UserError {
	// adapter-node cuts a body over BODY_SIZE_LIMIT with a 413 error; that limit may be lower
	// than Puente's own 5 MB per text, so the message names the form, not the text.
	const tooLarge = (cause as { status?: unknown } | null)?.status === 413;
	return tooLarge
		? { code: 'text-too-large', key: 'errors:form-too-large' }
		: { code: 'invalid-input', key: 'errors:form-unreadable' };
}

type FormRead<T> = { form: FormData; failure?: undefined } | { form?: undefined; failure: T };

/**
 * Reads a form action's body. A body that cannot be parsed (malformed multipart, a missing
 * boundary, cut off, over the size limit) becomes a `fail` the page can show, never a 500.
 * `shape` puts the error where the action's page looks for it (`{ error }` unless given).
 */
export async function readForm<T = { error: UserError }>(
	request: Request,
	shape: (error: UserError) => T = (error) => ({ error }) as unknown as T
): Promise<FormRead<ActionFailure<T>>> {
	try {
		return { form: await request.formData() };
	} catch (cause) {
		const error = unreadableFormError(cause);
		return { failure: fail(error.code === 'text-too-large' ? 413 : 400, shape(error)) };
	}
}
