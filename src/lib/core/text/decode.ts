// Turns what a user gave us into text, or says clearly why it can't: empty, too large, binary
// or control characters (with the line), not UTF-8 (Windows-1252 offered), or characters already
// lost (U+FFFD). Every entry point (paste, upload, import, the API, the CLI) goes through here,
// so the same input gets the same answer everywhere. Pure: the caller reads the file or the body.
import { fail, ok, type Result, type UserError } from '../errors';
import { decodeFileBytes, type TextEncoding } from '../formats/encoding';

/** The largest input Puente accepts, in bytes (5 MB). */
export const MAX_INPUT_BYTES = 5 * 1024 * 1024;

// C0 controls other than tab, line feed, vertical tab, form feed and carriage return: no text a
// person wrote has them, binary data and broken exports do.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000e-\u001f]/;
/** What a decoder writes for bytes it could not read: the characters are already lost. */
const REPLACEMENT = '\ufffd';

/**
 * Checks text already decoded (pasted text, API strings, a decoded file): size, control
 * characters, replacement characters, emptiness. Drops a leading BOM.
 */
export function checkUserText(text: string): Result<string> {
	const clean = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
	if (utf8LongerThan(clean, MAX_INPUT_BYTES))
		return fail('text-too-large', { limitMb: MAX_INPUT_BYTES / 1024 / 1024 });
	const control = clean.search(CONTROL);
	if (control >= 0)
		return refuse('file-binary', 'errors:text-control-character', lineAt(clean, control));
	const lost = clean.indexOf(REPLACEMENT);
	if (lost >= 0)
		return refuse('file-not-utf8', 'errors:text-replacement-character', lineAt(clean, lost));
	if (clean.trim() === '') return fail('text-empty');
	return ok(clean);
}

/**
 * Bytes of a text a person gave (an upload, a CLI file or standard input) as checked text: the
 * same decoding as imports (UTF-8, UTF-16 by its BOM, Windows-1252 offered and read only when
 * chosen), then checkUserText.
 */
export function decodeUserBytes(
	bytes: Uint8Array,
	options: { encoding?: TextEncoding } = {}
): Result<string> {
	const decoded = decodeFileBytes(bytes, options);
	return decoded.ok ? ok(decoded.value.text) : decoded;
}

/**
 * An HTTP body that carries JSON: UTF-8 (RFC 8259), or UTF-16 when a BOM says so. Bytes that are
 * not valid UTF-8 are refused, never turned into U+FFFD.
 */
export function decodeBodyText(bytes: Uint8Array): Result<string> {
	let encoding: 'utf-8' | 'utf-16le' | 'utf-16be' = 'utf-8';
	if (bytes[0] === 0xff && bytes[1] === 0xfe) encoding = 'utf-16le';
	else if (bytes[0] === 0xfe && bytes[1] === 0xff) encoding = 'utf-16be';
	try {
		// The decoder drops the BOM it was named for.
		return ok(new TextDecoder(encoding, { fatal: true }).decode(bytes));
	} catch {
		return fail('file-not-utf8');
	}
}

function refuse(code: UserError['code'], key: string, line: number): Result<never> {
	return { ok: false, error: { code, key, params: { line } } };
}

/** The 1-based line of a UTF-16 offset. */
function lineAt(text: string, offset: number): number {
	let line = 1;
	for (let i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) line++;
	return line;
}

/**
 * Whether the text takes more than `limit` bytes in UTF-8, as utf8Length counts them. A UTF-16
 * code unit counts 1 to 3 bytes (a surrogate pair, two units, 4; a high surrogate ending the
 * text, 4), so only a text between about limit/3 and limit units long needs counting: a
 * command's megabyte of input was otherwise walked character by character, twice.
 */
function utf8LongerThan(text: string, limit: number): boolean {
	if (text.length > limit) return true;
	if (text.length * 3 + 1 <= limit) return false;
	return utf8Length(text) > limit;
}

/** UTF-8 byte length without allocating (the core also runs in the browser, where Buffer is absent). */
function utf8Length(text: string): number {
	let bytes = 0;
	for (let i = 0; i < text.length; i++) {
		const c = text.charCodeAt(i);
		if (c < 0x80) bytes += 1;
		else if (c < 0x800) bytes += 2;
		else if (c >= 0xd800 && c <= 0xdbff) {
			bytes += 4;
			i++;
		} else bytes += 3;
	}
	return bytes;
}
