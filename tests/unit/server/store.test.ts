// The store on a real SQLite file in a temp folder: migrations, WAL, and a seeding that can run
// on every start without duplicating or overwriting anything.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDb, type Db } from '$lib/server/db';
import { migrations } from '$lib/server/migrations';
import { seedCorpus } from '$lib/server/seed';

let dir: string;
let db: Db;

beforeEach(() => {
	dir = mkdtempSync(join(tmpdir(), 'puente-store-'));
	db = openDb(join(dir, 'puente.db'));
});

afterEach(() => {
	db.close();
	rmSync(dir, { recursive: true, force: true });
});

describe('store', () => {
	it('applies every migration and runs in WAL mode', () => {
		expect(db.pragma('user_version', { simple: true })).toBe(migrations.length);
		expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
	});

	it('reopening an existing file applies nothing twice', () => {
		db.close();
		db = openDb(join(dir, 'puente.db'));
		expect(db.pragma('user_version', { simple: true })).toBe(migrations.length);
	});

	it('seeds the five bundled articles with their titles and authors, once', () => {
		seedCorpus(db);
		seedCorpus(db);
		const originals = db
			.prepare("SELECT slug, title, author, text FROM documents WHERE origin = 'corpus'")
			.all() as { slug: string; title: string; author: string | null; text: string }[];
		expect(originals).toHaveLength(5);
		const toma = originals.find((d) => d.slug === 'toma-de-lima-uprising');
		expect(toma?.author).toBe('Darragh O’Dwyer');
		expect(toma?.text.startsWith(toma.title)).toBe(true);
	});

	it('keeps a user’s edit of a seeded document across restarts', () => {
		seedCorpus(db);
		db.prepare("UPDATE documents SET title = 'Edited' WHERE slug = 'toma-de-lima-uprising'").run();
		seedCorpus(db);
		const row = db
			.prepare("SELECT title FROM documents WHERE slug = 'toma-de-lima-uprising'")
			.get();
		expect(row).toEqual({ title: 'Edited' });
	});
});
