// Accounts: the checks on a new one, and what disabling does through the library (no sign-in,
// no session), on a fresh database.
import { describe, expect, it } from 'vitest';
import { openDb } from '$lib/server/db';
import { createAuth } from '$lib/server/auth/library';
import { checkNewAccount, createAccount, listAccounts } from '$lib/server/auth/users';

const GOOD = { email: ' Ana@Example.org ', name: ' Ana ', password: 'eight chr', role: 'editor' };

describe('checkNewAccount', () => {
	it('trims the name and email and lower-cases the email', () => {
		expect(checkNewAccount(GOOD)).toEqual({
			ok: true,
			value: { email: 'ana@example.org', name: 'Ana', password: 'eight chr', role: 'editor' }
		});
	});

	const bad: [string, Partial<typeof GOOD>, string][] = [
		['an address without @', { email: 'ana.example.org' }, 'invalidEmail'],
		['an address without a domain dot', { email: 'ana@example' }, 'invalidEmail'],
		['an empty name', { name: '  ' }, 'invalidName'],
		['a seven-character password', { password: 'seven c' }, 'shortPassword'],
		['an unknown role', { role: 'owner' }, 'invalidRole']
	];
	for (const [what, change, problem] of bad)
		it(`refuses ${what}`, () => {
			expect(checkNewAccount({ ...GOOD, ...change })).toEqual({ ok: false, problem });
		});
});

describe('accounts through better-auth', () => {
	it('creates, refuses a second account with the same email, and lists by email', async () => {
		const db = openDb(':memory:');
		const auth = createAuth({ db });
		const make = (email: string, role: 'reader' | 'admin') =>
			createAccount(auth, { email, name: email, password: 'long enough', role });
		expect((await make('zoe@example.org', 'reader')).ok).toBe(true);
		expect((await make('adam@example.org', 'admin')).ok).toBe(true);
		expect(await make('zoe@example.org', 'admin')).toEqual({ ok: false, problem: 'exists' });
		expect(listAccounts(db).map((a) => [a.email, a.role, a.disabled])).toEqual([
			['adam@example.org', 'admin', false],
			['zoe@example.org', 'reader', false]
		]);
	});

	it("an admin's ban disables the account: its session ends and it cannot sign in", async () => {
		const db = openDb(':memory:');
		const auth = createAuth({ db });
		const signIn = async (email: string) => {
			const answer = await auth.api.signInEmail({
				body: { email, password: 'long enough' },
				asResponse: true
			});
			const cookie = answer.headers.get('set-cookie')?.split(';')[0];
			return { status: answer.status, headers: new Headers(cookie ? { cookie } : {}) };
		};
		for (const [email, role] of [
			['boss@example.org', 'admin'],
			['kim@example.org', 'reader']
		] as const)
			await createAccount(auth, { email, name: email, password: 'long enough', role });
		const boss = await signIn('boss@example.org');
		const kim = await signIn('kim@example.org');
		expect(await auth.api.getSession({ headers: kim.headers })).not.toBeNull();
		const kimId = listAccounts(db).find((a) => a.email === 'kim@example.org')!.id;
		// A reader cannot ban anyone: the library checks the role of the headers it is given.
		await expect(
			auth.api.banUser({ headers: kim.headers, body: { userId: kimId } })
		).rejects.toThrow();
		await auth.api.banUser({ headers: boss.headers, body: { userId: kimId } });
		expect(await auth.api.getSession({ headers: kim.headers })).toBeNull();
		expect(listAccounts(db).find((a) => a.id === kimId)?.disabled).toBe(true);
		expect((await signIn('kim@example.org')).status).toBe(403);
	});
});
