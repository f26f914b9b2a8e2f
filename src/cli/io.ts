// What a CLI command needs from the outside world: where to write and how to read its input.
// Commands take it as a parameter so tests can run them in-process.
import { type Result, type UserError } from '../lib/core/errors';
import { decodeUserBytes } from '../lib/core/text/decode';
import type { TextEncoding } from '../lib/core/formats/encoding';
import { readInputBytes } from './convert';
import { createTranslator } from '../lib/i18n/translator';

export interface CliIO {
	stdout: (text: string) => void;
	stderr: (text: string) => void;
	/** Bytes of standard input; defaults to the process's own. */
	stdin?: () => Promise<Uint8Array>;
}

/** Exit codes: 0 success, 1 internal failure, 2 bad input or usage. */
export const EXIT_OK = 0;
export const EXIT_BAD_INPUT = 2;

/**
 * Reads a file path (or `-` for standard input) into validated text: the size limit checked
 * while reading (a device or a pipe is never read past it), then the same decoding and checks
 * as uploads and imports.
 */
export async function readTextInput(
	path: string,
	io: CliIO,
	options: { encoding?: TextEncoding } = {}
): Promise<Result<string>> {
	const bytes = await readInputBytes(path, io);
	if (!bytes.ok) return bytes;
	return decodeUserBytes(bytes.value, options);
}

/** The CLI speaks the user's language as the environment gives it (LANG=es_PE.UTF-8 → Spanish). */
export function cliLanguage(env: NodeJS.ProcessEnv = process.env): 'en' | 'es' {
	const lang = env.LC_ALL || env.LC_MESSAGES || env.LANG || '';
	return lang.toLowerCase().startsWith('es') ? 'es' : 'en';
}

export function reportError(error: UserError, io: CliIO): number {
	const t = createTranslator(cliLanguage());
	io.stderr(`puente: ${t(error.key, error.params)}\n`);
	return EXIT_BAD_INPUT;
}
