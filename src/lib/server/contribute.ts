// Contributions: turns what a person pastes, uploads or imports (a TMX or TSV memory) into
// documents in the store, and builds the downloads of a document's aligned pairs. The checks
// before storing are pure (contribute-prepare.ts); for large texts the server runs them in the
// worker pool (the *InPool functions), the CLI and tests on their own thread.
import type { Db } from './db';
import { getDocument, insertDocument, storeAnalysis } from './documents';
import { readingOf, sideText, type Reading } from './reading';
import { heavyJobs, type HeavyJobs } from './heavy-jobs';
import { storeWritable } from './write-turns';
import { glossaryForWorker } from './glossary-matching';
import {
	checkPair,
	cleanTitle,
	importBeads,
	prepareImport,
	titleFromText,
	type ContributeField,
	type Contribution,
	type ContributedVia,
	type MemoryFormat,
	type MemoryInput,
	type PairCheck,
	type PreparedImport,
	type SidesChoice
} from './contribute-prepare';
import { fail, ok, type Result } from '$lib/core/errors';
import { checkUserText, decodeUserBytes, MAX_INPUT_BYTES } from '$lib/core/text/decode';
import { asciiSlug } from '$lib/core/text/slug';
import type { TextEncoding } from '$lib/core/formats/encoding';
import { writeTmxUnits, type TranslationUnit } from '$lib/core/formats/tmx';
import { writeCsvUnits, writeTsvUnits } from '$lib/core/formats/tsv';
import { writeAlignmentJsonUnits } from '$lib/core/formats/alignment-json';
import type { Lang } from '$lib/core/types';

export {
	checkPair,
	cleanTitle,
	mainLanguageOf,
	memoryFormatOf,
	MEMORY_FORMATS,
	parseMemory,
	parseTsvPairs,
	readMemory,
	titleFromText
} from './contribute-prepare';
export type {
	ContributeField,
	Contribution,
	ContributedVia,
	FieldError,
	MemoryFormat,
	MemoryInput,
	MemoryNotes,
	MemoryRead,
	SideLanguage,
	SidesChoice,
	TranslationPair
} from './contribute-prepare';

const MAX_SLUG_LENGTH = 60;

/** Past the bound on heavy jobs: the caller answers "busy, try again" (HTTP 503, Retry-After). */
export type Busy = 'busy';

// ── Titles and slugs ────────────────────────────────────────────────────────────────────

/**
 * An ASCII slug for the URL: accents dropped ("Año de Perú" → "ano-de-peru"). Never all digits,
 * since /doc/123 means the document with id 123.
 */
export function slugify(title: string): string {
	const slug = asciiSlug(title, MAX_SLUG_LENGTH);
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
	if (!text.ok) return { ok: false, errors: [{ field, error: text.error }] };
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
	return storePair(db, input, checkPair(input, fields));
}

/**
 * addPair with the checks (both texts scanned, a language sample of each detected) in the
 * worker pool; 'busy' past the bound on heavy jobs.
 */
export async function addPairInPool(
	db: Db,
	input: PairInput,
	fields: Record<Lang, ContributeField> = { en: 'en', es: 'es' },
	jobs: HeavyJobs = heavyJobs
): Promise<Contribution | Busy> {
	const { title, en, es, sides } = input;
	const checked = await jobs.run({ kind: 'check-pair', input: { title, en, es, sides }, fields });
	if (checked === 'busy') return checked;
	// Not while a worker writes (a glossary import): this write would hold the event loop.
	await storeWritable();
	return storePair(db, input, checked);
}

function storePair(db: Db, input: PairInput, checked: PairCheck): Contribution {
	if (!checked.ok) return checked;
	const names =
		input.sides === 'swap'
			? { en: input.fileNames?.es, es: input.fileNames?.en }
			: (input.fileNames ?? {});
	const { enTitle, esTitle } = checked;
	return db
		.transaction((): Contribution => {
			const slug = uniqueSlug(db, slugify(enTitle));
			const enId = insertDocument(db, {
				slug,
				title: enTitle,
				origin: 'user',
				text: checked.en,
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
				text: checked.es,
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

/**
 * A translation memory becomes an English and a Spanish document, linked, with the memory's
 * own pairing stored as their alignment (one bead per unit, with the unit's confidence and
 * review mark when the file has them, else confidence 1) instead of a computed one. It is
 * stored as a person's alignment (edited), so the aligner never replaces it. The language tags
 * read (en-GB, es-419) and what was left out (TMX inline codes, other variants) go in the
 * documents' meta, so that exports write the same tags and pages can say what was dropped.
 */
export function importMemory(db: Db, input: MemoryInput): Contribution {
	const prepared = prepareImport(input);
	if (!prepared.ok) return prepared;
	const { value } = prepared;
	return storeImport(db, value, value.en.text, value.es.text, (enId, esId) =>
		JSON.stringify(
			importBeads(
				value,
				getDocument(db, enId)!.detection.sentences,
				getDocument(db, esId)!.detection.sentences
			)
		)
	);
}

/**
 * importMemory with everything but the writes in the worker pool: reading the file, the
 * checks, detecting both texts (stored as their analysis) and pairing the units with their
 * sentences. 'busy' past the bound on heavy jobs.
 */
export async function importMemoryInPool(
	db: Db,
	input: MemoryInput,
	jobs: HeavyJobs = heavyJobs
): Promise<Contribution | Busy> {
	// The store's name, not its rows: the worker reads the glossary itself, once per generation.
	const glossary = glossaryForWorker(db);
	// The file's bytes move to the worker; the caller's copy is spent.
	const bytes =
		input.bytes.byteOffset === 0 && input.bytes.byteLength === input.bytes.buffer.byteLength
			? input.bytes
			: input.bytes.slice();
	const ready = await jobs.run({ kind: 'prepare-import', input: { ...input, bytes }, glossary }, [
		bytes.buffer as ArrayBuffer
	]);
	if (ready === 'busy' || !ready.ok) return ready;
	await storeWritable();
	return storeImport(db, ready.import, ready.en.text, ready.es.text, (enId, esId) => {
		storeAnalysis(db, enId, ready.en.analysis, glossary.generation);
		storeAnalysis(db, esId, ready.es.analysis, glossary.generation);
		return ready.beads;
	});
}

/** The two documents and their alignment, in one transaction; `beadsOf` gives the beads' JSON. */
function storeImport(
	db: Db,
	prepared: Pick<PreparedImport, 'title' | 'format' | 'languages' | 'meta'>,
	enText: string,
	esText: string,
	beadsOf: (enId: number, esId: number) => string
): Contribution {
	const { title, format, languages, meta } = prepared;
	return db
		.transaction((): Contribution => {
			const slug = uniqueSlug(db, slugify(title));
			const enId = insertDocument(db, {
				slug,
				title,
				origin: 'user',
				text: enText,
				meta: { ...meta, declaredLanguage: 'en', languageTag: languages.en }
			});
			const esId = insertDocument(db, {
				slug: uniqueSlug(db, `${slug}-es`),
				title,
				origin: 'user',
				translationOf: enId,
				text: esText,
				meta: { ...meta, declaredLanguage: 'es', languageTag: languages.es }
			});
			storeImportedAlignment(db, enId, esId, beadsOf(enId, esId), format);
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
	beads: string,
	format: MemoryFormat
): void {
	db.prepare(
		`INSERT INTO alignments (en_document_id, es_document_id, passage, aligner_version, score, beads, edited)
		 VALUES (?, ?, 0, ?, NULL, ?, 1)`
	).run(enId, esId, `import-${format}`, beads);
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
