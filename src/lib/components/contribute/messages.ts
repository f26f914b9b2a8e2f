// A UserError as a sentence in the UI language. Language codes in its parameters ("the en
// side") become words ("the English side" / "el lado inglés"), and the TSV reader's reasons
// are translated rather than shown in English.
import type { UserError } from '$lib/core/errors';

type Translate = (key: string, options?: Record<string, unknown>) => string;

const LANGUAGE_PARAMS = new Set(['side', 'expected', 'detected']);

export function errorMessage(t: Translate, error: UserError): string {
	const params: Record<string, unknown> = { ...error.params };
	for (const [key, value] of Object.entries(params))
		if (LANGUAGE_PARAMS.has(key) && (value === 'en' || value === 'es' || value === 'und'))
			params[key] = t(`contribute:lang.${value}`);
	if (typeof params.reason === 'string')
		params.detail = t(`contribute:formatDetail.${params.reason}`, params);
	return t(error.key, params);
}
