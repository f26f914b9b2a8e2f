// The glossary as CSV for spreadsheets: one entry per row, variants joined by " | " (a form
// never contains "|", the validator sees to that), a UTF-8 BOM first, spreadsheet-safe cells.
// Reading names the line of any problem.
import Papa from 'papaparse';
import { fail, ok, type Result } from '../errors';
import { checkGlossaryEntry } from '../glossary/schema';
import type { GlossaryEntry } from '../glossary/types';
import { neutraliseCell, readRows, restoreCell } from './delimited';

export const GLOSSARY_CSV_COLUMNS = [
	'id',
	'type',
	'es',
	'en',
	'variants',
	'explanation_en',
	'explanation_es',
	'first_occurrence_document',
	'first_occurrence_quote'
] as const;
type Column = (typeof GLOSSARY_CSV_COLUMNS)[number];
const REQUIRED: Column[] = ['id', 'type', 'es', 'en', 'explanation_en', 'explanation_es'];
const VARIANT_SEPARATOR = ' | ';

export function exportGlossaryCsv(entries: readonly GlossaryEntry[]): string {
	const rows = entries.map((e) => [
		e.id,
		e.type,
		e.es,
		e.en,
		e.variants.join(VARIANT_SEPARATOR),
		e.explanation.en,
		e.explanation.es,
		e.firstOccurrence?.document ?? '',
		e.firstOccurrence?.quote ?? ''
	]);
	// A spreadsheet must not run a cell that starts with "=" as a formula: such cells get a
	// leading apostrophe, which the reader takes off again (delimited.ts has the reversible rule).
	// The BOM tells Excel, opened by double-click, that the file is UTF-8.
	return (
		'\ufeff' +
		Papa.unparse(
			{ fields: [...GLOSSARY_CSV_COLUMNS], data: rows.map((row) => row.map(neutraliseCell)) },
			{ newline: '\r\n' }
		) +
		'\r\n'
	);
}

const invalid = (detail: string) =>
	fail<GlossaryEntry[]>('format-invalid', { format: 'CSV', detail });

/** Spreadsheets in Spanish locales save with ";"; tabs come from copy and paste. Decided by the header line. */
function delimiterOf(headerLine: string): string {
	const counts = [',', ';', '\t'].map((d) => [d, headerLine.split(d).length - 1] as const);
	return counts.reduce((best, c) => (c[1] > best[1] ? c : best))[0];
}

const unescapeFormula = restoreCell;

export function parseGlossaryCsv(text: string): Result<GlossaryEntry[]> {
	const input = text.replace(/^\ufeff/, '');
	if (!input.trim()) return invalid('the file is empty');

	const read = readRows(input, delimiterOf(input.slice(0, input.search(/\r?\n|$/))), {
		blankLines: 'whitespace'
	});
	if ('problem' in read) return invalid(`line ${read.line}: ${read.problem}`);
	const { rows } = read;
	if (rows.length === 0) return invalid('the file is empty');

	const header = rows[0].cells.map((c) => c.trim().toLowerCase());
	const missing = REQUIRED.filter((c) => !header.includes(c));
	if (missing.length > 0)
		return invalid(
			`line 1: missing column${missing.length > 1 ? 's' : ''} ${missing.map((c) => `“${c}”`).join(', ')}`
		);
	const at = (cells: string[], column: Column) => {
		const i = header.indexOf(column);
		return i < 0 ? '' : unescapeFormula(cells[i] ?? '');
	};

	const entries: GlossaryEntry[] = [];
	const firstLineOf = new Map<string, number>();
	for (const { cells, line: rowLine } of rows.slice(1)) {
		if (cells.length !== header.length)
			return invalid(`line ${rowLine}: expected ${header.length} fields, found ${cells.length}`);
		const document = at(cells, 'first_occurrence_document');
		const quote = at(cells, 'first_occurrence_quote');
		const check = checkGlossaryEntry({
			id: at(cells, 'id'),
			type: at(cells, 'type').trim(),
			es: at(cells, 'es'),
			en: at(cells, 'en'),
			variants: at(cells, 'variants').split('|'),
			explanation: { en: at(cells, 'explanation_en'), es: at(cells, 'explanation_es') },
			firstOccurrence: document.trim() || quote.trim() ? { document, quote } : undefined
		});
		if (!('entry' in check)) return invalid(`line ${rowLine}: ${check.problem}`);
		const first = firstLineOf.get(check.entry.id);
		if (first !== undefined)
			return invalid(`line ${rowLine}: duplicate id “${check.entry.id}” (first on line ${first})`);
		firstLineOf.set(check.entry.id, rowLine);
		entries.push(check.entry);
	}
	return ok(entries);
}
