// The HTTP edge of UserErrors: JSON bodies with a code and a message in the caller's language,
// and form bodies read without letting a malformed one become a 500.
import { fail, json, type ActionFailure } from '@sveltejs/kit';
import type { UserError } from '$lib/core/errors';
import { userError } from '$lib/core/errors';
import { MAX_INPUT_BYTES } from '$lib/core/text/decode';
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

/** Reads a JSON object body, refusing oversized or malformed ones before parsing them. */
export async function readJsonBody(
	request: Request
): Promise<{ ok: true; value: Record<string, unknown> } | { ok: false; error: UserError }> {
	const declared = Number(request.headers.get('content-length') ?? 0);
	// A JSON string of 5 MB of text is a little more than 5 MB once quoted and escaped.
	const limit = MAX_INPUT_BYTES * 1.2 + 1024;
	if (declared > limit) return { ok: false, error: userError('text-too-large', { limitMb: 5 }) };
	let body: string;
	try {
		body = await request.text();
	} catch (cause) {
		return { ok: false, error: unreadableFormError(cause) };
	}
	if (body.length > limit) return { ok: false, error: userError('text-too-large', { limitMb: 5 }) };
	try {
		const value = JSON.parse(body);
		if (value && typeof value === 'object' && !Array.isArray(value)) return { ok: true, value };
	} catch {
		/* fall through to the error below */
	}
	return { ok: false, error: userError('invalid-input', { detail: 'expected a JSON object' }) };
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
