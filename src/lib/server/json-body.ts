// A request body read as a JSON object, the one shape every JSON endpoint takes: decoded (UTF-8,
// or UTF-16 by its BOM), parsed, and refused as invalid input unless it is an object (not an
// array, a string, a number or null). The fields are the caller's to check.
//
// Relative imports only: the worker's jobs (analysis-jobs.ts, request-jobs.ts) use it, and in
// development and tests the worker loads them through tsx, where the `$lib` alias does not exist.
import { userError, type Result } from '../core/errors';
import { decodeBodyText } from '../core/text/decode';

export function parseJsonObject(bytes: Uint8Array): Result<Record<string, unknown>> {
	// Bytes that are not UTF-8 are refused here, never turned into U+FFFD and read on.
	const text = decodeBodyText(bytes);
	if (!text.ok) return text;
	let value: unknown;
	try {
		value = JSON.parse(text.value);
	} catch {
		value = undefined;
	}
	if (!value || typeof value !== 'object' || Array.isArray(value))
		return { ok: false, error: userError('invalid-input', { detail: 'expected a JSON object' }) };
	return { ok: true, value: value as Record<string, unknown> };
}
