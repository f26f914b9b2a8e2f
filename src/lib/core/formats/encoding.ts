// Bytes of a file from another tool, as text. What the field writes: UTF-8 (with or without a
// BOM), UTF-16 with a BOM (TMX 1.4b allows it; Excel's "Unicode Text" is UTF-16LE), and
// Windows-1252 (Excel's "CSV" on Windows, called ANSI). UTF-8 and UTF-16 are read when they are
// certain (a BOM, or bytes that are valid UTF-8). Windows-1252 is never guessed silently: it is
// recognised and offered in the error, and read only when the person (or the XML declaration)
// says so, because the same bytes could be another code page.
import { fail, ok, type Result, type UserError } from '../errors';
import { checkUserText, MAX_INPUT_BYTES } from '../text/decode';

export const TEXT_ENCODINGS = ['utf-8', 'utf-16le', 'utf-16be', 'windows-1252'] as const;
export type TextEncoding = (typeof TEXT_ENCODINGS)[number];

/** Names people and XML declarations use for the encodings we read. */
export function encodingNamed(name: string): TextEncoding | undefined {
	const key = name.trim().toLowerCase().replace(/_/g, '-');
	if (key === 'utf-8' || key === 'utf8') return 'utf-8';
	if (key === 'utf-16le') return 'utf-16le';
	if (key === 'utf-16be') return 'utf-16be';
	if (
		['cp1252', 'windows-1252', 'win-1252', 'ansi', 'latin1', 'latin-1', 'iso-8859-1'].includes(key)
	)
		// ISO-8859-1 as declared by XML files is read as its superset, as browsers do (WHATWG).
		return 'windows-1252';
	return undefined;
}

export interface DecodedText {
	text: string;
	encoding: TextEncoding;
}

const tooLarge = () =>
	fail<DecodedText>('text-too-large', { limitMb: MAX_INPUT_BYTES / 1024 / 1024 });

/** Bytes 0x81, 0x8D, 0x8F, 0x90, 0x9D have no character in Windows-1252. */
const UNDEFINED_IN_1252 = new Set([0x81, 0x8d, 0x8f, 0x90, 0x9d]);

/** UTF-16 without a BOM: a NUL in every other byte of mostly-ASCII text. */
function utf16WithoutBom(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | undefined {
	const n = Math.min(bytes.length - (bytes.length % 2), 2000);
	if (n < 4) return undefined;
	let even = 0;
	let odd = 0;
	for (let i = 0; i < n; i += 2) {
		if (bytes[i] === 0) even++;
		if (bytes[i + 1] === 0) odd++;
	}
	const pairs = n / 2;
	if (odd > pairs * 0.4 && even === 0) return 'utf-16le';
	if (even > pairs * 0.4 && odd === 0) return 'utf-16be';
	return undefined;
}

/** The encoding an XML declaration names, read from ASCII-compatible bytes. */
function declaredXmlEncoding(bytes: Uint8Array): TextEncoding | undefined {
	const head = String.fromCharCode(...bytes.subarray(0, 200));
	const match = /^<\?xml[^>]*\sencoding\s*=\s*["']([^"']+)["']/.exec(head);
	return match ? encodingNamed(match[1]) : undefined;
}

/** The bytes as UTF-8 text (a leading BOM dropped), or undefined when they are not valid UTF-8. */
function asUtf8(bytes: Uint8Array): string | undefined {
	try {
		return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
	} catch {
		return undefined;
	}
}

const isUtf8 = (bytes: Uint8Array) => asUtf8(bytes) !== undefined;

/**
 * Decodes a file's bytes. `encoding` is the person's choice (e.g. "windows-1252" after the
 * error offered it); without one, the BOM, then UTF-8, then the XML declaration decide.
 */
export function decodeFileBytes(
	bytes: Uint8Array,
	options: { encoding?: TextEncoding } = {}
): Result<DecodedText> {
	if (bytes.length > MAX_INPUT_BYTES * 2) return tooLarge();
	let encoding: TextEncoding | undefined = options.encoding;
	// Windows-1252, when chosen, is for the files that are not UTF-8 (one choice covers both
	// files of a pair): bytes that are valid UTF-8 practically never are Windows-1252 text, and
	// reading them so would garble every accent without a word.
	if (encoding === 'windows-1252' && isUtf8(bytes)) encoding = undefined;
	let start = 0;
	if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
		encoding ??= 'utf-8';
		start = encoding === 'utf-8' ? 3 : 0;
	} else if (bytes[0] === 0xff && bytes[1] === 0xfe) {
		encoding = 'utf-16le';
		start = 2;
	} else if (bytes[0] === 0xfe && bytes[1] === 0xff) {
		encoding = 'utf-16be';
		start = 2;
	}
	encoding ??= utf16WithoutBom(bytes);
	// Text without a BOM that is valid UTF-8: the test is the decoding, so it is kept rather than
	// done twice (a megabyte costs several milliseconds). With no BOM, dropping one changes nothing.
	let text: string | undefined;
	if (encoding === undefined) {
		text = asUtf8(bytes);
		if (text !== undefined) encoding = 'utf-8';
		else {
			encoding = declaredXmlEncoding(bytes);
			if (encoding === undefined || encoding === 'utf-8') return notUtf8(bytes);
		}
	}
	if (encoding === 'utf-8' && bytes.length > MAX_INPUT_BYTES) return tooLarge();
	if (text === undefined)
		try {
			text = new TextDecoder(encoding, { fatal: true, ignoreBOM: true }).decode(
				bytes.subarray(start)
			);
		} catch {
			return encoding === 'utf-8' ? notUtf8(bytes) : fail('file-not-utf8');
		}
	// Control characters (binary data), size and emptiness: the one check every entry point uses.
	const checked = checkUserText(text);
	return checked.ok ? ok({ text: checked.value, encoding }) : checked;
}

/** Not UTF-8: offer Windows-1252 when every byte means something there, else say so plainly. */
function notUtf8(bytes: Uint8Array): Result<DecodedText> {
	for (const b of bytes) if (b === 0) return fail('file-binary');
	const fits1252 = !bytes.some((b) => UNDEFINED_IN_1252.has(b));
	if (!fits1252) return fail('file-not-utf8');
	const error: UserError = {
		code: 'file-not-utf8',
		key: 'errors:file-looks-cp1252',
		params: { encoding: 'windows-1252' }
	};
	return { ok: false, error };
}
