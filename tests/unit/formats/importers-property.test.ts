// Random and mutated files thrown at every importer: each answers units (entries) or a
// format-invalid message; none throws. Where the format has lines, the message names one
// inside the file.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readTmx, writeTmxUnits, type TranslationUnit } from '$lib/core/formats/tmx';
import { readCsvUnits, readTsvUnits, writeCsvUnits, writeTsvUnits } from '$lib/core/formats/tsv';
import { readAlignmentJsonUnits, writeAlignmentJsonUnits } from '$lib/core/formats/alignment-json';
import { exportTbx, readTbx } from '$lib/core/formats/tbx';
import { exportGlossaryCsv, parseGlossaryCsv } from '$lib/core/formats/glossary-csv';
import { decodeFileBytes } from '$lib/core/formats/encoding';
import type { Result } from '$lib/core/errors';
import type { GlossaryEntry } from '$lib/core/glossary/types';
import { createTranslator } from '$lib/i18n/translator';
import { fixtureText } from './tools';

const text = fc.string({ unit: 'grapheme', maxLength: 40 });
const unit: fc.Arbitrary<TranslationUnit> = fc.record(
	{
		en: text,
		es: text,
		confidence: fc.integer({ min: 0, max: 1000 }).map((n) => n / 1000),
		reviewed: fc.constant(true)
	},
	{ requiredKeys: ['en', 'es'] }
);

/** A file cut, spliced, or with characters put in, from a valid one. */
const mutated = (file: string) =>
	fc.oneof(
		fc.nat(file.length).map((n) => file.slice(0, n)),
		fc
			.tuple(
				fc.nat(file.length),
				fc.nat(20),
				fc.constantFrom(
					'<',
					'>',
					'&',
					'"',
					"'",
					'\t',
					'\n',
					'\r',
					',',
					'&#0;',
					'&lol;',
					'<!ENTITY x "y">',
					'\u0000',
					'\ud800',
					']]>',
					'<![CDATA['
				)
			)
			.map(([at, cut, insert]) => file.slice(0, at) + insert + file.slice(at + cut)),
		fc
			.tuple(fc.nat(file.length), fc.nat(file.length))
			.map(([a, b]) => file.slice(0, Math.min(a, b)) + file.slice(Math.max(a, b)))
	);

const GLOSSARY: GlossaryEntry[] = [
	{
		id: 'paro-nacional',
		type: 'event',
		es: 'paro nacional',
		en: 'national strike',
		variants: ['huelga general'],
		explanation: { en: 'A strike across the country.', es: 'Una huelga en todo el país.' }
	}
];

/** The answer is a value or a format-invalid error whose line, if any, is inside the file. */
function answersClearly(result: Result<unknown>, file: string) {
	if (result.ok) return;
	expect(['format-invalid', 'text-empty']).toContain(result.error.code);
	// Every reason reads as a sentence in both languages (pages and the CLI translate it).
	const reason = result.error.params?.reason;
	if (reason !== undefined)
		for (const lng of ['en', 'es'] as const)
			expect(
				createTranslator(lng)(`contribute:formatDetail.${reason}`, { defaultValue: '' })
			).not.toBe('');
	const line = result.error.params?.line;
	if (line !== undefined) {
		expect(Number(line)).toBeGreaterThanOrEqual(1);
		// A lone CR ends a line too (XML 1.0 §2.11; spreadsheets and editors agree).
		expect(Number(line)).toBeLessThanOrEqual(file.split(/\r\n?|\n/).length);
	}
}

const importers: [string, (text: string) => Result<unknown>, string][] = [
	['TMX', (t) => readTmx(t), writeTmxUnits([{ en: 'a & b', es: 'c < d', confidence: 0.5 }])],
	['TMX from OmegaT', (t) => readTmx(t), fixtureText('omegat-level2.tmx')],
	['TSV', readTsvUnits, writeTsvUnits([{ en: '"q"\tx', es: 'y\nz', reviewed: true }])],
	['CSV', readCsvUnits, writeCsvUnits([{ en: 'a,"b"', es: 'c\nd', confidence: 1 }])],
	['alignment JSON', readAlignmentJsonUnits, writeAlignmentJsonUnits([{ en: 'a', es: 'b' }])],
	['TBX v2', readTbx, exportTbx(GLOSSARY, { version: 2 })],
	['TBX v3', readTbx, exportTbx(GLOSSARY, { version: 3 })],
	['TBX-Basic with ntig', readTbx, fixtureText('tbx-basic-v2-ntig.tbx')],
	['glossary CSV', parseGlossaryCsv, exportGlossaryCsv(GLOSSARY)]
];

describe('every importer, given random and mutated files', { timeout: 60_000 }, () => {
	for (const [name, read, valid] of importers) {
		it(`${name}: units or a clear message, never a throw`, () => {
			fc.assert(
				fc.property(fc.oneof(fc.string({ maxLength: 200 }), mutated(valid)), (file) => {
					answersClearly(read(file), file);
				}),
				{ numRuns: 300 }
			);
		});
	}

	it('bytes of any kind decode to text or a clear refusal', () => {
		fc.assert(
			fc.property(fc.uint8Array({ maxLength: 300 }), (bytes) => {
				const decoded = decodeFileBytes(bytes);
				if (!decoded.ok)
					expect(['file-binary', 'file-not-utf8', 'text-empty']).toContain(decoded.error.code);
			}),
			{ numRuns: 500 }
		);
	});
});

describe('round trips of random units', { timeout: 60_000 }, () => {
	const units = fc.array(unit, { maxLength: 8 });
	const both = (u: TranslationUnit) => u.en.trim().length > 0 && u.es.trim().length > 0;
	// XML 1.0 cannot carry these; the store never holds them (the decoder refuses control characters).
	const xmlSafe = (u: TranslationUnit) =>
		// eslint-disable-next-line no-control-regex
		!/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/.test(u.en + u.es);

	it('TMX: read(write(units)) gives the units back', () => {
		fc.assert(
			fc.property(units, (list) => {
				const kept = list.filter(both).filter(xmlSafe);
				const read = readTmx(writeTmxUnits(kept));
				expect(read.ok && read.value.units).toEqual(kept);
			})
		);
	});

	it('TSV and CSV: read(write(units)) gives the units back', () => {
		fc.assert(
			fc.property(units, (list) => {
				const tsv = readTsvUnits(writeTsvUnits(list));
				expect(tsv.ok && tsv.value.units).toEqual(list);
				const csv = readCsvUnits(writeCsvUnits(list));
				expect(csv.ok && csv.value.units).toEqual(list);
			}),
			{
				examples: [
					[
						[
							{ en: '', es: '' },
							{ en: ' ', es: '\t' }
						]
					]
				]
			}
		);
	});
});
