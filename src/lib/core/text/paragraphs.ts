// Paragraphs: blocks of text separated by a blank line. Offsets are UTF-16 indices into the
// original string; a paragraph is trimmed of the white space around it.
import type { Paragraph } from '../types';

/** A line with nothing but white space on it ends a paragraph ("\n\n", "\r\n \r\n"). */
const BLANK_LINE = /\r?\n[^\S\r\n]*(?:\r?\n[^\S\r\n]*)+/g;

export function segmentParagraphs(text: string): Paragraph[] {
	const paragraphs: Paragraph[] = [];
	let from = 0;
	BLANK_LINE.lastIndex = 0;
	for (let m = BLANK_LINE.exec(text); m; m = BLANK_LINE.exec(text)) {
		pushTrimmed(text, from, m.index, paragraphs);
		from = m.index + m[0].length;
	}
	pushTrimmed(text, from, text.length, paragraphs);
	return paragraphs;
}

function pushTrimmed(text: string, start: number, end: number, out: Paragraph[]): void {
	while (start < end && isSpace(text.charCodeAt(start))) start++;
	while (end > start && isSpace(text.charCodeAt(end - 1))) end--;
	if (end > start) out.push({ start, end });
}

/** White space as JavaScript's \s sees it, without a regular expression per character. */
export function isSpace(code: number): boolean {
	return (
		code === 0x20 ||
		(code >= 0x09 && code <= 0x0d) ||
		code === 0xa0 ||
		code === 0x1680 ||
		(code >= 0x2000 && code <= 0x200a) ||
		code === 0x2028 ||
		code === 0x2029 ||
		code === 0x202f ||
		code === 0x205f ||
		code === 0x3000 ||
		code === 0xfeff
	);
}
