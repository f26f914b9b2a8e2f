// The HTTP edge of UserErrors: JSON bodies with a code and a message in the caller's language.
import { json } from '@sveltejs/kit';
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
	const body = await request.text();
	if (body.length > limit) return { ok: false, error: userError('text-too-large', { limitMb: 5 }) };
	try {
		const value = JSON.parse(body);
		if (value && typeof value === 'object' && !Array.isArray(value)) return { ok: true, value };
	} catch {
		/* fall through to the error below */
	}
	return { ok: false, error: userError('invalid-input', { detail: 'expected a JSON object' }) };
}
