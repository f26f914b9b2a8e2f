// Turns the bytes a user gave us into text, or says clearly why it can't: empty, too large,
// binary, or not UTF-8. Pure: the caller reads the file or the request body.
import { fail, ok, type Result } from '../errors';

/** The largest input Puente accepts, in bytes (5 MB). */
export const MAX_INPUT_BYTES = 5 * 1024 * 1024;

const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

/** Validates size and emptiness of text already decoded (API bodies, pasted text). */
export function checkUserText(text: string): Result<string> {
	const clean = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
	if (utf8Length(clean) > MAX_INPUT_BYTES)
		return fail('text-too-large', { limitMb: MAX_INPUT_BYTES / 1024 / 1024 });
	if (clean.trim() === '') return fail('text-empty');
	return ok(clean);
}

export function decodeUserBytes(bytes: Uint8Array): Result<string> {
	if (bytes.length > MAX_INPUT_BYTES)
		return fail('text-too-large', { limitMb: MAX_INPUT_BYTES / 1024 / 1024 });
	if (looksBinary(bytes)) return fail('file-binary');
	let text: string;
	try {
		// TextDecoder drops a leading BOM by default.
		text = decoder.decode(bytes);
	} catch {
		return fail('file-not-utf8');
	}
	return checkUserText(text);
}

/** NUL bytes or a high share of control characters mean this is not a text file. */
function looksBinary(bytes: Uint8Array): boolean {
	const n = Math.min(bytes.length, 8192);
	let control = 0;
	for (let i = 0; i < n; i++) {
		const b = bytes[i];
		if (b === 0) return true;
		if (b < 9 || (b > 13 && b < 32)) control++;
	}
	return n > 0 && control / n > 0.1;
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
