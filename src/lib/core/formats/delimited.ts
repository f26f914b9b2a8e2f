// Rows of delimited text (TSV, CSV) through papaparse, the way spreadsheets write them (RFC 4180
// quoting, CRLF), with the line each row starts on so that every problem can be named by line.
// Also the one rule for spreadsheet-safe cells that every writer and reader here shares.
import Papa from 'papaparse';

export interface Row {
	cells: string[];
	/** Line of the file the row starts on, from 1. */
	line: number;
}

export type RowsRead = { rows: Row[] } | { problem: string; line: number };

/**
 * All rows of `text` (a BOM already removed), empty lines skipped. `quotes: false` reads every
 * character literally, for TSV written by hand where a cell may start with a quotation mark;
 * `blankLines: 'whitespace'` also skips lines of spaces and tabs (a glossary, not a memory,
 * where a row of empty cells means something).
 */
export function readRows(
	text: string,
	delimiter: string,
	options: { quotes?: boolean; blankLines?: 'empty' | 'whitespace' } = {}
): RowsRead {
	const blank = options.blankLines === 'whitespace' ? /^(?:[ \t]*\r?\n)*/ : /^(?:\r?\n)*/;
	const rows: Row[] = [];
	let problem: { problem: string; line: number } | undefined;
	let line = 1;
	let cursor = 0;
	const countLines = (from: number, to: number) => {
		for (let i = from; i < to; i++) if (text.charCodeAt(i) === 10) line++;
	};
	Papa.parse<string[]>(text, {
		header: false,
		delimiter,
		// NUL never reaches here (binary input is refused first), so it quotes nothing.
		quoteChar: options.quotes === false ? '\u0000' : '"',
		escapeChar: options.quotes === false ? '\u0000' : '"',
		// By default only empty lines: a row of empty cells ("\t\t") is a row, and the caller decides.
		skipEmptyLines: options.blankLines === 'whitespace' ? 'greedy' : true,
		step: (result, parser) => {
			// Blank lines skipped before this row still count towards its line number.
			const rowStart =
				cursor + (text.slice(cursor, result.meta.cursor).match(blank)?.[0].length ?? 0);
			countLines(cursor, rowStart);
			const rowLine = line;
			countLines(rowStart, result.meta.cursor);
			cursor = result.meta.cursor;
			if (result.errors.length > 0) {
				const e = result.errors[0];
				problem = {
					problem:
						e.code === 'MissingQuotes'
							? 'a quoted field is not closed'
							: e.code === 'InvalidQuotes'
								? 'a quoted field has text after its closing quotation mark'
								: e.message,
					line: rowLine
				};
				parser.abort();
				return;
			}
			rows.push({ cells: result.data, line: rowLine });
		}
	});
	return problem ?? { rows };
}

/** Rows as delimited text with CRLF line ends; cells are quoted only where they must be. */
export function writeRows(rows: readonly (readonly string[])[], delimiter: string): string {
	if (rows.length === 0) return '';
	return Papa.unparse(rows as string[][], { delimiter, newline: '\r\n', quotes: false }) + '\r\n';
}

/*
 * Spreadsheet-safe cells (OWASP "CSV injection"): a cell that starts with =, +, -, @, a tab or a
 * CR would be run as a formula by Excel or LibreOffice, so it is written with a leading
 * apostrophe, which spreadsheets read as "this is text". To keep the rule reversible, a cell that
 * already starts with apostrophes before such a character gets one more; reading takes exactly
 * one off. So "=SUM(A1)" is written "'=SUM(A1)", "'=x" is written "''=x", and both read back as
 * they were. (A file from elsewhere with "'=x" reads as "=x": the apostrophe meant "text" there too.)
 */
const FORMULA = /^'*[=+\-@\t\r]/;

export const neutraliseCell = (cell: string): string => (FORMULA.test(cell) ? `'${cell}` : cell);

export const restoreCell = (cell: string): string =>
	cell.startsWith("'") && FORMULA.test(cell) ? cell.slice(1) : cell;
