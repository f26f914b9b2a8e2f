// Our migration holds the tables better-auth expects: the library, asked on a freshly migrated
// database, has nothing to create or add. Fails after an upgrade that changes its schema.
import { describe, expect, it } from 'vitest';
import { getMigrations } from 'better-auth/db/migration';
import { openDb } from '$lib/server/db';
import { createAuth } from '$lib/server/auth/library';

describe('the shared mode schema', () => {
	it('is the one better-auth plans for our configuration', async () => {
		const db = openDb(':memory:');
		const plan = await getMigrations(createAuth({ db }).options);
		expect(plan.toBeCreated.map((t) => t.table)).toEqual([]);
		expect(plan.toBeAdded.map((t) => [t.table, Object.keys(t.fields)])).toEqual([]);
		db.close();
	});

	it('keeps one signing secret per database', () => {
		const db = openDb(':memory:');
		const first = createAuth({ db }).options.secret;
		const second = createAuth({ db }).options.secret;
		expect(first).toBeTruthy();
		expect(second).toBe(first);
		const other = openDb(':memory:');
		expect(createAuth({ db: other }).options.secret).not.toBe(first);
	});
});
