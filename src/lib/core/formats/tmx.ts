// Translation memories in TMX 1.4b: written from beads (valid against the LISA DTD), read
// back with fast-xml-parser into pairs, with a clear error for anything malformed.
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { fail, ok, type Result } from '../errors';
import type { Bead } from '../types';

export interface TmxOptions {
	srcLang?: string;
	tgtLang?: string;
	/** ISO 8601 basic form, e.g. 20240131T120000Z; omitted when absent (keeps output reproducible). */
	creationDate?: string;
	toolVersion?: string;
}

export interface TranslationUnit {
	en: string;
	es: string;
	confidence?: number;
}

/** Characters XML 1.0 forbids even as references (C0 controls other than tab, LF, CR; lone surrogates). */
const NOT_XML =
	// eslint-disable-next-line no-control-regex
	/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

export function escapeXml(text: string): string {
	return text
		.replace(NOT_XML, '')
		.replace(/&/g, '&amp;')
		.replace(/</g, '&lt;')
		.replace(/>/g, '&gt;')
		.replace(/"/g, '&quot;');
}

/**
 * One `<tu>` per bead with text on both sides (a memory holds translations; omissions have
 * none). The bead's confidence rides along as `<prop type="x-confidence">`.
 */
export function writeTmx(
	beads: readonly Bead[],
	en: readonly string[],
	es: readonly string[],
	options: TmxOptions = {}
): string {
	const src = options.srcLang ?? 'en';
	const tgt = options.tgtLang ?? 'es';
	const date = options.creationDate ? ` creationdate="${escapeXml(options.creationDate)}"` : '';
	const join = (units: readonly string[], indices: number[]) =>
		escapeXml(indices.map((i) => units[i].trim()).join(' '));
	const units = beads
		.filter((b) => b.en.length > 0 && b.es.length > 0)
		.map(
			(b) =>
				`    <tu>\n      <prop type="x-confidence">${b.confidence.toFixed(3)}</prop>\n` +
				`      <tuv xml:lang="${escapeXml(src)}"><seg>${join(en, b.en)}</seg></tuv>\n` +
				`      <tuv xml:lang="${escapeXml(tgt)}"><seg>${join(es, b.es)}</seg></tuv>\n    </tu>\n`
		)
		.join('');
	return (
		`<?xml version="1.0" encoding="UTF-8"?>\n<tmx version="1.4">\n` +
		`  <header creationtool="Puente" creationtoolversion="${escapeXml(options.toolVersion ?? '0.0.1')}" segtype="sentence"` +
		` o-tmf="Puente" adminlang="en" srclang="${escapeXml(src)}" datatype="plaintext"${date}/>\n` +
		`  <body>\n${units}  </body>\n</tmx>\n`
	);
}

const invalid = (detail: string) =>
	fail<{ srcLang: string; units: TranslationUnit[] }>('format-invalid', { format: 'TMX', detail });

/** Reads the pairs of a TMX file: the English (or srclang) variant and the Spanish (or other) one. */
export function readTmx(
	text: string,
	languages: { en: string; es: string } = { en: 'en', es: 'es' }
): Result<{ srcLang: string; units: TranslationUnit[] }> {
	const check = XMLValidator.validate(text);
	if (check !== true) return invalid(`line ${check.err.line}: ${check.err.msg}`);
	const parser = new XMLParser({
		ignoreAttributes: false,
		attributeNamePrefix: '@',
		trimValues: false,
		parseTagValue: false,
		isArray: (name) => name === 'tu' || name === 'tuv' || name === 'prop'
	});
	let doc: Record<string, unknown>;
	try {
		doc = parser.parse(text);
	} catch (error) {
		return invalid(error instanceof Error ? error.message : 'unreadable XML');
	}
	const tmx = doc.tmx as Record<string, unknown> | undefined;
	if (!tmx || typeof tmx !== 'object') return invalid('no <tmx> root element');
	const header = tmx.header as Record<string, unknown> | undefined;
	if (!header || typeof header !== 'object') return invalid('no <header>');
	const srcLang = String(header['@srclang'] ?? '');
	const body = tmx.body;
	if (body === undefined) return invalid('no <body>');
	const tus =
		(typeof body === 'object' && body ? (body as Record<string, unknown>).tu : undefined) ?? [];
	const units: TranslationUnit[] = [];
	for (const [k, tu] of (tus as Record<string, unknown>[]).entries()) {
		const variants = (tu.tuv ?? []) as Record<string, unknown>[];
		const byLang = new Map<string, string>();
		for (const tuv of variants) {
			const lang = String(tuv['@xml:lang'] ?? tuv['@lang'] ?? '').toLowerCase();
			if (!lang) return invalid(`translation unit ${k + 1}: a <tuv> without xml:lang`);
			if (tuv.seg === undefined) return invalid(`translation unit ${k + 1}: a <tuv> without <seg>`);
			byLang.set(lang.split(/[-_]/)[0], textOf(tuv.seg).trim());
		}
		const confidenceProp = ((tu.prop ?? []) as Record<string, unknown>[]).find(
			(p) => p['@type'] === 'x-confidence'
		);
		const confidence = confidenceProp ? Number(textOf(confidenceProp)) : undefined;
		units.push({
			en: byLang.get(languages.en) ?? '',
			es: byLang.get(languages.es) ?? '',
			...(confidence !== undefined && Number.isFinite(confidence) ? { confidence } : {})
		});
	}
	return ok({ srcLang, units });
}

/** Text of a segment, inline markup (bpt, ph, hi…) reduced to the text it holds. */
function textOf(node: unknown): string {
	if (node === null || node === undefined) return '';
	if (typeof node !== 'object') return String(node);
	if (Array.isArray(node)) return node.map(textOf).join('');
	return Object.entries(node as Record<string, unknown>)
		.filter(([key]) => !key.startsWith('@'))
		.map(([, value]) => textOf(value))
		.join('');
}
