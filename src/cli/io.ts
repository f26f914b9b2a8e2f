// What a CLI command needs from the outside world: where to write and how to read its input.
// Commands take it as a parameter so tests can run them in-process.
import { open, stat } from 'node:fs/promises';
import { fail, ok, type Result, type UserError } from '../lib/core/errors';
import { decodeUserBytes, MAX_INPUT_BYTES } from '../lib/core/text/decode';
import { encodingNamed, type TextEncoding } from '../lib/core/formats/encoding';
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

async function readStdinWithin(limit: number, io: CliIO): Promise<Result<Uint8Array>> {
	if (io.stdin) {
		const bytes = await io.stdin();
		return bytes.length > limit ? tooLarge() : ok(bytes);
	}
	const chunks: Buffer[] = [];
	let size = 0;
	for await (const chunk of process.stdin) {
		size += (chunk as Buffer).length;
		// Checked while reading: an endless stream (/dev/zero) stops here, not in memory.
		if (size > limit) return tooLarge();
		chunks.push(chunk as Buffer);
	}
	return ok(Buffer.concat(chunks));
}

const tooLarge = () =>
	fail<Uint8Array>('text-too-large', { limitMb: MAX_INPUT_BYTES / 1024 / 1024 });

/**
 * A file's bytes (or standard input's for "-"), refusing anything over the limit before reading
 * it. UTF-16 doubles the bytes of a text, so the byte limit is twice the text limit; the decoded
 * text is checked against the text limit afterwards.
 */
export async function readInputBytes(path: string, io: CliIO): Promise<Result<Uint8Array>> {
	const limit = MAX_INPUT_BYTES * 2;
	if (path === '-') return readStdinWithin(limit, io);
	try {
		const info = await stat(path);
		if (info.isDirectory()) return fail('file-is-directory', { path });
		if (info.isFile() && info.size > limit) return tooLarge();
	} catch {
		return fail('file-not-found', { path });
	}
	// Not a regular file (a device, a pipe): read at most one byte past the limit.
	const handle = await open(path, 'r');
	try {
		const buffer = Buffer.alloc(limit + 1);
		let length = 0;
		for (;;) {
			const { bytesRead } = await handle.read(buffer, length, buffer.length - length, null);
			if (bytesRead === 0) break;
			length += bytesRead;
			if (length > limit) return tooLarge();
		}
		return ok(new Uint8Array(buffer.subarray(0, length)));
	} finally {
		await handle.close();
	}
}

/** The --encoding option as one of ours (absent: decided from the bytes), or a message. */
export function encodingOption(
	value: string | undefined
): { encoding?: TextEncoding } | { problem: string } {
	if (value === undefined) return {};
	const encoding = encodingNamed(value);
	return encoding
		? { encoding }
		: {
				problem: createTranslator(cliLanguage())('contribute:cli.encodingUnknown', {
					encoding: value
				})
			};
}
