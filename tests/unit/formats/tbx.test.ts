import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { exportTbx, NO_DEFINITION, readTbx, type TbxRead } from '$lib/core/formats/tbx';
import { exportGlossaryCsv, parseGlossaryCsv } from '$lib/core/formats/glossary-csv';
import type { GlossaryEntry } from '$lib/core/glossary/types';
import { fixtureText, hasTranslateToolkit, needTool, PYTHON } from './tools';

const read = (text: string): TbxRead => {
	const result = readTbx(text);
	if (!result.ok) throw new Error(String(result.error.params?.detail));
	return result.value;
};

const entries: GlossaryEntry[] = [
	{
		id: 'cgtp',
		type: 'organisation',
		es: 'Confederación General de Trabajadores del Perú',
		en: 'General Confederation of Workers of Peru',
		variants: ['CGTP', 'GCWP', 'la Confederación'],
		explanation: { en: 'Peru’s largest union federation.', es: 'La mayor central sindical.' },
		firstOccurrence: { document: 'huelga-2023', quote: 'La CGTP convocó & marchó.' }
	},
	{
		id: 'keiko-fujimori',
		type: 'person',
		es: 'Keiko Fujimori',
		en: 'Keiko Fujimori',
		variants: [],
		explanation: { en: 'Politician, <b>leader</b> of “Fuerza Popular”.', es: 'Política.\nLíder.' }
	}
];

describe('TBX export and import', () => {
	it('v2 (martif) and v3 both read back as the same glossary, and write the same again', () => {
		for (const version of [2, 3] as const) {
			const text = exportTbx(entries, { version });
			expect(text).toContain(
				version === 2 ? '<martif type="TBX-Basic-V1"' : '<tbx type="TBX-Basic"'
			);
			const back = read(text);
			expect(back.entries).toEqual(entries);
			expect(exportTbx(back.entries, { version })).toBe(text);
		}
	});

	it('keeps the entity type in its own data category, not in subjectField', () => {
		const text = exportTbx(entries, { version: 2 });
		expect(text).toContain('<descrip type="x-entityType">organisation</descrip>');
		expect(text).not.toContain('subjectField');
	});

	it('reads TBX-Basic 2008 with ntig, definitions in descripGrp and at entry level, any id, a subjectField', () => {
		const tbx = read(fixtureText('tbx-basic-v2-ntig.tbx'));
		expect(tbx.entries).toEqual([
			{
				id: 'c1',
				type: 'concept',
				es: 'Congreso de la República',
				en: 'Congress of the Republic',
				variants: ['Congreso'],
				explanation: {
					en: 'The single chamber of Peru’s legislature.',
					es: 'El órgano legislativo unicameral del Perú.'
				}
			},
			{
				id: 'entry-2',
				type: 'concept',
				es: 'paro nacional',
				en: 'general strike',
				variants: [],
				explanation: { en: NO_DEFINITION, es: NO_DEFINITION }
			}
		]);
		// "Politics" is a subject area, not a Puente type: the type defaults, and the reader says so.
		expect(tbx.notes).toMatchObject({
			ids: [{ from: '2', to: 'entry-2' }],
			noDefinition: 1,
			typeDefaulted: 2
		});
	});

	it('reads csv2tbx output (translate-toolkit): ids with spaces, the second language "xx"', () => {
		const tbx = read(fixtureText('csv2tbx-output.tbx'));
		expect(tbx.entries.map(({ id, en, es }) => ({ id, en, es }))).toEqual([
			{ id: 'strike', en: 'strike', es: 'huelga' },
			{
				id: 'congress-of-the-republic',
				en: 'Congress of the Republic',
				es: 'Congreso de la República'
			},
			{ id: 'lord-of-miracles', en: 'Lord of Miracles', es: 'Señor de los Milagros' }
		]);
		expect(tbx.notes.undeterminedAsSpanish).toBe('xx');
	});

	it('refuses entity declarations and names the line of a bad entry', () => {
		const lol = readTbx('<?xml version="1.0"?>\n<!DOCTYPE martif [<!ENTITY a "aaaa">]><martif/>');
		expect(!lol.ok && lol.error.params).toMatchObject({ line: 2 });
		const noSpanish = exportTbx([entries[1]], { version: 2 }).replace(
			/<langSet xml:lang="es">[\s\S]*?<\/langSet>/,
			''
		);
		const result = readTbx(noSpanish);
		expect(!result.ok && result.error.params).toMatchObject({ line: 16, column: 4 });
		expect(!result.ok && String(result.error.params?.detail)).toMatch(/no Spanish term/);
	});

	it('v2 is read by translate-toolkit’s TBX reader: English source, Spanish target, per entry', (context) => {
		if (!needTool(hasTranslateToolkit)) return context.skip('translate-toolkit is not installed');
		const file = join(mkdtempSync(join(tmpdir(), 'puente-tbx-')), 'out.tbx');
		writeFileSync(file, exportTbx(entries, { version: 2 }));
		const script =
			'import json,sys\nfrom translate.storage import tbx\n' +
			'store = tbx.tbxfile.parsefile(sys.argv[1])\n' +
			'print(json.dumps([[u.getid(), u.source, u.gettarget("es")] for u in store.units]))';
		const units = JSON.parse(execFileSync(PYTHON, ['-c', script, file], { encoding: 'utf8' }));
		expect(units).toEqual(entries.map((e) => [e.id, e.en, e.es]));
	});
});

describe('glossary CSV', () => {
	it('starts with a UTF-8 BOM and round-trips, formula-like cells included', () => {
		const tricky: GlossaryEntry = {
			...entries[1],
			id: 'tricky',
			explanation: { en: '=HYPERLINK("x")', es: "'=ya citado" }
		};
		const csv = exportGlossaryCsv([...entries, tricky]);
		expect(csv.startsWith('\ufeffid,type,')).toBe(true);
		expect(csv).toContain(`"'=HYPERLINK(""x"")"`);
		const back = parseGlossaryCsv(csv);
		expect(back).toEqual({ ok: true, value: [...entries, tricky] });
		if (back.ok) expect(exportGlossaryCsv(back.value)).toBe(csv);
	});
});
