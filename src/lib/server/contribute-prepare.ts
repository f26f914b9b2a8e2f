// What a contribution needs before anything is stored, as pure functions of what the person
// gave: titles, the language check of a pair, a translation memory read into two texts with
// its units' places. No database and no I/O, so that the worker pool (request-jobs.ts) can run
// them for a large text instead of the event loop; contribute.ts stores what they return.
//
// Relative imports only: the worker loads this file through tsx in development and tests,
// outside Vite, where the `$lib` alias does not exist.
import { detectLanguages } from '../core/detect';
import { ok, userError, type Result, type UserError } from '../core/errors';
import { checkUserText } from '../core/text/decode';
import { decodeFileBytes, type TextEncoding } from '../core/formats/encoding';
import { readTmx, type TranslationUnit } from '../core/formats/tmx';
import { readDelimited } from '../core/formats/tsv';
import { readAlignmentJsonUnits } from '../core/formats/alignment-json';
import type { Bead, Lang, LangOrUnd, LabelledSentence } from '../core/types';

/** The form fields a contribution reads; errors name the one to show them beside. */
export type ContributeField =
	'title' | 'text' | 'en' | 'es' | 'file' | 'enFile' | 'esFile' | 'memory';

export interface FieldError {
	field: ContributeField;
	error: UserError;
}

/** What the detector made of one side of a pair that was meant to be `side`. */
export interface SideLanguage {
	side: Lang;
	detected: LangOrUnd;
	/** Share of the side's sentence characters in the detected language, 0..1. */
	share: number;
}

export type Contribution =
	| { ok: true; slug: string; documentIds: number[] }
	| {
			ok: false;
			errors: FieldError[];
			/** Set when a side looks like the wrong language: the person may confirm or swap. */
			languages?: SideLanguage[];
	  };

export type ContributedVia = 'paste' | 'upload' | 'import';

/** How the person answered a language warning: add as is, or swap the two sides first. */
export type SidesChoice = 'check' | 'confirmed' | 'swap';

const MAX_TITLE_LENGTH = 200;
const DEFAULT_TITLE_LENGTH = 100;

const failed = (
	errors: FieldError[],
	languages?: SideLanguage[]
): Extract<Contribution, { ok: false }> => ({
	ok: false,
	errors,
	...(languages ? { languages } : {})
});

/** A title as typed: one line, trimmed, not absurdly long. */
export function cleanTitle(title: string): string {
	const line = title.replace(/\s+/g, ' ').trim();
	return line.length > MAX_TITLE_LENGTH
		? `${line.slice(0, MAX_TITLE_LENGTH - 1).trimEnd()}…`
		: line;
}

/** A default title: the first line with letters or digits, cut at a word near 100 characters. */
export function titleFromText(text: string): string {
	// Line by line from the top, not split whole: a 5 MB text would be cut into 100,000 lines.
	let line: string | undefined;
	for (let from = 0; from <= text.length && line === undefined;) {
		const end = text.indexOf('\n', from) < 0 ? text.length : text.indexOf('\n', from);
		const candidate = text.slice(from, end).replace(/\s+/g, ' ').trim();
		if (/[\p{L}\p{N}]/u.test(candidate)) line = candidate;
		from = end + 1;
	}
	if (!line) return '';
	if (line.length <= DEFAULT_TITLE_LENGTH) return line;
	const cut = line.slice(0, DEFAULT_TITLE_LENGTH);
	const space = cut.lastIndexOf(' ');
	return `${(space > DEFAULT_TITLE_LENGTH / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:.–—-]+$/, '')}…`;
}

// ── Languages ───────────────────────────────────────────────────────────────────────────

/** Enough text to tell the language of a side without running the detector over megabytes. */
function languageSample(text: string): string {
	const piece = 8000;
	if (text.length <= 3 * piece) return text;
	const middle = Math.floor(text.length / 2 - piece / 2);
	return [text.slice(0, piece), text.slice(middle, middle + piece), text.slice(-piece)].join(
		'\n\n'
	);
}

/** The language most of the text's characters are in ('und' when no sentence has one). */
export function mainLanguageOf(text: string): { lang: LangOrUnd; share: number } {
	const chars = { en: 0, es: 0, und: 0 };
	for (const s of detectLanguages(languageSample(text)).sentences) chars[s.lang] += s.end - s.start;
	const total = chars.en + chars.es + chars.und || 1;
	if (chars.en === 0 && chars.es === 0) return { lang: 'und', share: chars.und / total };
	const lang: Lang = chars.es > chars.en ? 'es' : 'en';
	return { lang, share: chars[lang] / total };
}

/** Sides that look like the other language (a side with no language at all is left alone). */
function languageMismatches(sides: { en: string; es: string }): SideLanguage[] {
	const found: SideLanguage[] = [];
	for (const side of ['en', 'es'] as const) {
		const { lang, share } = mainLanguageOf(sides[side]);
		if (lang !== 'und' && lang !== side) found.push({ side, detected: lang, share });
	}
	return found;
}

function wrongLanguageErrors(
	mismatches: SideLanguage[],
	fields: Record<Lang, ContributeField>
): FieldError[] {
	return mismatches.map((m) => ({
		field: fields[m.side],
		error: userError('side-wrong-language', {
			side: m.side,
			expected: m.side,
			detected: m.detected
		})
	}));
}

// ── Memories (TMX, TSV, CSV, alignment JSON) ──────────────────────────────────────────────

export const MEMORY_FORMATS = ['tmx', 'tsv', 'csv', 'json'] as const;
export type MemoryFormat = (typeof MEMORY_FORMATS)[number];

export interface TranslationPair {
	en: string;
	es: string;
}

/** By the file's name (.tmx, .xml, .tsv, .csv, .json), else by its first characters; else TSV. */
export function memoryFormatOf(fileName: string, text: string): MemoryFormat {
	if (/\.(tmx|xml)$/i.test(fileName)) return 'tmx';
	if (/\.(tsv|tab|txt)$/i.test(fileName)) return 'tsv';
	if (/\.csv$/i.test(fileName)) return 'csv';
	if (/\.json$/i.test(fileName)) return 'json';
	if (/^\s*<(\?xml|tmx|!DOCTYPE)/i.test(text)) return 'tmx';
	if (/^\s*\{/.test(text)) return 'json';
	return 'tsv';
}

/** A memory as read: its units, the language tags it used, and what was left out of the text. */
export interface MemoryRead {
	units: TranslationUnit[];
	languages: { en: string; es: string };
	notes: MemoryNotes;
}

export interface MemoryNotes {
	/** TMX inline codes whose native formatting code was dropped. */
	inlineCodes?: number;
	/** TMX variants left out for another of the same language, by tag (en-GB: 3). */
	otherVariants?: Record<string, number>;
	/** A header line was recognised and not read as a pair. */
	header?: boolean;
	/** Quotation marks in a TSV were read as text (they did not follow spreadsheet quoting). */
	literalQuotes?: boolean;
}

/** Reads a memory's units in any of the formats, with the line (and column) of any problem. */
export function readMemory(text: string, format: MemoryFormat): Result<MemoryRead> {
	if (format === 'tmx') {
		const read = readTmx(text);
		if (!read.ok) return read;
		const { units, languages, notes } = read.value;
		return ok({
			units,
			languages,
			notes: {
				...(notes.inlineCodes ? { inlineCodes: notes.inlineCodes } : {}),
				...(Object.keys(notes.otherVariants).length ? { otherVariants: notes.otherVariants } : {})
			}
		});
	}
	if (format === 'json') {
		const read = readAlignmentJsonUnits(text);
		return read.ok ? ok({ ...read.value, notes: {} }) : read;
	}
	const read = readDelimited(text, format === 'csv' ? ',' : '\t');
	if (!read.ok) return read;
	const { units, languages, header, literalQuotes } = read.value;
	return ok({
		units,
		languages,
		notes: { ...(header ? { header } : {}), ...(literalQuotes ? { literalQuotes } : {}) }
	});
}

/** English<TAB>Spanish per line (spreadsheet quoting, a header line recognised). */
export function parseTsvPairs(text: string): Result<TranslationPair[]> {
	const read = readDelimited(text, '\t');
	if (!read.ok) return read;
	return ok(
		read.value.units.filter((p) => p.en.trim() || p.es.trim()).map(({ en, es }) => ({ en, es }))
	);
}

/** Reads a memory's pairs, dropping units empty on both sides. */
export function parseMemory(text: string, format: MemoryFormat): Result<TranslationPair[]> {
	const read = readMemory(text, format);
	if (!read.ok) return read;
	return ok(
		read.value.units.filter((u) => u.en.trim() || u.es.trim()).map(({ en, es }) => ({ en, es }))
	);
}

/**
 * One unit a paragraph, blank lines between. A unit keeps its text as written (line breaks,
 * non-breaking spaces); only the ends are trimmed, since a paragraph has none.
 */
function unitsAsText(units: string[]): {
	text: string;
	spans: ({ start: number; end: number } | null)[];
} {
	let text = '';
	const spans = units.map((unit) => {
		const line = unit.replace(/^\s+|\s+$/g, '');
		if (!line) return null;
		if (text) text += '\n\n';
		const start = text.length;
		text += line;
		return { start, end: text.length };
	});
	return { text, spans };
}

/** For each unit, the indices of the detected sentences inside it (in order; none for an empty unit). */
function sentencesPerUnit(
	spans: ({ start: number; end: number } | null)[],
	sentences: LabelledSentence[]
): number[][] {
	const result = spans.map(() => [] as number[]);
	let u = 0;
	for (const [i, sentence] of sentences.entries()) {
		while (u < spans.length && (spans[u] === null || spans[u]!.end <= sentence.start)) u++;
		// A sentence past the last unit cannot happen with paragraphs per unit; keep it in the last one.
		const owner = u < spans.length ? u : spans.findLastIndex((s) => s !== null);
		result[owner].push(i);
	}
	return result;
}

export interface MemoryInput {
	title: string;
	fileName: string;
	bytes: Uint8Array;
	sides?: SidesChoice;
	/** The person's choice when the file is not UTF-8 (e.g. Windows-1252, which the error offers). */
	encoding?: TextEncoding;
	/** The format when the caller knows it (the CLI's --from); else by name and content. */
	format?: MemoryFormat;
}

// ── A pair of texts ─────────────────────────────────────────────────────────────────────

export interface PairCheckInput {
	title: string;
	en: string;
	es: string;
	sides?: SidesChoice;
}

/** A pair ready to store: its checked texts (swapped if asked) and their titles. */
export type PairCheck =
	| { ok: true; en: string; es: string; enTitle: string; esTitle: string }
	| Extract<Contribution, { ok: false }>;

/**
 * Checks both sides of a pair before anything is written; a side that looks like the other
 * language stops here unless the person confirmed it.
 */
export function checkPair(
	input: PairCheckInput,
	fields: Record<Lang, ContributeField> = { en: 'en', es: 'es' }
): PairCheck {
	const raw = input.sides === 'swap' ? { en: input.es, es: input.en } : input;
	const en = checkUserText(raw.en);
	const es = checkUserText(raw.es);
	const errors: FieldError[] = [];
	if (!en.ok) errors.push({ field: fields.en, error: en.error });
	if (!es.ok) errors.push({ field: fields.es, error: es.error });
	if (!en.ok || !es.ok) return failed(errors);

	if (input.sides !== 'confirmed') {
		const mismatches = languageMismatches({ en: en.value, es: es.value });
		if (mismatches.length) return failed(wrongLanguageErrors(mismatches, fields), mismatches);
	}

	const title = cleanTitle(input.title);
	const enTitle = title || titleFromText(en.value) || 'English text';
	const esTitle = title || titleFromText(es.value) || enTitle;
	return { ok: true, en: en.value, es: es.value, enTitle, esTitle };
}

// ── A translation memory ────────────────────────────────────────────────────────────────

/** A memory read into two texts, one unit a paragraph, with what the documents' meta keeps. */
export interface PreparedImport {
	title: string;
	format: MemoryFormat;
	languages: { en: string; es: string };
	meta: Record<string, unknown>;
	en: UnitsText;
	es: UnitsText;
	/** Each unit's confidence and review mark, as the file gave them. */
	units: { confidence?: number; reviewed?: boolean }[];
}

type UnitsText = ReturnType<typeof unitsAsText>;

/**
 * Reads a memory (decoding, format, units, sizes, the language check) into what importing it
 * stores; or the errors to show, with the sides' languages when they look swapped.
 */
export function prepareImport(
	input: MemoryInput
): { ok: true; value: PreparedImport } | Extract<Contribution, { ok: false }> {
	const decoded = decodeFileBytes(input.bytes, { encoding: input.encoding });
	if (!decoded.ok) return failed([{ field: 'memory', error: decoded.error }]);
	const format = input.format ?? memoryFormatOf(input.fileName, decoded.value.text);
	const parsed = readMemory(decoded.value.text, format);
	if (!parsed.ok) return failed([{ field: 'memory', error: parsed.error }]);
	let units = parsed.value.units.filter((u) => u.en.trim() || u.es.trim());
	let languages = parsed.value.languages;
	if (input.sides === 'swap') {
		units = units.map((u) => ({ ...u, en: u.es, es: u.en }));
		languages = { en: languages.es, es: languages.en };
	}

	const en = unitsAsText(units.map((p) => p.en));
	const es = unitsAsText(units.map((p) => p.es));
	const emptySides = (['en', 'es'] as const).filter(
		(side) => (side === 'en' ? en : es).text === ''
	);
	if (units.length === 0) return failed([{ field: 'memory', error: userError('text-empty') }]);
	if (emptySides.length)
		return failed(
			emptySides.map((side) => ({ field: 'memory', error: userError('side-empty', { side }) }))
		);
	for (const side of [en, es]) {
		const size = checkUserText(side.text);
		if (!size.ok) return failed([{ field: 'memory', error: size.error }]);
	}

	if (input.sides !== 'confirmed') {
		const mismatches = languageMismatches({ en: en.text, es: es.text });
		if (mismatches.length)
			return failed(wrongLanguageErrors(mismatches, { en: 'memory', es: 'memory' }), mismatches);
	}

	const stem = input.fileName.replace(/\.[^.]*$/, '').replace(/[_-]+/g, ' ');
	const title =
		cleanTitle(input.title) || cleanTitle(stem) || titleFromText(en.text) || 'Translation memory';
	const meta = {
		contributed: 'import',
		format,
		fileName: input.fileName,
		units: units.length,
		encoding: decoded.value.encoding,
		...(Object.keys(parsed.value.notes).length ? { importNotes: parsed.value.notes } : {})
	};
	return {
		ok: true,
		value: {
			title,
			format,
			languages,
			meta,
			en,
			es,
			units: units.map(({ confidence, reviewed }) => ({ confidence, reviewed }))
		}
	};
}

/**
 * The memory's own pairing over the documents' detected sentences: one bead per unit, with
 * the unit's confidence and review mark when the file has them, else confidence 1.
 */
export function importBeads(
	prepared: PreparedImport,
	enSentences: LabelledSentence[],
	esSentences: LabelledSentence[]
): Bead[] {
	const enUnits = sentencesPerUnit(prepared.en.spans, enSentences);
	const esUnits = sentencesPerUnit(prepared.es.spans, esSentences);
	return prepared.units
		.map((unit, u) => ({
			en: enUnits[u],
			es: esUnits[u],
			confidence: unit.confidence ?? 1,
			...(unit.reviewed ? { reviewed: true } : {})
		}))
		.filter((b) => b.en.length > 0 || b.es.length > 0);
}
