// Passage pairing inside one mixed document (placeholder until the language detector lands).
import { fail, type Result } from '../errors';

export function alignMixedText(_text: string): Result<never> {
	return fail('invalid-input', { detail: 'aligning a single mixed document needs the language detector, not yet available' });
}
