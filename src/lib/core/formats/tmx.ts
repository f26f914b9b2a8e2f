// Translation memories in TMX 1.4b. Written from units (valid against the LISA DTD), read back
// with the shared XML reader (xml.ts) so that a file from OmegaT, translate-toolkit or Trados
// reads as its tool wrote it:
//   - inline codes: <bpt>, <ept>, <it>, <ph> and <ut> hold the native formatting codes of the
//     original file (e.g. "&lt;b0&gt;"), not text, so their content (and any <sub> inside it)
//     is dropped and counted; <hi> only marks up text, which stays where it is;
//   - whitespace inside a segment is kept as written (TMX segments are not XML-normalised);
//   - variants by language tag: "en", "en-US", "en-GB" are all English. When a unit has two
//     English variants (en and en-GB), one is chosen by a fixed rule and the others are
//     counted, never silently merged (see chooseVariant);
//   - Puente's own properties x-confidence and x-reviewed ride along, so an export reads back equal.
import { fail, ok, type Result } from '../errors';
import type { Bead } from '../types';
import {
	childrenNamed,
	escapeXml,
	isElement,
	normaliseXmlText,
	parseXml,
	positionOfTag,
	problemParams,
	textContent,
	type XmlChild,
	type XmlElement
} from './xml';

export { escapeXml } from './xml';

export interface TmxOptions {
	/** Language tags written as xml:lang, e.g. "en-GB" and "es-419"; default "en" and "es". */
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
	reviewed?: boolean;
}

/** Units of aligned beads: the sentences of a side joined by a space, each trimmed. */
export function unitsOfBeads(
	beads: readonly Bead[],
	en: readonly string[],
	es: readonly string[]
): TranslationUnit[] {
	const join = (units: readonly string[], indices: number[]) =>
		indices.length === 1 ? units[indices[0]] : indices.map((i) => units[i].trim()).join(' ');
	return beads.map((b) => ({
		en: join(en, b.en),
		es: join(es, b.es),
		confidence: b.confidence,
		...(b.reviewed ? { reviewed: true } : {})
	}));
}

/** Confidences are written with three decimals, as the JSON and TSV exports do. */
export const formatConfidence = (confidence: number) => confidence.toFixed(3);

/**
 * One `<tu>` per unit with text on both sides (a memory holds translations; omissions have
 * none). Texts are written exactly as given.
 */
export function writeTmxUnits(units: readonly TranslationUnit[], options: TmxOptions = {}): string {
	const src = options.srcLang ?? 'en';
	const tgt = options.tgtLang ?? 'es';
	const date = options.creationDate ? ` creationdate="${escapeXml(options.creationDate)}"` : '';
	const body = units
		.filter((u) => u.en.trim().length > 0 && u.es.trim().length > 0)
		.map((u) => {
			const props =
				(u.confidence !== undefined
					? `      <prop type="x-confidence">${formatConfidence(u.confidence)}</prop>\n`
					: '') + (u.reviewed ? `      <prop type="x-reviewed">yes</prop>\n` : '');
			return (
				`    <tu>\n${props}` +
				`      <tuv xml:lang="${escapeXml(src)}"><seg>${escapeXml(u.en)}</seg></tuv>\n` +
				`      <tuv xml:lang="${escapeXml(tgt)}"><seg>${escapeXml(u.es)}</seg></tuv>\n    </tu>\n`
			);
		})
		.join('');
	return (
		`<?xml version="1.0" encoding="UTF-8"?>\n<tmx version="1.4">\n` +
		`  <header creationtool="Puente" creationtoolversion="${escapeXml(options.toolVersion ?? '0.0.1')}" segtype="sentence"` +
		` o-tmf="Puente" adminlang="en" srclang="${escapeXml(src)}" datatype="plaintext"${date}/>\n` +
		`  <body>\n${body}  </body>\n</tmx>\n`
	);
}

/** The beads of an alignment as TMX (the aligner's output; see writeTmxUnits). */
export function writeTmx(
	beads: readonly Bead[],
	en: readonly string[],
	es: readonly string[],
	options: TmxOptions = {}
): string {
	return writeTmxUnits(unitsOfBeads(beads, en, es), options);
}

// ── Reading ─────────────────────────────────────────────────────────────────────────────

export interface TmxRead {
	srcLang: string;
	/** The language tags read on each side (the most frequent one), e.g. "en-GB"; to write back. */
	languages: { en: string; es: string };
	units: TranslationUnit[];
	/** What was not taken into the units, so that the caller can say so. */
	notes: {
		/** Inline codes (bpt, ept, it, ph, ut) whose native code was dropped from the text. */
		inlineCodes: number;
		/** Variants left out because the unit had another of the same language, by tag. */
		otherVariants: Record<string, number>;
	};
}

/**
 * `detail` in English for logs; `reason` and its values let pages and the CLI say it in the
 * reader's language (contribute:formatDetail.*).
 */
const invalid = (
	reason: string,
	values: Record<string, string | number>,
	detail: string,
	position?: [number, number]
) =>
	fail<TmxRead>('format-invalid', {
		format: 'TMX',
		reason,
		...values,
		detail: position ? `line ${position[0]}, column ${position[1]}: ${detail}` : detail,
		...(position ? { line: position[0], column: position[1] } : {})
	});

const CODES = new Set(['bpt', 'ept', 'it', 'ph', 'ut']);

/** The text of a segment: inline codes dropped (and counted), <hi> and unknown markup read through. */
function segmentText(children: XmlChild[], counter: { codes: number }): string {
	let text = '';
	for (const child of children) {
		if (!isElement(child)) text += child;
		else if (CODES.has(child.name)) counter.codes++;
		else text += segmentText(child.children, counter);
	}
	return text;
}

const primary = (tag: string) => tag.split(/[-_]/)[0].toLowerCase();

/**
 * Which of several variants of one language a unit is read from: the tag the caller asked for
 * (e.g. "en-GB"), else the header's srclang, else the bare language ("en"), else the first.
 */
function chooseVariant(
	variants: { tag: string; text: string }[],
	wanted: string,
	srcLang: string
): { tag: string; text: string } {
	const same = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();
	return (
		variants.find((v) => same(v.tag, wanted)) ??
		variants.find((v) => same(v.tag, srcLang)) ??
		variants.find((v) => same(v.tag, primary(v.tag))) ??
		variants[0]
	);
}

/**
 * Reads the pairs of a TMX file. `languages` names the two sides by language ("en", "es") or by
 * a full tag to prefer when a unit has several variants of one language ("en-GB").
 */
export function readTmx(
	input: string,
	languages: { en: string; es: string } = { en: 'en', es: 'es' }
): Result<TmxRead> {
	const text = normaliseXmlText(input);
	if (!text.trim()) return invalid('empty', {}, 'the file is empty');
	const parsed = parseXml(text);
	if ('problem' in parsed) return fail('format-invalid', problemParams('TMX', parsed.problem));
	const tmx = parsed.root;
	if (tmx.name !== 'tmx')
		return invalid(
			'not-tmx',
			{ root: tmx.name },
			`the root element is <${tmx.name}>, not <tmx>`,
			[1, 1]
		);
	const header = childrenNamed(tmx, 'header')[0];
	if (!header) return invalid('tmx-no-header', {}, 'no <header>', at(text, 'tmx', 0));
	const srcLang = header.attrs.srclang ?? '';
	const body = childrenNamed(tmx, 'body')[0];
	if (!body) return invalid('tmx-no-body', {}, 'no <body>', at(text, 'tmx', 0));

	const counter = { codes: 0 };
	const otherVariants: Record<string, number> = {};
	const tagCounts = { en: new Map<string, number>(), es: new Map<string, number>() };
	const units: TranslationUnit[] = [];
	const tus = childrenNamed(body, 'tu');
	let tuvIndex = 0;
	for (const [k, tu] of tus.entries()) {
		const bySide: Record<'en' | 'es', { tag: string; text: string }[]> = { en: [], es: [] };
		for (const tuv of childrenNamed(tu, 'tuv')) {
			const tag = (tuv.attrs['xml:lang'] ?? tuv.attrs.lang ?? '').trim();
			if (!tag)
				return invalid(
					'tuv-no-lang',
					{ unit: k + 1 },
					`translation unit ${k + 1}: a <tuv> without xml:lang`,
					at(text, 'tuv', tuvIndex)
				);
			const seg = childrenNamed(tuv, 'seg')[0];
			if (!seg)
				return invalid(
					'tuv-no-seg',
					{ unit: k + 1 },
					`translation unit ${k + 1}: a <tuv> without <seg>`,
					at(text, 'tuv', tuvIndex)
				);
			tuvIndex++;
			const lang = primary(tag);
			const side =
				lang === primary(languages.en) ? 'en' : lang === primary(languages.es) ? 'es' : undefined;
			if (side) bySide[side].push({ tag, text: segmentText(seg.children, counter) });
		}
		const unit: TranslationUnit = { en: '', es: '' };
		for (const side of ['en', 'es'] as const) {
			const variants = bySide[side];
			if (variants.length === 0) continue;
			const chosen = chooseVariant(variants, languages[side], srcLang);
			unit[side] = chosen.text;
			tagCounts[side].set(chosen.tag, (tagCounts[side].get(chosen.tag) ?? 0) + 1);
			for (const v of variants)
				if (v !== chosen) otherVariants[v.tag] = (otherVariants[v.tag] ?? 0) + 1;
		}
		const props = childrenNamed(tu, 'prop');
		const prop = (type: string) => props.find((p) => p.attrs.type === type);
		const confidenceProp = prop('x-confidence');
		const confidence = confidenceProp ? Number(textContent(confidenceProp).trim()) : NaN;
		if (confidenceProp && !(confidence >= 0 && confidence <= 1))
			return invalid(
				'bad-confidence',
				{ unit: k + 1, value: textContent(confidenceProp) },
				`translation unit ${k + 1}: x-confidence “${textContent(confidenceProp)}” is not a number from 0 to 1`,
				at(text, 'tu', k)
			);
		if (confidenceProp) unit.confidence = confidence;
		const reviewed = prop('x-reviewed');
		if (reviewed && textContent(reviewed).trim() === 'yes') unit.reviewed = true;
		units.push(unit);
	}
	const mostUsed = (counts: Map<string, number>, fallback: string) =>
		[...counts].sort((a, b) => b[1] - a[1])[0]?.[0] ?? fallback;
	return ok({
		srcLang,
		languages: { en: mostUsed(tagCounts.en, 'en'), es: mostUsed(tagCounts.es, 'es') },
		units,
		notes: { inlineCodes: counter.codes, otherVariants }
	});
}

function at(text: string, tag: string, n: number): [number, number] {
	const { line, column } = positionOfTag(text, tag, n);
	return [line, column];
}

export type { XmlElement };
