// An alignment as JSON: the beads with confidences and the texts of both sides, so a
// reader of the file needs nothing else. Versioned for later changes.
import { fail, ok, type Result } from '../errors';
import type { Bead } from '../types';
import type { TranslationUnit } from './tmx';
import { positionAt } from './xml';

export interface AlignmentJsonBead extends Bead {
	enText: string;
	esText: string;
}

export interface AlignmentJson {
	format: 'puente-alignment';
	version: 1;
	languages: { en: string; es: string };
	beads: AlignmentJsonBead[];
}

export function toAlignmentJson(
	beads: readonly Bead[],
	en: readonly string[],
	es: readonly string[],
	languages = { en: 'en', es: 'es' }
): AlignmentJson {
	// One sentence is written as it is; several are joined by a space, as in TMX and TSV.
	const text = (units: readonly string[], indices: number[]) =>
		indices.length === 1 ? units[indices[0]] : indices.map((i) => units[i].trim()).join(' ');
	return {
		format: 'puente-alignment',
		version: 1,
		languages,
		beads: beads.map((b) => ({
			en: b.en,
			es: b.es,
			confidence: b.confidence,
			...(b.reviewed ? { reviewed: true } : {}),
			enText: text(en, b.en),
			esText: text(es, b.es)
		}))
	};
}

export function writeAlignmentJson(
	beads: readonly Bead[],
	en: readonly string[],
	es: readonly string[],
	languages?: { en: string; es: string }
): string {
	return `${JSON.stringify(toAlignmentJson(beads, en, es, languages), null, 2)}\n`;
}

/** `detail` in English for logs; `reason` lets pages and the CLI say it in the reader's language. */
const invalid = (
	reason: string,
	values: Record<string, string | number>,
	detail: string,
	line?: number,
	column?: number
) =>
	fail<AlignmentJson>('format-invalid', {
		format: 'JSON',
		reason,
		...values,
		detail: line === undefined ? detail : `line ${line}, column ${column}: ${detail}`,
		...(line === undefined ? {} : { line, column: column ?? 1 })
	});

export function parseAlignmentJson(input: string): Result<AlignmentJson> {
	const text = input.replace(/^\ufeff/, '');
	let value: unknown;
	try {
		value = JSON.parse(text);
	} catch (error) {
		const message = error instanceof Error ? error.message : 'unreadable';
		// V8 says where: "… at position 42" (Node 20) or "(line 3 column 5)" (newer).
		const lineColumn = /line (\d+) column (\d+)/.exec(message);
		const offset = /position (\d+)/.exec(message);
		const where = lineColumn
			? { line: Number(lineColumn[1]), column: Number(lineColumn[2]) }
			: positionAt(text, offset ? Number(offset[1]) : text.length);
		const detail = message.replace(/^JSON\.parse: /, '');
		return invalid('json-syntax', { message: detail }, detail, where.line, where.column);
	}
	const doc = value as Partial<AlignmentJson>;
	if (
		!doc ||
		typeof doc !== 'object' ||
		doc.format !== 'puente-alignment' ||
		!Array.isArray(doc.beads)
	)
		return invalid(
			'not-puente-json',
			{},
			'not a Puente alignment (no "format": "puente-alignment" with "beads")'
		);
	for (const [k, b] of doc.beads.entries()) {
		const indices = (x: unknown) =>
			Array.isArray(x) && x.every((i) => Number.isInteger(i) && i >= 0);
		const confidence = (b as Partial<AlignmentJsonBead> | null)?.confidence;
		if (
			!b ||
			typeof b !== 'object' ||
			!indices(b.en) ||
			!indices(b.es) ||
			// A file converted from a memory without confidences has none; the aligner's always has one.
			(confidence !== undefined &&
				!(typeof confidence === 'number' && confidence >= 0 && confidence <= 1)) ||
			typeof b.enText !== 'string' ||
			typeof b.esText !== 'string'
		)
			return invalid('json-bead', { bead: k + 1 }, `bead ${k + 1} is malformed`);
	}
	return ok(doc as AlignmentJson);
}

/** The pairs of an alignment JSON, one unit per bead with its confidence and review mark. */
export function readAlignmentJsonUnits(
	text: string
): Result<{ units: TranslationUnit[]; languages: { en: string; es: string } }> {
	const parsed = parseAlignmentJson(text);
	if (!parsed.ok) return parsed;
	const languages = parsed.value.languages;
	return ok({
		languages: {
			en: typeof languages?.en === 'string' ? languages.en : 'en',
			es: typeof languages?.es === 'string' ? languages.es : 'es'
		},
		units: parsed.value.beads.map((b) => ({
			en: b.enText,
			es: b.esText,
			...(b.confidence === undefined ? {} : { confidence: b.confidence }),
			...(b.reviewed ? { reviewed: true } : {})
		}))
	});
}

/** Units (from any memory format) as an alignment JSON: unit k is sentence k on both sides. */
export function writeAlignmentJsonUnits(
	units: readonly TranslationUnit[],
	languages = { en: 'en', es: 'es' }
): string {
	// Bead requires a confidence; a unit without one is written without it (cast below).
	const beads = units.map((u, k) => ({
		en: u.en ? [k] : [],
		es: u.es ? [k] : [],
		...(u.confidence === undefined ? {} : { confidence: u.confidence }),
		...(u.reviewed ? { reviewed: true } : {})
	})) as Bead[];
	const doc: AlignmentJson = {
		format: 'puente-alignment',
		version: 1,
		languages,
		beads: beads.map((b, k) => ({ ...b, enText: units[k].en, esText: units[k].es }))
	};
	return `${JSON.stringify(doc, null, 2)}\n`;
}
