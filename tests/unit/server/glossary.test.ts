// The glossary store on a real SQLite file in a temp folder: seeding that respects people's edits
// and removals, accent-insensitive search, versioned edits, all-or-nothing imports, and exports
// that read back to the same glossary.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDb, type Db } from '$lib/server/db';
import { seedCorpus } from '$lib/server/seed';
import {
	createGlossaryEntry,
	deleteGlossaryEntry,
	exportGlossary,
	getGlossaryEntry,
	glossaryConcordance,
	importGlossary,
	listGlossary,
	seedGlossary,
	toGlossaryEntry,
	updateGlossaryEntry,
	type GlossaryEntryInput
} from '$lib/server/glossary';
import shipped from '$lib/data/glossary.json';
import type { GlossaryEntry } from '$lib/core/glossary';
import { exportGlossaryCsv } from '$lib/core/formats/glossary-csv';
import { exportTbx } from '$lib/core/formats/tbx';

let dir: string;
let db: Db;

beforeEach(() => {
	dir = mkdtempSync(join(tmpdir(), 'puente-glossary-'));
	db = openDb(join(dir, 'puente.db'));
});

afterEach(() => {
	db.close();
	rmSync(dir, { recursive: true, force: true });
});

const newEntry = (overrides: Partial<GlossaryEntryInput> = {}): GlossaryEntryInput => ({
	type: 'concept',
	es: 'Olla común',
	en: 'Community kitchen',
	variants: ['ollas comunes'],
	explanation: {
		en: 'A kitchen run by neighbours that feeds protesters and families.',
		es: 'Cocina organizada por vecinos que alimenta a manifestantes y familias.'
	},
	...overrides
});

/** What a glossary says, without the store's bookkeeping (versions, dates). */
const content = (db: Db) =>
	listGlossary(db)
		.map(toGlossaryEntry)
		.sort((a, b) => a.id.localeCompare(b.id));

describe('seeding', () => {
	it('puts every shipped entry in the store, once', () => {
		expect(seedGlossary(db)).toBe(shipped.length);
		expect(seedGlossary(db)).toBe(0);
		expect(listGlossary(db)).toHaveLength(shipped.length);
		expect(shipped.length).toBeGreaterThanOrEqual(60);
	});

	it('never overwrites a person’s edit of a shipped entry', () => {
		seedGlossary(db);
		const marcha = listGlossary(db, { q: 'marcha de los' })[0];
		const saved = updateGlossaryEntry(db, marcha.id, marcha.version, {
			...marcha,
			explanation: { en: 'Edited by a person.', es: 'Editada por una persona.' }
		});
		expect(saved.ok).toBe(true);
		seedGlossary(db);
		expect(getGlossaryEntry(db, marcha.id)?.explanation.en).toBe('Edited by a person.');
	});

	it('does not bring back a shipped entry a person removed', () => {
		seedGlossary(db);
		const [first] = listGlossary(db);
		expect(deleteGlossaryEntry(db, first.id).ok).toBe(true);
		expect(seedGlossary(db)).toBe(0);
		expect(getGlossaryEntry(db, first.id)).toBeUndefined();
		expect(listGlossary(db).map((e) => e.id)).not.toContain(first.id);
	});
});

describe('search', () => {
	beforeEach(() => seedGlossary(db));

	it('finds Spanish forms without their accents and in any case', () => {
		const found = listGlossary(db, { q: 'peru' });
		expect(found.length).toBeGreaterThan(0);
		expect(found.some((e) => [e.es, e.en, ...e.variants].some((f) => f.includes('Perú')))).toBe(
			true
		);
		expect(listGlossary(db, { q: 'PERÚ' }).map((e) => e.id)).toEqual(found.map((e) => e.id));
	});

	it('finds an entry by its English or its Spanish form', () => {
		const bySpanish = listGlossary(db, { q: 'marcha' });
		expect(bySpanish[0].es).toMatch(/Marcha de los (4|Cuatro) Suyos/);
		const byEnglish = listGlossary(db, { q: bySpanish[0].en });
		expect(byEnglish[0].id).toBe(bySpanish[0].id);
	});

	it('narrows by type, alone or with a query', () => {
		const places = listGlossary(db, { type: 'place' });
		expect(places.length).toBeGreaterThan(0);
		expect(places.every((e) => e.type === 'place')).toBe(true);
		expect(listGlossary(db, { q: 'marcha', type: 'place' }).every((e) => e.type === 'place')).toBe(
			true
		);
	});
});

describe('editing', () => {
	it('adds an entry with an id made from its Spanish form', () => {
		const created = createGlossaryEntry(db, newEntry());
		expect(created.ok).toBe(true);
		if (!created.ok) return;
		expect(created.entry.id).toBe('olla-comun');
		expect(created.entry.origin).toBe('user');
		expect(listGlossary(db, { q: 'olla comun' }).map((e) => e.id)).toEqual(['olla-comun']);
	});

	it('refuses missing fields one by one and writes nothing', () => {
		const result = createGlossaryEntry(db, {
			...newEntry({ es: '  ', type: '' }),
			explanation: { en: 'x', es: '' }
		});
		expect(result.ok).toBe(false);
		if (result.ok) return;
		expect(Object.keys(result.fields ?? {}).sort()).toEqual(['es', 'explanationEs', 'type']);
		expect(result.fields?.es?.key).toBe('glossary:errors.esRequired');
		expect(listGlossary(db)).toEqual([]);
	});

	it('refuses a form the matcher could never find in a text', () => {
		const result = createGlossaryEntry(db, newEntry({ en: '—!—' }));
		expect(result.ok).toBe(false);
		if (!result.ok) expect(result.fields?.en?.key).toBe('glossary:errors.unmatchable');
	});

	it('saves an edit made on the current version and bumps it', () => {
		const created = createGlossaryEntry(db, newEntry());
		if (!created.ok) throw new Error('not created');
		const saved = updateGlossaryEntry(
			db,
			created.entry.id,
			created.entry.version,
			newEntry({ en: 'Soup kitchen' })
		);
		expect(saved.ok && saved.entry.en).toBe('Soup kitchen');
		expect(saved.ok && saved.entry.version).toBe(created.entry.version + 1);
	});

	it('refuses the second of two edits from the same version, keeping the first', () => {
		const created = createGlossaryEntry(db, newEntry());
		if (!created.ok) throw new Error('not created');
		const { id, version } = created.entry;
		expect(updateGlossaryEntry(db, id, version, newEntry({ en: 'Soup kitchen' })).ok).toBe(true);
		const second = updateGlossaryEntry(db, id, version, newEntry({ en: 'Common pot' }));
		expect(second.ok).toBe(false);
		if (second.ok) return;
		expect(second.error.code).toBe('conflict');
		expect(second.current?.en).toBe('Soup kitchen');
		expect(getGlossaryEntry(db, id)?.en).toBe('Soup kitchen');
		// Saving again on the version now stored is a deliberate overwrite, and goes through.
		expect(
			updateGlossaryEntry(db, id, second.current!.version, newEntry({ en: 'Common pot' })).ok
		).toBe(true);
		expect(getGlossaryEntry(db, id)?.en).toBe('Common pot');
	});

	it('removes an entry, refuses to edit it afterwards and never reuses its id', () => {
		const created = createGlossaryEntry(db, newEntry());
		if (!created.ok) throw new Error('not created');
		expect(deleteGlossaryEntry(db, created.entry.id, created.entry.version).ok).toBe(true);
		expect(getGlossaryEntry(db, created.entry.id)).toBeUndefined();
		const edit = updateGlossaryEntry(db, created.entry.id, created.entry.version + 1, newEntry());
		expect(!edit.ok && edit.error.code).toBe('not-found');
		const again = createGlossaryEntry(db, newEntry());
		expect(again.ok && again.entry.id).toBe('olla-comun-2');
	});
});

describe('import and export', () => {
	for (const format of ['csv', 'tbx'] as const) {
		it(`a ${format.toUpperCase()} export imports into an empty store as the same glossary`, () => {
			seedGlossary(db);
			createGlossaryEntry(db, newEntry());
			const exported = exportGlossary(db, format);
			const other = openDb(join(dir, `other-${format}.db`));
			try {
				const report = importGlossary(other, format, exported.body);
				expect(report).toEqual({
					ok: true,
					value: { added: shipped.length + 1, updated: 0, unchanged: 0 }
				});
				const strip = (entries: ReturnType<typeof content>) =>
					entries.map((entry) => ({ ...entry, firstOccurrence: undefined }));
				expect(strip(content(other))).toEqual(strip(content(db)));
				// Importing it once more changes nothing.
				expect(importGlossary(other, format, exported.body)).toEqual({
					ok: true,
					value: { added: 0, updated: 0, unchanged: shipped.length + 1 }
				});
			} finally {
				other.close();
			}
		});
	}

	for (const format of ['csv', 'tbx'] as const)
		it(`applies nothing from a ${format.toUpperCase()} file with one bad entry, and says which`, () => {
			seedGlossary(db);
			const before = content(db);
			const file = (format === 'csv' ? exportGlossaryCsv : exportTbx)([
				{ ...before[0], en: 'Changed by the file' },
				{ id: 'olla-comun', ...newEntry() },
				{ id: 'broken', ...newEntry({ es: 'Roto', en: '' }) }
			] as GlossaryEntry[]);
			const result = importGlossary(db, format, file);
			expect(result.ok).toBe(false);
			if (!result.ok && result.error.key === 'glossary:errors.importInvalidEntry')
				expect(result.error.params).toMatchObject({ number: 3, field: 'en' });
			expect(content(db)).toEqual(before);
		});

	it('refuses a file that is not CSV or TBX at all, applying nothing', () => {
		seedGlossary(db);
		const before = content(db);
		const tbx = importGlossary(db, 'tbx', 'this is not xml');
		expect(tbx.ok).toBe(false);
		const csv = importGlossary(db, 'csv', 'just,a,header\n');
		expect(csv.ok).toBe(false);
		expect(content(db)).toEqual(before);
	});

	it('restores a removed entry when a file brings it back, and counts updates', () => {
		seedGlossary(db);
		const exported = exportGlossary(db, 'csv').body;
		const [first, second] = listGlossary(db);
		deleteGlossaryEntry(db, first.id);
		updateGlossaryEntry(db, second.id, second.version, { ...second, en: `${second.en} edited` });
		const report = importGlossary(db, 'csv', exported);
		expect(report).toEqual({
			ok: true,
			value: { added: 0, updated: 2, unchanged: shipped.length - 2 }
		});
		expect(getGlossaryEntry(db, first.id)).toBeDefined();
		expect(getGlossaryEntry(db, second.id)?.en).toBe(second.en);
	});
});

describe('concordance', () => {
	it('finds an entry in the corpus, cut around the matched form, linked to its sentence', () => {
		seedCorpus(db);
		seedGlossary(db);
		const marcha = listGlossary(db, { q: 'marcha de los' })[0];
		const lines = glossaryConcordance(db, marcha.id);
		expect(lines.length).toBeGreaterThan(0);
		for (const line of lines) {
			expect(line.form.length).toBeGreaterThan(0);
			expect(line.document.slug).toMatch(/\S/);
			expect(line.sentenceIndex).toBeGreaterThanOrEqual(0);
		}
		expect(lines.some((l) => /suyos/i.test(l.form))).toBe(true);
		// The corpus has translations: some lines carry the aligned sentence of the other language.
		const translated = lines.filter((l) => l.translation);
		expect(translated.length).toBeGreaterThan(0);
		expect(translated.every((l) => l.translation!.lang !== l.lang)).toBe(true);
	});

	it('is empty for an entry the corpus never uses', () => {
		seedCorpus(db);
		const created = createGlossaryEntry(
			db,
			newEntry({ es: 'Xyzzyplugh', en: 'Plughxyzzy', variants: [] })
		);
		if (!created.ok) throw new Error('not created');
		expect(glossaryConcordance(db, created.entry.id)).toEqual([]);
	});
});
