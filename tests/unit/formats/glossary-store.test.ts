// Glossary files through the store: files from other tools import, and Puente's own downloads
// (TBX v2 by default, v3, CSV) import back unchanged.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDb, type Db } from '$lib/server/db';
import {
	exportGlossary,
	importGlossary,
	importGlossaryFile,
	listGlossary
} from '$lib/server/glossary';
import { fixtureBytes, fixtureText } from './tools';

let dir: string;
let db: Db;
beforeEach(() => {
	dir = mkdtempSync(join(tmpdir(), 'puente-glossary-formats-'));
	db = openDb(join(dir, 'puente.db'));
});
afterEach(() => {
	db.close();
	rmSync(dir, { recursive: true, force: true });
});

describe('glossary files through the store', () => {
	it('imports csv2tbx output and TBX-Basic with ntig, saying what it decided', () => {
		const csv2tbx = importGlossary(db, 'tbx', fixtureText('csv2tbx-output.tbx'));
		expect(csv2tbx).toMatchObject({
			ok: true,
			value: { added: 3, notes: { undeterminedAsSpanish: 'xx', noDefinition: 3 } }
		});
		const basic = importGlossary(db, 'tbx', fixtureText('tbx-basic-v2-ntig.tbx'));
		expect(basic).toMatchObject({ ok: true, value: { added: 2 } });
		expect(listGlossary(db).map((e) => e.id)).toEqual(
			expect.arrayContaining(['strike', 'lord-of-miracles', 'c1', 'entry-2'])
		);
	});

	it('reads a UTF-16 TBX with a BOM', () => {
		const utf16 = fixtureText('tbx-basic-v2-ntig.tbx').replace('UTF-8', 'UTF-16');
		const bytes = new Uint8Array([0xff, 0xfe, ...Buffer.from(utf16, 'utf16le')]);
		expect(importGlossaryFile(db, 'tbx', bytes)).toMatchObject({ ok: true, value: { added: 2 } });
	});

	it('its own downloads import back unchanged: TBX v2 (the default), v3 and CSV', () => {
		importGlossary(db, 'tbx', fixtureText('tbx-basic-v2-ntig.tbx'));
		const count = listGlossary(db).length;
		const v2 = exportGlossary(db, 'tbx');
		expect(v2.body).toContain('<martif type="TBX-Basic-V1"');
		for (const body of [v2.body, exportGlossary(db, 'tbx', { tbxVersion: 3 }).body])
			expect(importGlossary(db, 'tbx', body)).toEqual({
				ok: true,
				value: { added: 0, updated: 0, unchanged: count }
			});
		const csv = exportGlossary(db, 'csv').body;
		expect(csv.startsWith('\ufeff')).toBe(true);
		expect(importGlossary(db, 'csv', csv)).toEqual({
			ok: true,
			value: { added: 0, updated: 0, unchanged: count }
		});
		expect(exportGlossary(db, 'tbx').body).toBe(v2.body);
	});

	it('offers Windows-1252 for an ANSI glossary CSV', () => {
		const result = importGlossaryFile(db, 'csv', fixtureBytes('cp1252-pairs.csv'));
		expect(!result.ok && result.error.key).toBe('errors:file-looks-cp1252');
	});
});
