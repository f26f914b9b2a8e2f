// What a CLI command needs from the outside world: where to write and how to read its input.
// Commands take it as a parameter so tests can run them in-process.
import { readFile, stat } from 'node:fs/promises';
import { fail, type Result, type UserError } from '../lib/core/errors';
import { decodeUserBytes } from '../lib/core/text/decode';
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

async function readStdin(): Promise<Uint8Array> {
	const chunks: Buffer[] = [];
	for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
	return Buffer.concat(chunks);
}

/** Reads a file path (or `-` for standard input) into validated text. */
export async function readTextInput(path: string, io: CliIO): Promise<Result<string>> {
	if (path === '-') return decodeUserBytes(await (io.stdin ?? readStdin)());
	try {
		const info = await stat(path);
		if (info.isDirectory()) return fail('file-is-directory', { path });
	} catch {
		return fail('file-not-found', { path });
	}
	return decodeUserBytes(await readFile(path));
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
