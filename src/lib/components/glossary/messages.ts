// Turns a glossary UserError into a sentence in the UI language. An import error names the
// entry, the field and the problem, each itself a translated string.
import type { UserError } from '$lib/core/errors';

type Translate = (key: string, options?: Record<string, unknown>) => string;

export function glossaryErrorMessage(t: Translate, error: UserError): string {
	const params: Record<string, unknown> = { ...error.params };
	if (typeof params.problem === 'string') params.problem = t(params.problem, error.params);
	if (typeof params.field === 'string') params.field = t(`glossary:fields.${params.field}`);
	return t(error.key, params);
}
