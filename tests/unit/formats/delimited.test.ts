import { describe, expect, it } from 'vitest';
import {
	readCsvUnits,
	readTsvUnits,
	writeCsvUnits,
	writeTsvUnits,
	type DelimitedRead
} from '$lib/core/formats/tsv';
import { neutraliseCell, restoreCell } from '$lib/core/formats/delimited';
import { decodeFileBytes } from '$lib/core/formats/encoding';
import type { TranslationUnit } from '$lib/core/formats/tmx';
import { fixtureBytes } from './tools';

const value = (result: ReturnType<typeof readTsvUnits>): DelimitedRead => {
	if (!result.ok) throw new Error(String(result.error.params?.detail));
	return result.value;
};
const textOf = (name: string, encoding?: 'windows-1252') => {
	const decoded = decodeFileBytes(fixtureBytes(name), { encoding });
	if (!decoded.ok) throw new Error(decoded.error.key);
	return decoded.value.text;
};

/** What the sheet in libreoffice-pairs.fods holds, row by row after its header. */
const SHEET = [
	{ en: '"Stop," she said, "now."', es: '«Para», dijo, «ya».' },
	{ en: 'First line\nsecond line', es: 'Primera línea\nsegunda línea' },
	{ en: 'Use ARG1 != ARG2 here; 100\u00a0km', es: 'Use ARG1 != ARG2 aquí; 100\u00a0km' },
	{ en: 'The strike, in Cusco, lasted days.', es: 'La huelga, en el Cusco, duró días.' }
];

describe('delimited files from spreadsheets', () => {
	it('reads LibreOffice’s CSV and TSV: quoting, line breaks in cells, the header line not a pair', () => {
		for (const [name, read] of [
			['libreoffice-pairs.csv', readCsvUnits],
			['libreoffice-pairs.tsv', readTsvUnits]
		] as const) {
			const file = value(read(textOf(name)));
			expect(file.units).toEqual(SHEET);
			expect(file.header).toBe(true);
			expect(file.literalQuotes).toBe(false);
		}
	});

	it('reads Excel’s “Unicode Text” (UTF-16LE, BOM, CRLF, tabs)', () => {
		const file = value(readTsvUnits(textOf('excel-unicode-text.txt')));
		expect(file.units).toEqual([
			{ en: 'Congress approved the budget.', es: 'El Congreso aprobó el presupuesto.' },
			{ en: 'He said "no".', es: 'Dijo «no».' },
			{ en: 'Two\nlines', es: 'Dos\nlíneas' },
			{ en: '=1+1 is two', es: '=1+1 es dos' }
		]);
	});

	it('recognises a Windows-1252 CSV and offers it, and reads it when chosen', () => {
		const refused = decodeFileBytes(fixtureBytes('cp1252-pairs.csv'));
		expect(!refused.ok && refused.error).toMatchObject({
			code: 'file-not-utf8',
			key: 'errors:file-looks-cp1252'
		});
		expect(value(readCsvUnits(textOf('cp1252-pairs.csv', 'windows-1252'))).units).toEqual(SHEET);
	});

	it('reads a header in either order and with region codes; without one, English then Spanish', () => {
		const swapped = value(readTsvUnits('es-419\ten-GB\r\nHola\tHello\r\n'));
		expect(swapped.units).toEqual([{ en: 'Hello', es: 'Hola' }]);
		expect(swapped.languages).toEqual({ en: 'en-GB', es: 'es-419' });
		expect(value(readTsvUnits('Inglés\tEspañol\nYes\tSí\n')).units).toEqual([
			{ en: 'Yes', es: 'Sí' }
		]);
		expect(value(readCsvUnits('English;Spanish\r\n"Yes, sir";"Sí, señor"\r\n')).units).toEqual([
			{ en: 'Yes, sir', es: 'Sí, señor' }
		]);
		const plain = value(readTsvUnits('English words\tPalabras\n'));
		expect(plain.header).toBe(false);
		expect(plain.units).toEqual([{ en: 'English words', es: 'Palabras' }]);
	});

	it('reads hand-written quotation marks as text, and says so', () => {
		const file = value(readTsvUnits('"Hola", dijo.\t"Hi", he said.\n'));
		expect(file.units).toEqual([{ en: '"Hola", dijo.', es: '"Hi", he said.' }]);
		expect(file.literalQuotes).toBe(true);
	});

	it('refuses a line without a separator, an extra column or a bad confidence, naming the line', () => {
		for (const [text, line] of [
			['a\tb\n\nno tab here\n', 3],
			['a\tb\n\t\n  \n\nno tab\n', 5],
			['en\tes\na\tb\tc\n', 2],
			['a\tb\t0.9\n', 1],
			['en\tes\tconfidence\na\tb\tnot a number\n', 2]
		] as const) {
			const result = readTsvUnits(text);
			expect(!result.ok && result.error.params).toMatchObject({ format: 'TSV', line });
		}
		const csv = readCsvUnits('en,es\n"open,b\n');
		expect(!csv.ok && csv.error.params).toMatchObject({ format: 'CSV', line: 2 });
	});
});

describe('spreadsheet-safe cells', () => {
	it('neutralises a cell that starts a formula, and the rule is reversible', () => {
		for (const cell of ['=SUM(A1)', '+51 1 234', '-L, --files', '@user', "'=x", "''+y", '\tx'])
			expect(neutraliseCell(cell).startsWith("'")).toBe(true);
		for (const cell of ['=SUM(A1)', "'=x", "''+y", "'plain", 'plain', '', "'", '-'])
			expect(restoreCell(neutraliseCell(cell))).toBe(cell);
	});
});

describe('TSV and CSV round trips', () => {
	const units: TranslationUnit[] = [
		{ en: '=HYPERLINK("http://x")', es: '-¿Vienes?', confidence: 0.25 },
		{ en: 'ARG1 != ARG2', es: 'ARG1 != ARG2', confidence: 1, reviewed: true },
		{ en: 'Tab\there, "quotes"', es: 'Tabulador\taquí, «comillas»', confidence: 0.5 },
		{ en: 'Two\r\nlines, nbsp\u00a0!', es: 'Dos\nlíneas', confidence: 0.873 },
		{ en: ' leading and trailing ', es: "'=already quoted", confidence: 0 }
	];

	it('write → read is the identity and read → write too, for TSV and CSV', () => {
		const tsv = writeTsvUnits(units, { srcLang: 'en-US', tgtLang: 'es-ES' });
		const back = value(readTsvUnits(tsv));
		expect(back.units).toEqual(units);
		expect(back.languages).toEqual({ en: 'en-US', es: 'es-ES' });
		expect(
			writeTsvUnits(back.units, { srcLang: back.languages.en, tgtLang: back.languages.es })
		).toBe(tsv);
		const csv = writeCsvUnits(units);
		expect(csv.startsWith('\ufeffen,es,confidence,reviewed\r\n')).toBe(true);
		const csvBack = value(readCsvUnits(csv));
		expect(csvBack.units).toEqual(units);
		expect(writeCsvUnits(csvBack.units)).toBe(csv);
	});

	it('writes no cell that a spreadsheet would run', () => {
		const cells = writeTsvUnits(units)
			.split('\r\n')
			.flatMap((line) => line.split('\t'));
		expect(cells.filter((c) => /^[=+\-@]/.test(c))).toEqual([]);
	});
});
