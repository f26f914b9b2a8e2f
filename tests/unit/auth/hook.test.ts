// The shared mode through the server's own hook (src/hooks.server.ts), with real accounts and
// sessions in a fresh database: who is signed in, and what each role may do before any route
// runs. `resolve` stands for the route: a refused request must never reach it.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isRedirect, type Handle, type RequestEvent } from '@sveltejs/kit';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

type Role = 'reader' | 'editor' | 'admin';
let handle: Handle;
const sessions: Partial<Record<Role, string>> = {};

interface Fake {
	method?: string;
	path: string;
	routeId: string | null;
	cookie?: string;
	headers?: Record<string, string>;
	client?: string;
}

function fakeEvent({
	method = 'GET',
	path,
	routeId,
	cookie,
	headers = {},
	client = '127.0.0.1'
}: Fake) {
	const url = new URL(`http://localhost${path}`);
	const set = new Map<string, string>();
	const request = new Request(url, {
		method,
		headers: {
			host: 'localhost',
			origin: 'http://localhost',
			...(cookie ? { cookie } : {}),
			...headers
		},
		body: method === 'GET' || method === 'HEAD' ? undefined : 'x=1'
	});
	const event = {
		request,
		url,
		route: { id: routeId },
		params: {},
		locals: {},
		cookies: {
			get: (name: string) =>
				cookie
					?.split('; ')
					.map((pair) => pair.split('='))
					.find(([n]) => n === name)?.[1],
			getAll: () => [],
			set: (name: string, value: string) => void set.set(name, value),
			delete: () => undefined,
			serialize: () => ''
		},
		getClientAddress: () => client,
		setHeaders: () => undefined,
		isDataRequest: false,
		isSubRequest: false,
		platform: undefined,
		fetch
	} as unknown as RequestEvent;
	return { event, set };
}

async function run(fake: Fake) {
	const ran = vi.fn(async () => new Response('the route ran'));
	const { event } = fakeEvent(fake);
	const response = await handle({ event, resolve: ran });
	return { response, ran: ran.mock.calls.length > 0, user: event.locals.user };
}

beforeAll(async () => {
	vi.stubEnv('PUENTE_AUTH', 'on');
	vi.stubEnv('PUENTE_DB', join(mkdtempSync(join(tmpdir(), 'puente-auth-')), 'puente.db'));
	vi.resetModules();
	({ handle } = await import('../../../src/hooks.server'));
	const { serverAuth, signIn } = await import('$lib/server/auth/server');
	const { createAccount } = await import('$lib/server/auth/users');
	for (const role of ['reader', 'editor', 'admin'] as const) {
		const email = `${role}@example.org`;
		const created = await createAccount(serverAuth(), {
			email,
			name: `A ${role}`,
			password: 'correct horse',
			role
		});
		expect(created.ok).toBe(true);
		const { event, set } = fakeEvent({ method: 'POST', path: '/signin', routeId: '/signin' });
		expect(await signIn(event, email, 'correct horse')).toEqual({ ok: true });
		sessions[role] = [...set]
			.map(([name, value]) => `${name}=${encodeURIComponent(value)}`)
			.join('; ');
	}
}, 60_000);

afterAll(() => {
	vi.unstubAllEnvs();
	vi.resetModules();
});

const EDIT = { method: 'POST', path: '/doc/toma-de-lima?/edit', routeId: '/doc/[id]' };

describe('the shared mode hook', () => {
	it("fills locals.user from the session cookie: the account's id, name, email and role", async () => {
		const { user, ran } = await run({ path: '/', routeId: '/', cookie: sessions.editor });
		expect(ran).toBe(true);
		expect(user).toMatchObject({ name: 'A editor', email: 'editor@example.org', role: 'editor' });
		expect(typeof user?.id).toBe('string');
	});

	it("refuses a reader's form post to edit an alignment with 403, before the action runs", async () => {
		const { response, ran } = await run({ ...EDIT, cookie: sessions.reader });
		expect(response.status).toBe(403);
		expect(ran).toBe(false);
		expect(await response.text()).toMatch(/role/i);
	});

	it("answers an enhanced form's refusal as an ActionResult the page can show", async () => {
		const { response } = await run({
			...EDIT,
			cookie: sessions.reader,
			headers: { 'x-sveltekit-action': 'true' }
		});
		expect(response.status).toBe(403);
		expect(await response.json()).toMatchObject({ type: 'error', status: 403 });
	});

	it('lets an editor and an admin through to the same edit', async () => {
		expect((await run({ ...EDIT, cookie: sessions.editor })).ran).toBe(true);
		expect((await run({ ...EDIT, cookie: sessions.admin })).ran).toBe(true);
	});

	it('lets a reader read, study and keep their vocabulary', async () => {
		for (const fake of [
			{ path: '/doc/toma-de-lima', routeId: '/doc/[id]' },
			{ path: '/glossary', routeId: '/glossary' },
			{ method: 'POST', path: '/api/vocabulary', routeId: '/api/vocabulary' },
			{ method: 'POST', path: '/settings?/theme', routeId: '/settings' }
		])
			expect((await run({ ...fake, cookie: sessions.reader })).ran, fake.path).toBe(true);
	});

	it('keeps glossary and text writes from readers', async () => {
		for (const fake of [
			{ method: 'POST', path: '/glossary/new', routeId: '/glossary/new' },
			{ method: 'POST', path: '/glossary/3/edit?/delete', routeId: '/glossary/[id]/edit' },
			{ method: 'POST', path: '/add?/paste', routeId: '/add' }
		]) {
			const { response, ran } = await run({ ...fake, cookie: sessions.reader });
			expect(response.status, fake.path).toBe(403);
			expect(ran).toBe(false);
		}
	});

	it('keeps the users page for admins', async () => {
		const users = { path: '/admin/users', routeId: '/admin/users' };
		const refused = await run({
			...users,
			cookie: sessions.editor,
			headers: { accept: 'text/html' }
		});
		expect(refused.response.status).toBe(403);
		expect(refused.response.headers.get('content-type')).toContain('text/html');
		expect(await refused.response.text()).toContain('does not allow this');
		expect((await run({ ...users, cookie: sessions.admin })).ran).toBe(true);
		const create = { method: 'POST', path: '/admin/users?/create', routeId: '/admin/users' };
		expect((await run({ ...create, cookie: sessions.editor })).ran).toBe(false);
	});

	it('sends a signed-out reader to sign in, and answers signed-out API calls and writes 401', async () => {
		// Thrown as SvelteKit's redirect, so a client-side navigation's data request gets it as JSON.
		const ran = vi.fn(async () => new Response('the route ran'));
		const { event } = fakeEvent({ path: '/doc/toma-de-lima?view=one', routeId: '/doc/[id]' });
		const thrown = await Promise.resolve()
			.then(() => handle({ event, resolve: ran }))
			.catch((e: unknown) => e);
		expect(isRedirect(thrown)).toBe(true);
		expect(isRedirect(thrown) && [thrown.status, thrown.location]).toEqual([
			303,
			'/signin?next=%2Fdoc%2Ftoma-de-lima%3Fview%3Done'
		]);
		expect(ran).not.toHaveBeenCalled();
		const api = await run({ path: '/api/documents', routeId: '/api/documents' });
		expect(api.response.status).toBe(401);
		expect((await api.response.json()).error.code).toBe('sign-in-required');
		expect((await run({ ...EDIT })).response.status).toBe(401);
		expect((await run({ path: '/signin', routeId: '/signin' })).ran).toBe(true);
	});

	it('treats a forged or stale session cookie as signed out', async () => {
		const forged = sessions.admin!.replace(/=([^.;]{4})/, '=XXXX');
		const { response, user } = await run({ ...EDIT, cookie: forged });
		expect(user).toBeNull();
		expect(response.status).toBe(401);
	});

	it('rate-limits sign-in per client address: the fourth try in 10 seconds waits', async () => {
		const { signIn } = await import('$lib/server/auth/server');
		const attempt = (client: string) =>
			signIn(
				fakeEvent({ method: 'POST', path: '/signin', routeId: '/signin', client }).event,
				'reader@example.org',
				'wrong password'
			);
		for (let k = 0; k < 3; k++)
			expect(await attempt('192.0.2.1')).toEqual({ ok: false, reason: 'invalid' });
		const fourth = await attempt('192.0.2.1');
		expect(fourth).toMatchObject({ ok: false, reason: 'rate-limited' });
		// Another address is not held back by the first one's failures.
		expect(await attempt('192.0.2.2')).toEqual({ ok: false, reason: 'invalid' });
	});
});
