// Translation memories as delimited text: TSV (what spreadsheets and Excel's "Unicode Text"
// write) and CSV. Both through papaparse with spreadsheet quoting, so a cell holds tabs, line
// breaks and quotation marks as written, and a file saved by LibreOffice or Excel reads back
// unchanged. Puente writes a header line of language tags ("en-GB", "es-419") and two columns
// more, confidence and reviewed, so that its own export reads back equal; a two-column file with
// or without a header ("English<TAB>Spanish", "es<TAB>en") reads too; more columns need a header.
import { fail, ok, UserErrorException, type Result } from '../errors';
import type { Bead } from '../types';
import { neutraliseCell, readRows, restoreCell, writeRows, type Row } from './delimited';
import { formatConfidence, unitsOfBeads, type TranslationUnit } from './tmx';

export type Delimiter = '\t' | ',' | ';';

export interface DelimitedOptions {
	/** Language tags for the header line; default "en" and "es". */
	srcLang?: string;
	tgtLang?: string;
}

/** The units as TSV (or CSV with `delimiter`), header first, cells spreadsheet-safe. */
export function writeDelimitedUnits(
	units: readonly TranslationUnit[],
	delimiter: Delimiter,
	options: DelimitedOptions = {}
): string {
	const header = [options.srcLang ?? 'en', options.tgtLang ?? 'es', 'confidence', 'reviewed'];
	const rows = units.map((u) => [
		neutraliseCell(u.en),
		neutraliseCell(u.es),
		u.confidence === undefined ? '' : formatConfidence(u.confidence),
		u.reviewed ? 'yes' : ''
	]);
	return writeRows([header, ...rows], delimiter);
}

export function writeTsvUnits(
	units: readonly TranslationUnit[],
	options?: DelimitedOptions
): string {
	return writeDelimitedUnits(units, '\t', options);
}

/** CSV for spreadsheets: with a UTF-8 BOM, without which Excel opened by double-click garbles accents. */
export function writeCsvUnits(
	units: readonly TranslationUnit[],
	options?: DelimitedOptions
): string {
	return '\ufeff' + writeDelimitedUnits(units, ',', options);
}

/** The beads of an alignment as TSV (the aligner's output). */
export function writeTsv(
	beads: readonly Bead[],
	en: readonly string[],
	es: readonly string[],
	options?: DelimitedOptions
): string {
	return writeTsvUnits(unitsOfBeads(beads, en, es), options);
}

// ── Reading ─────────────────────────────────────────────────────────────────────────────

type Column = 'en' | 'es' | 'confidence' | 'reviewed';

export interface DelimitedRead {
	units: TranslationUnit[];
	/** Language tags from the header line (e.g. "en-GB"), or "en" and "es" without one. */
	languages: { en: string; es: string };
	/** Set when the first line was a header and was not read as a pair. */
	header: boolean;
	/** Set when quotation marks did not follow spreadsheet quoting and were read as text. */
	literalQuotes: boolean;
}

/** What a header cell names: a side by language name or tag, or one of Puente's columns. */
function headerColumn(cell: string): { column: Column; tag?: string } | undefined {
	const label = cell.trim().toLowerCase();
	const tag = /^(en|es)(?:[-_][a-z0-9]{2,8})*$/i.exec(cell.trim());
	if (tag) return { column: tag[1].toLowerCase() as 'en' | 'es', tag: cell.trim() };
	if (['english', 'inglés', 'ingles'].includes(label)) return { column: 'en' };
	if (['spanish', 'español', 'espanol', 'castellano'].includes(label)) return { column: 'es' };
	if (['confidence', 'confianza'].includes(label)) return { column: 'confidence' };
	if (['reviewed', 'revisado'].includes(label)) return { column: 'reviewed' };
	return undefined;
}

/** The columns a header line names, when every cell of it is a label and both sides are there. */
function headerOf(
	cells: string[]
): { columns: Column[]; tags: Partial<Record<'en' | 'es', string>> } | undefined {
	const named = cells.map(headerColumn);
	if (named.some((n) => n === undefined)) return undefined;
	const columns = named.map((n) => n!.column);
	if (
		!columns.includes('en') ||
		!columns.includes('es') ||
		new Set(columns).size !== columns.length
	)
		return undefined;
	const tags: Partial<Record<'en' | 'es', string>> = {};
	for (const n of named)
		if (n!.tag && (n!.column === 'en' || n!.column === 'es')) tags[n!.column] = n!.tag;
	return { columns, tags };
}

const formatName = (delimiter: Delimiter) => (delimiter === '\t' ? 'TSV' : 'CSV');

/** `detail` in English for logs and the CLI; `reason`, `line` and `columns` let a page say it in its language. */
const invalid = (
	delimiter: Delimiter,
	reason: 'no-tab' | 'no-separator' | 'columns' | 'columns-header' | 'quotes' | 'confidence',
	line: number,
	columns: number,
	detail: string,
	values: Record<string, string | number> = {}
) =>
	fail<DelimitedRead>('format-invalid', {
		format: formatName(delimiter),
		detail,
		reason,
		line,
		columns,
		...values
	});

/**
 * Reads pairs from TSV or CSV. Without a header, the first column is English and the second
 * Spanish. A line with one column, or with more columns than the header names, is refused with
 * its number. For TSV, quotation marks that do not follow spreadsheet quoting (a hand-written
 * `"Hola", dijo.`) are read as text, and `literalQuotes` says so.
 */
export function readDelimited(input: string, delimiter: Delimiter): Result<DelimitedRead> {
	const text = input.replace(/^\ufeff/, '');
	let literalQuotes = false;
	let read = readRows(text, delimiter);
	if ('problem' in read && delimiter === '\t') {
		literalQuotes = true;
		read = readRows(text, delimiter, { quotes: false });
	}
	if ('problem' in read)
		return invalid(delimiter, 'quotes', read.line, 0, `line ${read.line}: ${read.problem}`);
	const rows: Row[] = read.rows;
	const header = rows.length > 0 ? headerOf(rows[0].cells) : undefined;
	const columns: Column[] = header?.columns ?? ['en', 'es'];
	const units: TranslationUnit[] = [];
	for (const { cells, line } of header ? rows.slice(1) : rows) {
		// A line of spaces alone is a blank line (a row of empty cells is a unit, empty on both sides).
		if (cells.length === 1 && cells[0].trim() === '') continue;
		if (cells.length === 1 && !header)
			return invalid(
				delimiter,
				delimiter === '\t' ? 'no-tab' : 'no-separator',
				line,
				1,
				`line ${line} has no ${delimiter === '\t' ? 'tab' : `“${delimiter}”`} between the English and the Spanish`,
				{ separator: delimiter }
			);
		// Without a header a third column could be anything (a note, a score): refused, not guessed.
		const limit = header ? columns.length : 2;
		if (cells.length > limit)
			return invalid(
				delimiter,
				header ? 'columns-header' : 'columns',
				line,
				cells.length,
				header
					? `line ${line} has ${cells.length} columns; the header names ${limit}`
					: `line ${line} has ${cells.length} columns; expected English, Spanish (or a header line naming the columns: en, es, confidence, reviewed)`,
				{ expected: limit }
			);
		const cell = (column: Column) => {
			const i = columns.indexOf(column);
			return i < 0 || i >= cells.length ? '' : cells[i];
		};
		const unit: TranslationUnit = { en: restoreCell(cell('en')), es: restoreCell(cell('es')) };
		const confidence = cell('confidence').trim();
		if (confidence) {
			const value = Number(confidence);
			if (!(value >= 0 && value <= 1))
				return invalid(
					delimiter,
					'confidence',
					line,
					cells.length,
					`line ${line}: the confidence “${confidence}” is not a number from 0 to 1`,
					{ value: confidence }
				);
			unit.confidence = value;
		}
		if (['yes', 'sí', 'si', 'true', '1'].includes(cell('reviewed').trim().toLowerCase()))
			unit.reviewed = true;
		units.push(unit);
	}
	return ok({
		units,
		languages: { en: header?.tags.en ?? 'en', es: header?.tags.es ?? 'es' },
		header: header !== undefined,
		literalQuotes
	});
}

export const readTsvUnits = (text: string) => readDelimited(text, '\t');

/** CSV with "," or, as spreadsheets in Spanish locales save it, ";": the first line decides. */
export function readCsvUnits(text: string): Result<DelimitedRead> {
	const first = text.replace(/^\ufeff/, '').split(/\r?\n/, 1)[0];
	const count = (c: string) => first.split(c).length - 1;
	return readDelimited(text, count(';') > count(',') ? ';' : ',');
}

/** Pairs of a TSV Puente wrote itself (tests, the aligner's output); a malformed file throws. */
export function readTsv(text: string): TranslationUnit[] {
	const read = readTsvUnits(text);
	if (!read.ok) throw new UserErrorException(read.error);
	return read.value.units;
}
