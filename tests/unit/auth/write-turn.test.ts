// The accounts library's writes take their turn at the store's write lock (write-turns.ts): a
// sign-in while a worker job holds the lock waits for it with the event loop free, then signs in.
// The store's connection has busy_timeout 0 here, so a session written without waiting would meet
// the worker's lock and fail the sign-in instead of waiting on the loop.
import { afterEach, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDb } from '$lib/server/db';
import { createAuth } from '$lib/server/auth/library';
import { createAccount } from '$lib/server/auth/users';
import { storeWriteTurns } from '$lib/server/write-turns';
import { holdingWorker } from '../server/holding-worker';

let dir: string | undefined;
afterEach(() => {
	if (dir) rmSync(dir, { recursive: true, force: true });
});

const nextTurnOfTheLoop = () => new Promise((resolve) => setImmediate(resolve));

describe('the accounts library beside a worker that writes', () => {
	it('a sign-in waits for the worker’s write with the event loop free, then signs in', async () => {
		dir = mkdtempSync(join(tmpdir(), 'puente-auth-turns-'));
		const store = join(dir, 'store.db');
		const db = openDb(store);
		const auth = createAuth({ db });
		await createAccount(auth, {
			email: 'kim@example.org',
			name: 'Kim',
			password: 'long enough',
			role: 'reader'
		});
		db.pragma('busy_timeout = 0');
		const sessions = () =>
			(db.prepare('SELECT count(*) AS n FROM auth_session').get() as { n: number }).n;

		const held = holdingWorker(storeWriteTurns, store, 'test-held');
		try {
			await held.holding;
			const signingIn = auth.api.signInEmail({
				body: { email: 'kim@example.org', password: 'long enough' },
				asResponse: true
			});
			// The loop keeps turning while the sign-in waits at its write.
			let turns = 0;
			while (storeWriteTurns.writersWaiting === 0) {
				await nextTurnOfTheLoop();
				turns++;
			}
			expect(turns).toBeGreaterThan(0);
			expect(sessions()).toBe(0);

			held.release();
			const answer = await signingIn;
			expect(answer.status).toBe(200);
			expect(sessions()).toBe(1);
			await held.committed;
		} finally {
			await held.worker.terminate();
			db.close();
		}
	});
});
