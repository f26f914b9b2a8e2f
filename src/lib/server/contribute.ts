// Contributions: turns what a person pastes, uploads or imports (a TMX or TSV memory) into
// documents in the store, and builds the downloads of a document's aligned pairs.
import type { Db } from './db';
import { getDocument, insertDocument } from './documents';
import { readingOf, sideText, type Reading } from './reading';
import { detectLanguages } from '$lib/core/detect';
import { fail, ok, userError, type Result, type UserError } from '$lib/core/errors';
import { checkUserText, decodeUserBytes, MAX_INPUT_BYTES } from '$lib/core/text/decode';
import { decodeFileBytes, type TextEncoding } from '$lib/core/formats/encoding';
import { readTmx, writeTmxUnits, type TranslationUnit } from '$lib/core/formats/tmx';
import { readDelimited, writeCsvUnits, writeTsvUnits } from '$lib/core/formats/tsv';
import { readAlignmentJsonUnits, writeAlignmentJsonUnits } from '$lib/core/formats/alignment-json';
import type { Bead, Lang, LangOrUnd, LabelledSentence } from '$lib/core/types';

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
const MAX_SLUG_LENGTH = 60;

const failed = (errors: FieldError[], languages?: SideLanguage[]): Contribution => ({
	ok: false,
	errors,
	...(languages ? { languages } : {})
});

// ── Titles and slugs ────────────────────────────────────────────────────────────────────

/** A title as typed: one line, trimmed, not absurdly long. */
export function cleanTitle(title: string): string {
	const line = title.replace(/\s+/g, ' ').trim();
	return line.length > MAX_TITLE_LENGTH
		? `${line.slice(0, MAX_TITLE_LENGTH - 1).trimEnd()}…`
		: line;
}

/** A default title: the first line with letters or digits, cut at a word near 100 characters. */
export function titleFromText(text: string): string {
	const line = text
		.split(/\r?\n/)
		.map((l) => l.replace(/\s+/g, ' ').trim())
		.find((l) => /[\p{L}\p{N}]/u.test(l));
	if (!line) return '';
	if (line.length <= DEFAULT_TITLE_LENGTH) return line;
	const cut = line.slice(0, DEFAULT_TITLE_LENGTH);
	const space = cut.lastIndexOf(' ');
	return `${(space > DEFAULT_TITLE_LENGTH / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:.–—-]+$/, '')}…`;
}

/**
 * An ASCII slug for the URL: accents dropped ("Año de Perú" → "ano-de-peru"). Never all digits,
 * since /doc/123 means the document with id 123.
 */
export function slugify(title: string): string {
	const slug = title
		.normalize('NFKD')
		.replace(/\p{M}/gu, '')
		.toLowerCase()
		.replace(/[^a-z0-9]+/g, '-')
		.replace(/^-+|-+$/g, '')
		.slice(0, MAX_SLUG_LENGTH)
		.replace(/-+$/, '');
	if (!slug) return 'text';
	return /^\d+$/.test(slug) ? `text-${slug}` : slug;
}

/** The slug itself if free, else the first free of slug-2, slug-3… Call inside the write transaction. */
export function uniqueSlug(db: Db, base: string): string {
	const taken = db.prepare('SELECT 1 FROM documents WHERE slug = ?');
	if (!taken.get(base)) return base;
	for (let n = 2; ; n++) {
		const candidate = `${base}-${n}`;
		if (!taken.get(candidate)) return candidate;
	}
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

// ── Creating documents ──────────────────────────────────────────────────────────────────

export interface SingleTextInput {
	title: string;
	text: string;
	via: ContributedVia;
	/** For uploads: the file's name, kept in the document's meta. */
	fileName?: string;
}

/** One document: a single article, in English, Spanish or both mixed. */
export function addText(
	db: Db,
	input: SingleTextInput,
	field: ContributeField = 'text'
): Contribution {
	const text = checkUserText(input.text);
	if (!text.ok) return failed([{ field, error: text.error }]);
	const title = cleanTitle(input.title) || titleFromText(text.value) || 'Text';
	const meta = { contributed: input.via, ...(input.fileName ? { fileName: input.fileName } : {}) };
	return db
		.transaction((): Contribution => {
			const slug = uniqueSlug(db, slugify(title));
			const id = insertDocument(db, { slug, title, origin: 'user', text: text.value, meta });
			return { ok: true, slug, documentIds: [id] };
		})
		.immediate();
}

export interface PairInput {
	title: string;
	en: string;
	es: string;
	via: ContributedVia;
	sides?: SidesChoice;
	fileNames?: Partial<Record<Lang, string>>;
}

/**
 * An English document and its Spanish translation, linked (the Spanish one is the translation
 * of the English one). Both sides are checked before anything is written; a side that looks
 * like the other language stops here unless the person confirmed it.
 */
export function addPair(
	db: Db,
	input: PairInput,
	fields: Record<Lang, ContributeField> = { en: 'en', es: 'es' }
): Contribution {
	const swap = input.sides === 'swap';
	const raw = swap ? { en: input.es, es: input.en } : { en: input.en, es: input.es };
	const names = swap
		? { en: input.fileNames?.es, es: input.fileNames?.en }
		: (input.fileNames ?? {});
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
	return db
		.transaction((): Contribution => {
			const slug = uniqueSlug(db, slugify(enTitle));
			const enId = insertDocument(db, {
				slug,
				title: enTitle,
				origin: 'user',
				text: en.value,
				meta: {
					contributed: input.via,
					declaredLanguage: 'en',
					...(names.en ? { fileName: names.en } : {})
				}
			});
			const esId = insertDocument(db, {
				slug: uniqueSlug(db, `${slug}-es`),
				title: esTitle,
				origin: 'user',
				translationOf: enId,
				text: es.value,
				meta: {
					contributed: input.via,
					declaredLanguage: 'es',
					...(names.es ? { fileName: names.es } : {})
				}
			});
			return { ok: true, slug, documentIds: [enId, esId] };
		})
		.immediate();
}

// ── Uploads ─────────────────────────────────────────────────────────────────────────────

/**
 * A file from a multipart form, as text; a missing or empty file input is an empty text.
 * `encoding` is the person's choice after the error offered Windows-1252.
 */
export async function readUpload(
	file: FormDataEntryValue | null,
	encoding?: TextEncoding
): Promise<Result<string>> {
	if (!(file instanceof File) || file.size === 0) return fail('text-empty');
	// UTF-16 takes two bytes a character: its limit is on the decoded text.
	if (file.size > MAX_INPUT_BYTES * 2)
		return fail('text-too-large', { limitMb: MAX_INPUT_BYTES / 1024 / 1024 });
	return decodeUserBytes(new Uint8Array(await file.arrayBuffer()), { encoding });
}

export const fileNameOf = (file: FormDataEntryValue | null): string =>
	file instanceof File ? file.name.replace(/[\\/]/g, '').slice(0, 255) : '';

// ── Imported memories (TMX, TSV, CSV, alignment JSON) ─────────────────────────────────────

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

/**
 * A translation memory becomes an English and a Spanish document, linked, with the memory's
 * own pairing stored as their alignment (one bead per unit, with the unit's confidence and
 * review mark when the file has them, else confidence 1) instead of a computed one. It is
 * stored as a person's alignment (edited), so the aligner never replaces it. The language tags
 * read (en-GB, es-419) and what was left out (TMX inline codes, other variants) go in the
 * documents' meta, so that exports write the same tags and pages can say what was dropped.
 */
export function importMemory(db: Db, input: MemoryInput): Contribution {
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
	return db
		.transaction((): Contribution => {
			const slug = uniqueSlug(db, slugify(title));
			const enId = insertDocument(db, {
				slug,
				title,
				origin: 'user',
				text: en.text,
				meta: { ...meta, declaredLanguage: 'en', languageTag: languages.en }
			});
			const esId = insertDocument(db, {
				slug: uniqueSlug(db, `${slug}-es`),
				title,
				origin: 'user',
				translationOf: enId,
				text: es.text,
				meta: { ...meta, declaredLanguage: 'es', languageTag: languages.es }
			});
			const enUnits = sentencesPerUnit(en.spans, getDocument(db, enId)!.detection.sentences);
			const esUnits = sentencesPerUnit(es.spans, getDocument(db, esId)!.detection.sentences);
			const beads: Bead[] = units
				.map((unit, u) => ({
					en: enUnits[u],
					es: esUnits[u],
					confidence: unit.confidence ?? 1,
					...(unit.reviewed ? { reviewed: true } : {})
				}))
				.filter((b) => b.en.length > 0 || b.es.length > 0);
			storeImportedAlignment(db, enId, esId, beads, format);
			return { ok: true, slug, documentIds: [enId, esId] };
		})
		.immediate();
}

/**
 * Same table and shape as alignments.ts writes. `edited = 1`: the pairing came from people
 * (the memory), so a new aligner version must not recompute over it.
 */
function storeImportedAlignment(
	db: Db,
	enId: number,
	esId: number,
	beads: Bead[],
	format: MemoryFormat
): void {
	db.prepare(
		`INSERT INTO alignments (en_document_id, es_document_id, passage, aligner_version, score, beads, edited)
		 VALUES (?, ?, 0, ?, NULL, ?, 1)`
	).run(enId, esId, `import-${format}`, JSON.stringify(beads));
}

// ── Export ──────────────────────────────────────────────────────────────────────────────

export const EXPORT_FORMATS = ['tmx', 'tsv', 'csv', 'json'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export const isExportFormat = (value: unknown): value is ExportFormat =>
	typeof value === 'string' && (EXPORT_FORMATS as readonly string[]).includes(value);

export interface ExportFile {
	body: string;
	fileName: string;
	contentType: string;
}

const CONTENT_TYPES: Record<ExportFormat, string> = {
	tmx: 'application/x-tmx+xml; charset=utf-8',
	tsv: 'text/tab-separated-values; charset=utf-8',
	csv: 'text/csv; charset=utf-8',
	json: 'application/json; charset=utf-8'
};

/**
 * The text of a row side as the document has it: from its first sentence's start to its last's
 * end, so that whatever lies between sentences (a line break, "!=" that the segmenter cut) is
 * kept as written. Sentences that are not consecutive are joined by a space.
 */
function exportSideText(reading: Reading, side: { doc: number; sentences: number[] }): string {
	const doc = reading.documents.get(side.doc);
	if (!doc) return '';
	const sentences = doc.detection.sentences;
	const pieces: string[] = [];
	let k = 0;
	while (k < side.sentences.length) {
		let last = k;
		while (
			last + 1 < side.sentences.length &&
			side.sentences[last + 1] === side.sentences[last] + 1
		)
			last++;
		const from = sentences[side.sentences[k]];
		const to = sentences[side.sentences[last]];
		pieces.push(
			from && to
				? doc.text.slice(from.start, to.end)
				: sideText(reading, { doc: side.doc, sentences: side.sentences.slice(k, last + 1) })
		);
		k = last + 1;
	}
	return pieces.join(' ');
}

/** The language tag a document was imported with (en-GB), or its language. */
function languageTagOf(reading: Reading, docId: number | undefined, lang: Lang): string {
	const tag = docId === undefined ? undefined : reading.documents.get(docId)?.meta?.languageTag;
	return typeof tag === 'string' && tag.toLowerCase().split(/[-_]/)[0] === lang ? tag : lang;
}

/** The document's pairs as units, with the language tags to write; undefined when there are none. */
export function exportUnits(
	db: Db,
	idOrSlug: string | number
): Result<{ slug: string; units: TranslationUnit[]; languages: { en: string; es: string } }> {
	const doc = getDocument(db, idOrSlug);
	if (!doc) return fail('not-found');
	const reading = readingOf(db, doc);
	const units: TranslationUnit[] = [];
	let docs: { en?: number; es?: number } = {};
	for (const row of reading.rows) {
		if (row.kind !== 'pair') continue;
		const en = exportSideText(reading, row.en);
		const es = exportSideText(reading, row.es);
		if (en.trim() === es.trim()) continue;
		docs = { en: docs.en ?? row.en.doc, es: docs.es ?? row.es.doc };
		units.push({ en, es, confidence: row.confidence, ...(row.reviewed ? { reviewed: true } : {}) });
	}
	if (units.length === 0)
		return { ok: false, error: { code: 'not-found', key: 'contribute:export.noAlignment' } };
	const languages = {
		en: languageTagOf(reading, docs.en, 'en'),
		es: languageTagOf(reading, docs.es, 'es')
	};
	return ok({ slug: doc.slug, units, languages });
}

/** Units as a file of one of the memory formats. */
export function writeMemory(
	units: readonly TranslationUnit[],
	format: ExportFormat,
	languages = { en: 'en', es: 'es' }
): string {
	const tags = { srcLang: languages.en, tgtLang: languages.es };
	if (format === 'tmx') return writeTmxUnits(units, tags);
	if (format === 'tsv') return writeTsvUnits(units, tags);
	if (format === 'csv') return writeCsvUnits(units, tags);
	return writeAlignmentJsonUnits(units, languages);
}

/**
 * The document's pairs as it is read (its translation and the passages paired inside it), one
 * unit per pair row: each sentence at most once, each side in its own language, and no unit
 * that pairs a text with itself.
 */
export function buildExport(
	db: Db,
	idOrSlug: string | number,
	format: ExportFormat
): Result<ExportFile> {
	const exported = exportUnits(db, idOrSlug);
	if (!exported.ok) return exported;
	const { slug, units, languages } = exported.value;
	return ok({
		body: writeMemory(units, format, languages),
		fileName: `${slug}.${format}`,
		contentType: CONTENT_TYPES[format]
	});
}
