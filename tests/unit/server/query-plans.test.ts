// Every query the pages make, captured while the real load functions run on a real store, is
// answered through an index or the primary key wherever it looks something up: SQLite's own
// EXPLAIN QUERY PLAN says so. A query with no parameter lists a whole table (the library, the
// glossary) and may scan it.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Db } from '$lib/server/db';

let dir: string;
let db: Db;
const captured = new Map<string, unknown[]>();

beforeAll(async () => {
	dir = mkdtempSync(join(tmpdir(), 'puente-plans-'));
	vi.stubEnv('PUENTE_DB', join(dir, 'puente.db'));
	vi.resetModules();
	const { init } = await import('../../../src/hooks.server');
	const { getDb } = await import('$lib/server/db');
	const { analysisFor } = await import('$lib/server/analysis');
	await init();
	db = getDb();
	await analysisFor(db).idle();
}, 60_000);

afterAll(async () => {
	const { closePool } = await import('$lib/server/analysis-pool');
	await closePool();
	db.close();
	vi.unstubAllEnvs();
	rmSync(dir, { recursive: true, force: true });
});

/** Runs `work` with every statement prepared on the store recorded with its parameters. */
async function capture(work: () => unknown): Promise<void> {
	const prepare = db.prepare.bind(db);
	const spy = vi.spyOn(db, 'prepare').mockImplementation(((sql: string) => {
		const statement = prepare(sql);
		for (const method of ['get', 'all', 'run', 'iterate'] as const) {
			const original = (statement[method] as (...a: unknown[]) => unknown).bind(statement);
			(statement as unknown as Record<string, unknown>)[method] = (...params: unknown[]) => {
				captured.set(sql, params);
				return original(...params);
			};
		}
		return statement;
	}) as typeof db.prepare);
	try {
		await work();
	} finally {
		spy.mockRestore();
	}
}

const event = (path: string, params: Record<string, string> = {}) =>
	({
		url: new URL(`http://localhost${path}`),
		params,
		locals: { lang: 'en' },
		request: new Request(`http://localhost${path}`)
	}) as never;

describe('query plans', () => {
	it('the library, the reader, practice, the status endpoint and the glossary look things up through indexes', async () => {
		const library = await import('../../../src/routes/+page.server');
		const reader = await import('../../../src/routes/doc/[id]/+page.server');
		const practice = await import('../../../src/routes/doc/[id]/practice/+page.server');
		const status = await import('../../../src/routes/doc/[id]/status/+server');
		const documents = await import('../../../src/routes/api/documents/+server');
		const glossaryEntry = await import('../../../src/routes/glossary/[id]/+page.server');
		const slug = 'toma-de-lima-uprising';
		await capture(async () => {
			await library.load(event('/'));
			await library.load(event('/?q=lima&sort=aligned'));
			await reader.load(event(`/doc/${slug}`, { id: slug }));
			await reader.load(event('/doc/1', { id: '1' }));
			await practice.load(event(`/doc/${slug}/practice`, { id: slug }));
			await status.GET(event(`/doc/${slug}/status`, { id: slug }));
			await documents.GET(event('/api/documents'));
			await glossaryEntry.load(event('/glossary/toma-de-lima', { id: 'toma-de-lima' }));
		});

		expect(captured.size).toBeGreaterThan(8);
		expectIndexedLookups();
	}, 60_000);

	it("the background analysis finds a document's translations through the translation_of index", async () => {
		captured.clear();
		const { analysisFor } = await import('$lib/server/analysis');
		await capture(async () => {
			analysisFor(db).request(1);
			await analysisFor(db).idle();
		});
		expectIndexedLookups();
		const partners = [...captured].find(([sql]) => sql.includes('translation_of = ?'));
		expect(partners).toBeDefined();
		expect(planOf(...partners!).join('\n')).toContain('documents_translation_of');
	}, 60_000);
});

function planOf(sql: string, params: unknown[]): string[] {
	return (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as { detail: string }[]).map(
		(r) => r.detail
	);
}

function expectIndexedLookups(): void {
	const lookups = [...captured].filter(([, params]) => params.length > 0);
	expect(lookups.length).toBeGreaterThan(5);
	for (const [sql, params] of lookups) {
		const scans = planOf(sql, params).filter((d) => /^SCAN (?!CONSTANT)/.test(d));
		expect({ sql, scans }).toEqual({ sql, scans: [] });
	}
}
