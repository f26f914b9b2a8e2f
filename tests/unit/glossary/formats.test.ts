import { describe, expect, it } from 'vitest';
import { exportGlossaryCsv, parseGlossaryCsv } from '../../../src/lib/core/formats/glossary-csv';
import { exportTbx, parseTbx, variantLanguage } from '../../../src/lib/core/formats/tbx';
import type { GlossaryEntry } from '../../../src/lib/core/glossary';
import { glossary } from './corpus';

/** Values that break naive writers: separators, quotes, markup, line breaks, a formula. */
const tricky: GlossaryEntry = {
	id: 'tricky-entry',
	type: 'concept',
	es: 'coup d’état',
	en: "O'Higgins-Sur",
	variants: ['AT-T', 'Perú Libre'],
	explanation: {
		en: '=SUM(A1) said "he", then; a, b\nsecond line. AT&T <b>bold</b> &amp; \'quoted\' |pipe|.',
		es: '-1 es «negativo»; ¿sí?\r\nOtra línea. &lt;'
	},
	firstOccurrence: { document: 'a, "b".txt', quote: '<tag> & "quote"' }
};
// The validator turns \r\n into \n; what comes back is the cleaned entry.
const trickyClean = {
	...tricky,
	explanation: { ...tricky.explanation, es: tricky.explanation.es.replace('\r\n', '\n') }
};
const withoutOccurrence: GlossaryEntry = {
	...glossary[0],
	id: 'no-occurrence',
	firstOccurrence: undefined
};
delete withoutOccurrence.firstOccurrence;

const problem = (r: { ok: boolean; error?: { code: string; params?: Record<string, unknown> } }) =>
	r.ok
		? undefined
		: { code: r.error!.code, format: r.error!.params?.format, detail: r.error!.params?.detail };

describe('glossary CSV', () => {
	it('re-imports an export to the same glossary', () => {
		expect(parseGlossaryCsv(exportGlossaryCsv(glossary))).toEqual({ ok: true, value: glossary });
		expect(parseGlossaryCsv(exportGlossaryCsv([trickyClean, withoutOccurrence]))).toEqual({
			ok: true,
			value: [trickyClean, withoutOccurrence]
		});
	});

	it('protects cells that a spreadsheet would run as formulas', () => {
		expect(exportGlossaryCsv([trickyClean])).toContain(`"'=SUM(A1)`);
	});

	it('reads files saved with semicolons, a byte order mark, columns in another order and blank lines', () => {
		const csv =
			'\ufeffen;es;id;type;explanation_es;explanation_en;variants\r\n\r\n' +
			'Organization of American States;Organización de los Estados Americanos;oea;organisation;Una. Dos.;One. Two.;OEA | OAS\r\n';
		expect(parseGlossaryCsv(csv)).toEqual({
			ok: true,
			value: [
				{
					id: 'oea',
					type: 'organisation',
					es: 'Organización de los Estados Americanos',
					en: 'Organization of American States',
					variants: ['OEA', 'OAS'],
					explanation: { en: 'One. Two.', es: 'Una. Dos.' }
				}
			]
		});
	});

	it('says which column is missing', () => {
		expect(problem(parseGlossaryCsv('id,type,es,en\ncgtp,organisation,CGTP,CGTP\n'))).toEqual({
			code: 'format-invalid',
			format: 'CSV',
			detail: 'line 1: missing columns “explanation_en”, “explanation_es”'
		});
	});

	it('names the line of an unknown type, counting line breaks inside quoted fields', () => {
		const lines = exportGlossaryCsv([trickyClean, glossary[1]]).replace(',event,', ',union,');
		expect(problem(parseGlossaryCsv(lines))?.detail).toBe(
			`line 5: entry “${glossary[1].id}”: unknown type “union” (expected one of event, organisation, party, place, people, person, concept, institution)`
		);
	});

	it('names both lines of a duplicate id', () => {
		const csv = exportGlossaryCsv([glossary[0], glossary[1], glossary[0]]);
		expect(problem(parseGlossaryCsv(csv))?.detail).toBe(
			`line 4: duplicate id “${glossary[0].id}” (first on line 2)`
		);
	});

	it('reports rows with the wrong number of fields, unclosed quotes and empty files', () => {
		const header = 'id,type,es,en,variants,explanation_en,explanation_es\n';
		expect(problem(parseGlossaryCsv(header + 'a,place,Lima,Lima\n'))?.detail).toBe(
			'line 2: expected 7 fields, found 4'
		);
		expect(
			problem(parseGlossaryCsv(header + 'a,place,Lima,Lima,,"One. Two.,Una. Dos.\n'))?.detail
		).toBe('line 2: a quoted field is not closed');
		expect(problem(parseGlossaryCsv('  \n'))?.detail).toBe('the file is empty');
	});

	it('never throws, whatever it is given', () => {
		for (const junk of ['"', ',,,\n,,,', '\u0000\u0001', 'id\n"a""', '<?xml?>', 'x'.repeat(10_000)])
			expect(parseGlossaryCsv(junk).ok).toBe(false);
	});
});

describe('glossary TBX-Basic', () => {
	it('re-imports an export to the same glossary, variant order included', () => {
		expect(parseTbx(exportTbx(glossary))).toEqual({ ok: true, value: glossary });
		expect(parseTbx(exportTbx([trickyClean, withoutOccurrence]))).toEqual({
			ok: true,
			value: [trickyClean, withoutOccurrence]
		});
	});

	it('writes one conceptEntry per entry, the canonical forms as preferred terms, abbreviations in their language', () => {
		const oea = glossary.find((e) => e.id === 'oea')!;
		const xml = exportTbx([oea]);
		expect(xml).toContain(
			'<tbx type="TBX-Basic" style="dca" xml:lang="en" xmlns="urn:iso:std:iso:30042:ed-2">'
		);
		expect(xml).toContain('<conceptEntry id="oea">');
		expect(xml).toMatch(
			/<term>Organización de los Estados Americanos<\/term>\s*<termNote type="administrativeStatus">preferredTerm-admn-sts/
		);
		expect(variantLanguage('OEA', oea)).toBe('es');
		expect(variantLanguage('OAS', oea)).toBe('en');
		expect(variantLanguage('Congreso del Perú', oea)).toBe('es');
		expect(variantLanguage('Organisation of American States', oea)).toBe('en');
	});

	it('reads the older martif layout, numeric character references, and ignores other languages', () => {
		const xml = `<?xml version="1.0"?>
<martif type="TBX-Basic" xml:lang="en"><martifHeader/><text><body>
  <termEntry id="cafe-lima">
    <descrip type="subjectField">place</descrip>
    <langSet xml:lang="en-GB"><descrip type="definition">A caf&#233;. In Lima.</descrip><tig><term>Caf&#xE9; Lima</term></tig></langSet>
    <langSet xml:lang="fr"><tig><term>Café de Lima</term></tig></langSet>
    <langSet xml:lang="es-PE"><descrip type="definition">Un café. En Lima.</descrip><tig><term>Café Lima</term></tig><tig><term>CL</term></tig></langSet>
  </termEntry>
</body></text></martif>`;
		expect(parseTbx(xml)).toEqual({
			ok: true,
			value: [
				{
					id: 'cafe-lima',
					type: 'place',
					es: 'Café Lima',
					en: 'Café Lima',
					variants: ['CL'],
					explanation: { en: 'A café. In Lima.', es: 'Un café. En Lima.' }
				}
			]
		});
	});

	it('reports bad XML with its line, and files that are not TBX', () => {
		expect(problem(parseTbx('<tbx>\n<text>\n<body></text></tbx>'))).toEqual({
			code: 'format-invalid',
			format: 'TBX',
			detail: expect.stringMatching(/^line 3: /)
		});
		expect(problem(parseTbx('<html><body/></html>'))?.detail).toBe(
			'this is not a TBX file (no <tbx> or <martif> root element)'
		);
		expect(problem(parseTbx(''))?.detail).toBe('the file is empty');
		expect(problem(parseTbx('<!DOCTYPE tbx [<!ENTITY a "aaaa">]><tbx/>'))?.detail).toMatch(
			/^line 1: entity declarations are refused/
		);
	});

	it('names the entry with an unknown type, a duplicate id or a missing language', () => {
		const xml = exportTbx([glossary[0], glossary[1]]);
		expect(problem(parseTbx(xml.replace('>event<', '>union<')))?.detail).toMatch(
			/^line \d+: entry “toma-de-lima”: unknown type “union”/
		);
		expect(problem(parseTbx(exportTbx([glossary[0], glossary[0]])))?.detail).toMatch(
			/^line \d+: duplicate id “toma-de-lima”$/
		);
		const noSpanish = xml.replace(/<langSec xml:lang="es">[\s\S]*?<\/langSec>/, '');
		expect(problem(parseTbx(noSpanish))?.detail).toMatch(
			/^line \d+: entry “toma-de-lima”: no Spanish term$/
		);
	});

	it('gives an entry without an id one from its term, and reads a term with highlighting as its text', () => {
		const xml = exportTbx([glossary[0], glossary[1]]);
		const noId = parseTbx(xml.replace('<conceptEntry id="toma-de-lima">', '<conceptEntry>'));
		expect(noId.ok && noId.value.map((e) => e.id)).toEqual([glossary[0].id, glossary[1].id]);
		const marked = parseTbx(
			xml.replace('<term>Toma de Lima</term>', '<term>Toma <hi>de</hi> Lima</term>')
		);
		expect(marked.ok && marked.value[0].es).toBe('Toma de Lima');
	});

	it('never throws, whatever it is given', () => {
		for (const junk of [
			'<',
			'<tbx',
			'<tbx><text><body><conceptEntry id="a"/></body></text></tbx>',
			'\u0000',
			'id,type\n'
		])
			expect(parseTbx(junk).ok).toBe(false);
	});
});
