// Export → import → export through the store gives the same file, for every memory format,
// for a pair imported from a file and for a mixed document aligned by Puente.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDb, type Db } from '$lib/server/db';
import {
	addText,
	buildExport,
	EXPORT_FORMATS,
	importMemory,
	type ExportFormat
} from '$lib/server/contribute';
import { readTmx, writeTmxUnits, type TranslationUnit } from '$lib/core/formats/tmx';
import { fixtureBytes } from './tools';

let dir: string;
let db: Db;
beforeEach(() => {
	dir = mkdtempSync(join(tmpdir(), 'puente-roundtrip-'));
	db = openDb(join(dir, 'puente.db'));
});
afterEach(() => {
	db.close();
	rmSync(dir, { recursive: true, force: true });
});

const bytes = (text: string) => new TextEncoder().encode(text);

function imported(fileName: string, content: Uint8Array): string {
	const result = importMemory(db, { title: '', fileName, bytes: content, sides: 'confirmed' });
	if (!result.ok) throw new Error(JSON.stringify(result.errors));
	return result.slug;
}

function exported(slug: string, format: ExportFormat): string {
	const file = buildExport(db, slug, format);
	if (!file.ok) throw new Error(file.error.key);
	return file.value.body;
}

const UNITS: TranslationUnit[] = [
	{
		en: 'The strike began on Monday in Puno.',
		es: 'El paro empezó el lunes en Puno.',
		confidence: 0.612,
		reviewed: true
	},
	{
		en: 'Use ARG1 != ARG2 to compare them.',
		es: 'Use ARG1 != ARG2 para compararlos.',
		confidence: 0.9
	},
	{
		en: 'Prices rose by 5\u00a0% in Lima.\nThe minister resigned.',
		es: 'Los precios subieron un 5\u00a0% en Lima.\nEl ministro renunció.',
		confidence: 1
	},
	{ en: '=SUM(A1) is not a formula here.', es: '=SUM(A1) no es una fórmula aquí.', confidence: 0.5 }
];

describe('round trips through the store', { timeout: 60_000 }, () => {
	it('every format: export → import → export is identical, confidences, review marks and region codes kept', () => {
		const source = writeTmxUnits(UNITS, { srcLang: 'en-GB', tgtLang: 'es-419' });
		const slug = imported('memory.tmx', bytes(source));
		const first = exported(slug, 'tmx');
		expect(readTmx(first).ok && readTmx(first)).toMatchObject({
			value: { units: UNITS, languages: { en: 'en-GB', es: 'es-419' } }
		});
		for (const format of EXPORT_FORMATS) {
			const once = exported(slug, format);
			const again = exported(imported(`again.${format}`, bytes(once)), format);
			expect(again, format).toBe(once);
		}
	});

	it('an OmegaT TMX with inline codes is stored as clean text', () => {
		const slug = imported('omegat.tmx', fixtureBytes('omegat-level2.tmx'));
		const read = readTmx(exported(slug, 'tmx'));
		if (!read.ok) throw new Error('unreadable export');
		expect(read.value.units[1]).toMatchObject({
			en: 'Click Save to keep your changes.',
			es: 'Pulse Guardar para conservar los cambios.'
		});
		const stored = db.prepare('SELECT meta FROM documents WHERE slug = ?').get(slug) as {
			meta: string;
		};
		expect(JSON.parse(stored.meta)).toMatchObject({
			languageTag: 'en-US',
			importNotes: { inlineCodes: 14 }
		});
	});

	it('a mixed document aligned by Puente: export → import → export is identical', () => {
		const text =
			'The protests spread from the south to the capital within a few weeks. Thousands travelled by bus to join them.\n\n' +
			'Las protestas se extendieron desde el sur hasta la capital en pocas semanas. Miles de personas viajaron en autobús para unirse.\n\n' +
			'The government declared a state of emergency in three regions.\n\n' +
			'El gobierno declaró el estado de emergencia en tres regiones.\n';
		const added = addText(db, { title: 'Mixed', text, via: 'paste' });
		if (!added.ok) throw new Error('not added');
		for (const format of EXPORT_FORMATS) {
			const once = exported(added.slug, format);
			expect(once).toContain('The government declared a state of emergency in three regions.');
			const again = exported(imported(`mixed.${format}`, bytes(once)), format);
			expect(again, format).toBe(once);
		}
	});

	it('a UTF-16 Excel TSV and a po2tmx TMX import with their text as written', () => {
		const excel = exported(imported('excel.txt', fixtureBytes('excel-unicode-text.txt')), 'tsv');
		expect(excel).toContain('"Two\nlines"\t"Dos\nlíneas"');
		expect(excel).toContain("'=1+1 is two");
		const po = exported(imported('grep.tmx', fixtureBytes('po2tmx-debian-es.tmx')), 'tmx');
		expect(po).toContain('ARG1 != ARG2      ARG1 is unequal to ARG2');
	});

	it('refuses a Windows-1252 file unless the person chooses that encoding', () => {
		const file = fixtureBytes('cp1252-pairs.csv');
		const refused = importMemory(db, { title: '', fileName: 'pairs.csv', bytes: file });
		expect(!refused.ok && refused.errors[0].error.key).toBe('errors:file-looks-cp1252');
		const chosen = importMemory(db, {
			title: '',
			fileName: 'pairs.csv',
			bytes: file,
			encoding: 'windows-1252',
			sides: 'confirmed'
		});
		expect(chosen.ok).toBe(true);
		if (chosen.ok) expect(exported(chosen.slug, 'csv')).toContain('«Para», dijo, «ya».');
	});
});
