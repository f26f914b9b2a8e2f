// The XML reader every format here shares (TMX, TBX). fast-xml-parser does the tokenising in
// document order (preserveOrder), and this module does what XML 1.0 asks of a reader around it,
// so that a file from another tool reads exactly as that tool wrote it:
//   - line ends normalised (XML 1.0 §2.11: CRLF and CR are LF; a CR the tool meant is &#13;),
//   - the five predefined entities and numeric references (&#8217; &#xF1;) decoded, in text and
//     in attribute values, and CDATA kept verbatim,
//   - no external entity is ever fetched, and entity declarations are refused outright, which
//     also refuses "billion laughs" files before anything expands,
//   - any other entity (&nbsp; &lol9;) is an error with its line and column, never literal text.
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { fail, ok, type Result } from '../errors';

export interface XmlElement {
	name: string;
	attrs: Record<string, string>;
	children: XmlChild[];
}
export type XmlChild = XmlElement | string;

export const isElement = (child: XmlChild): child is XmlElement => typeof child !== 'string';

/** Where a problem is, counted as editors count: lines and columns from 1. */
export interface XmlPosition {
	line: number;
	column: number;
}

/** Line and column of a UTF-16 offset in `text`. */
export function positionAt(text: string, offset: number): XmlPosition {
	let line = 1;
	let lineStart = 0;
	for (let i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) {
		line++;
		lineStart = i + 1;
	}
	return { line, column: offset - lineStart + 1 };
}

const PREDEFINED: Record<string, string> = { amp: '&', lt: '<', gt: '>', apos: "'", quot: '"' };

/** Code points XML 1.0 allows (§2.2); a reference to any other is an error. */
const isXmlChar = (c: number) =>
	c === 0x9 ||
	c === 0xa ||
	c === 0xd ||
	(c >= 0x20 && c <= 0xd7ff) ||
	(c >= 0xe000 && c <= 0xfffd) ||
	(c >= 0x10000 && c <= 0x10ffff);

/** The character a reference stands for, or undefined when it is not a reference XML defines. */
function referenced(name: string): string | undefined {
	if (name in PREDEFINED) return PREDEFINED[name];
	const numeric = /^#(?:x([0-9a-fA-F]{1,6})|([0-9]{1,7}))$/.exec(name);
	if (!numeric) return undefined;
	const code = numeric[1] !== undefined ? parseInt(numeric[1], 16) : parseInt(numeric[2], 10);
	return isXmlChar(code) ? String.fromCodePoint(code) : undefined;
}

/** Decodes references in text the checker has already passed (so every one is known). */
export function decodeReferences(text: string): string {
	return text.includes('&')
		? text.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[a-zA-Z]+);/g, (all, name: string) => {
				return referenced(name) ?? all;
			})
		: text;
}

/**
 * A problem in English (`detail`, for logs) and as a `reason` with its values, which the pages
 * and the CLI turn into a sentence in the reader's language (contribute:formatDetail.*).
 */
export type XmlProblem = {
	detail: string;
	reason: 'xml-syntax' | 'entity-declaration' | 'entity-undefined' | 'ampersand' | 'bad-char-ref';
	values?: Record<string, string>;
} & XmlPosition;

/**
 * Finds the first reference XML would not resolve: outside comments, CDATA and processing
 * instructions, every "&" must start a predefined entity or a numeric reference to an XML character.
 */
function badReference(text: string): XmlProblem | undefined {
	const pattern =
		/<!--[\s\S]*?-->|<!\[CDATA\[[\s\S]*?\]\]>|<\?[\s\S]*?\?>|&([^;\s<&"']{0,40})(;?)/g;
	for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
		if (match[0][0] !== '&') continue;
		const [, name, semicolon] = match;
		if (semicolon && referenced(name) !== undefined) continue;
		const where = positionAt(text, match.index);
		const entity = `&${name};`;
		if (!semicolon)
			return {
				detail: 'an “&” that starts no reference (write it as &amp;)',
				reason: 'ampersand',
				...where
			};
		if (/^#/.test(name))
			return {
				detail: `“${entity}” is not a character XML allows`,
				reason: 'bad-char-ref',
				values: { entity },
				...where
			};
		return {
			detail: `the entity “${entity}” is not defined (only &amp; &lt; &gt; &apos; &quot; and numeric references are)`,
			reason: 'entity-undefined',
			values: { entity },
			...where
		};
	}
	return undefined;
}

const parser = new XMLParser({
	preserveOrder: true,
	ignoreAttributes: false,
	attributeNamePrefix: '',
	// Decoding is done here, with positions for errors and nothing expanded from a DOCTYPE.
	processEntities: false,
	htmlEntities: false,
	trimValues: false,
	parseTagValue: false,
	parseAttributeValue: false,
	cdataPropName: '#cdata',
	commentPropName: false,
	ignoreDeclaration: true,
	ignorePiTags: true
});

type Ordered = Record<string, unknown>;

function toChildren(items: Ordered[]): XmlChild[] {
	const children: XmlChild[] = [];
	for (const item of items) {
		if ('#text' in item) children.push(decodeReferences(String(item['#text'])));
		else if ('#cdata' in item) {
			const inner = item['#cdata'] as Ordered[];
			children.push(inner.map((t) => String(t['#text'] ?? '')).join(''));
		} else {
			const name = Object.keys(item).find((k) => k !== ':@');
			if (name === undefined) continue;
			const attrs: Record<string, string> = {};
			for (const [key, value] of Object.entries((item[':@'] ?? {}) as Record<string, unknown>))
				attrs[key] = decodeReferences(String(value));
			children.push({ name, attrs, children: toChildren((item[name] ?? []) as Ordered[]) });
		}
	}
	// Adjacent text (text, then CDATA) reads as one piece.
	return children.reduce<XmlChild[]>((merged, child) => {
		const last = merged[merged.length - 1];
		if (typeof child === 'string' && typeof last === 'string')
			merged[merged.length - 1] = last + child;
		else merged.push(child);
		return merged;
	}, []);
}

/** Text as an XML processor sees it: no BOM, line ends normalised. */
export function normaliseXmlText(text: string): string {
	return text.replace(/^\ufeff/, '').replace(/\r\n?/g, '\n');
}

/**
 * The document element of `text`, or a problem with its line and column. `text` should come from
 * normaliseXmlText so that the positions are those of the file.
 */
export function parseXml(text: string): { root: XmlElement } | { problem: XmlProblem } {
	const doctype = /<!DOCTYPE[^[>]*\[/i.exec(text);
	if (doctype) {
		const declaration = /<!ENTITY/i.exec(text.slice(doctype.index));
		if (declaration)
			return {
				problem: {
					detail:
						'entity declarations are refused (they can expand without bound, as in a “billion laughs” file)',
					reason: 'entity-declaration',
					...positionAt(text, doctype.index + declaration.index)
				}
			};
	}
	const valid = XMLValidator.validate(text);
	if (valid !== true)
		return {
			problem: {
				detail: valid.err.msg,
				reason: 'xml-syntax',
				values: { message: valid.err.msg },
				line: valid.err.line,
				column: valid.err.col
			}
		};
	const reference = badReference(text);
	if (reference) return { problem: reference };
	let items: Ordered[];
	try {
		items = parser.parse(text) as Ordered[];
	} catch (error) {
		return {
			problem: {
				detail: error instanceof Error ? error.message : 'unreadable XML',
				reason: 'xml-syntax',
				values: { message: error instanceof Error ? error.message : 'unreadable XML' },
				line: 1,
				column: 1
			}
		};
	}
	const root = toChildren(items).find(isElement);
	if (!root)
		return {
			problem: {
				detail: 'there is no root element',
				reason: 'xml-syntax',
				values: { message: 'there is no root element' },
				line: 1,
				column: 1
			}
		};
	return { root };
}

/** parseXml as a Result whose message names the format, the line and the column. */
export function readXml(text: string, format: string): Result<XmlElement> {
	const parsed = parseXml(text);
	if ('root' in parsed) return ok(parsed.root);
	return fail('format-invalid', problemParams(format, parsed.problem));
}

/** The parameters of a format-invalid error for an XML problem (see XmlProblem). */
export function problemParams(
	format: string,
	problem: XmlProblem
): Record<string, string | number> {
	const { detail, line, column, reason, values } = problem;
	return {
		format,
		detail: `line ${line}, column ${column}: ${detail}`,
		line,
		column,
		reason,
		...values
	};
}

/** Child elements called `name` (any namespace prefix aside). */
export const childrenNamed = (element: XmlElement, ...names: string[]): XmlElement[] =>
	element.children.filter(
		(c): c is XmlElement => isElement(c) && names.includes(c.name.replace(/^[^:]*:/, ''))
	);

/** All the text inside an element, markup ignored. */
export function textContent(element: XmlChild): string {
	return typeof element === 'string' ? element : element.children.map(textContent).join('');
}

/** Line and column of the n-th (0-based) start tag called `name`, to point at a structural problem. */
export function positionOfTag(text: string, name: string, n: number): XmlPosition {
	const pattern = new RegExp(
		`<!--[\\s\\S]*?-->|<!\\[CDATA\\[[\\s\\S]*?\\]\\]>|<${name}[\\s/>]`,
		'g'
	);
	let k = 0;
	for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
		if (!match[0].startsWith(`<${name}`)) continue;
		if (k++ === n) return positionAt(text, match.index);
	}
	return { line: 1, column: 1 };
}

/** XML 1.0 cannot carry these even as references (C0 controls other than tab, LF, CR; lone surrogates). */
export const NOT_XML =
	// eslint-disable-next-line no-control-regex
	/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/**
 * Escapes text for element content or a double-quoted attribute. A CR is written &#13; so that it
 * survives line-end normalisation on the way back in; every other character is written as is.
 */
export function escapeXml(text: string): string {
	return text
		.replace(NOT_XML, '')
		.replace(/&/g, '&amp;')
		.replace(/</g, '&lt;')
		.replace(/>/g, '&gt;')
		.replace(/"/g, '&quot;')
		.replace(/\r/g, '&#13;');
}
