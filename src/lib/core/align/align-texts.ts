// The one call the HTTP API and the CLI make to align two texts: checks the input, splits it
// into units, aligns, and renders the requested format. Problems come back as UserErrors
// (fatal) or warnings (the alignment is still produced).
import { fail, ok, userError, type Result, type UserError } from '../errors';
import { writeAlignmentJson } from '../formats/alignment-json';
import { writeBeads } from '../formats/beads';
import { writeTmx } from '../formats/tmx';
import { writeTsv } from '../formats/tsv';
import { checkUserText } from '../text/decode';
import { segmentSentences } from '../text';
import { wordEvidence } from '../detect/lexicon';
import { alignSentences, type AlignOptions, type ScoredBead } from './align-sentences';
import type { DictionaryLookup } from './dictionary-concepts';
import { beadsOverLines, unwrap } from './wrapped';

export type AlignmentFormat = 'beads' | 'tsv' | 'tmx' | 'json';
export const ALIGNMENT_FORMATS: readonly AlignmentFormat[] = ['beads', 'tsv', 'tmx', 'json'];

export interface AlignTextsInput {
	en: string;
	es: string;
	/** One unit per line (as in the eval files) instead of sentence segmentation. */
	presplit?: boolean;
	format?: AlignmentFormat;
	anchorPairs?: { en: string; es: string }[];
	/** Codes of the two sides; other than en/es skips the language check and the built-in lexicon. */
	languages?: { en: string; es: string };
	/** The bilingual dictionary's lookup (`loadAlignDictionary`); see AlignOptions.dictionary. */
	dictionary?: AlignOptions['dictionary'];
	/** See AlignOptions.matchThroughDictionary (off). */
	matchThroughDictionary?: boolean;
}

export interface AlignTextsOutput {
	beads: ScoredBead[];
	enUnits: string[];
	esUnits: string[];
	/** The alignment rendered in the requested format. */
	output: string;
	warnings: UserError[];
}

/**
 * The bilingual dictionary's lookup for an English/Spanish pair, loaded on first call (3 MB,
 * so never at start-up and never for other languages); undefined for other pairs. Pass it as
 * `dictionary` to `alignTexts`.
 */
export async function loadAlignDictionary(languages?: {
	en: string;
	es: string;
}): Promise<DictionaryLookup | undefined> {
	if (languages && (languages.en !== 'en' || languages.es !== 'es')) return undefined;
	return (await import('../dictionary')).lookup;
}

/** Unit counts further apart than this factor draw a warning. */
const MISMATCH_FACTOR = 3;

export function alignTexts(input: AlignTextsInput): Result<AlignTextsOutput> {
	const languages = input.languages ?? { en: 'en', es: 'es' };
	const format = input.format ?? 'beads';
	if (!ALIGNMENT_FORMATS.includes(format))
		return fail('invalid-input', { detail: `unknown format "${format}"` });
	const sides: Record<'en' | 'es', { units: string[]; paragraphs: number[] }> = {
		en: { units: [], paragraphs: [] },
		es: { units: [], paragraphs: [] }
	};
	for (const side of ['en', 'es'] as const) {
		const checked = checkUserText(input[side]);
		if (!checked.ok) {
			return checked.error.code === 'text-empty'
				? fail('side-empty', { side: languages[side] })
				: checked;
		}
		sides[side] = input.presplit ? splitLines(checked.value) : splitSentences(checked.value);
		if (sides[side].units.every((u) => u.trim() === ''))
			return fail('side-empty', { side: languages[side] });
	}
	if (languages.en === 'en' && languages.es === 'es') {
		for (const side of ['en', 'es'] as const) {
			const found = dominantLanguage(sides[side].units);
			if (found && found !== side)
				// Language codes, not names: the message names them in the reader's language.
				return fail('side-wrong-language', { side, expected: side, detected: found });
		}
	}
	const warnings: UserError[] = [];
	const n = sides.en.units.length;
	const m = sides.es.units.length;
	if (Math.max(n, m) > 5 && Math.max(n, m) > MISMATCH_FACTOR * Math.min(n, m))
		warnings.push(userError('lengths-mismatch', { en: n, es: m }));
	const beads = input.presplit
		? alignLines(sides.en.units, sides.es.units, {
				languages,
				anchorPairs: input.anchorPairs,
				dictionary: input.dictionary,
				matchThroughDictionary: input.matchThroughDictionary
			})
		: alignSentences(sides.en.units, sides.es.units, {
				languages,
				anchorPairs: input.anchorPairs,
				paragraphs: { en: sides.en.paragraphs, es: sides.es.paragraphs },
				dictionary: input.dictionary,
				matchThroughDictionary: input.matchThroughDictionary
			});
	const enUnits = sides.en.units;
	const esUnits = sides.es.units;
	const output =
		format === 'tsv'
			? writeTsv(beads, enUnits, esUnits)
			: format === 'tmx'
				? writeTmx(beads, enUnits, esUnits, { srcLang: languages.en, tgtLang: languages.es })
				: format === 'json'
					? writeAlignmentJson(beads, enUnits, esUnits, languages)
					: writeBeads(beads);
	return ok({ beads, enUnits, esUnits, output, warnings });
}

/** Lines as units; the line numbers stay the unit numbers, so an empty line is an (empty) unit. */
export function splitLines(text: string): { units: string[]; paragraphs: number[] } {
	const units = text.split(/\r?\n/);
	if (units.length > 1 && units[units.length - 1] === '') units.pop();
	return { units, paragraphs: units.map(() => 0) };
}

/**
 * Presplit input: one unit a line. A side whose lines are hard-wrapped (a man page, a
 * plain-text e-mail) is joined back into sentences to align, and the beads come back over
 * the original line numbers.
 */
export function alignLines(en: string[], es: string[], options: AlignOptions): ScoredBead[] {
	const enWrapped = unwrap(en);
	const esWrapped = unwrap(es);
	if (!enWrapped && !esWrapped) return alignSentences(en, es, options);
	const identity = (lines: string[]) => ({ units: lines, lines: lines.map((_, k) => [k]) });
	const a = enWrapped ?? identity(en);
	const b = esWrapped ?? identity(es);
	return beadsOverLines(alignSentences(a.units, b.units, options), a.lines, b.lines);
}

function splitSentences(text: string): { units: string[]; paragraphs: number[] } {
	const sentences = segmentSentences(text);
	return { units: sentences.map((s) => s.text), paragraphs: sentences.map((s) => s.paragraph) };
}

/**
 * 'en' or 'es' when the side clearly reads as one of them (mean per-word evidence of the
 * detector's word model); undefined when unsure, so mixed or odd text is not refused.
 */
function dominantLanguage(units: string[]): 'en' | 'es' | undefined {
	const words =
		units
			.slice(0, 300)
			.join(' ')
			.toLowerCase()
			.match(/\p{L}+(?:['’]\p{L}+)?/gu) ?? [];
	if (words.length < 20) return undefined;
	let evidence = 0;
	for (const word of words.slice(0, 5000)) evidence += wordEvidence(word);
	const mean = evidence / Math.min(words.length, 5000);
	if (mean > 0.4) return 'en';
	if (mean < -0.4) return 'es';
	return undefined;
}
