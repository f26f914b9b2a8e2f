// The shared mode end to end: a server of its own (the production build, PUENTE_AUTH=on, a fresh
// database). A signed-out visit goes to the sign-in page, which says how to make the first
// admin; `puente user add` makes it while the server runs; the admin signs in and creates a
// reader on the users page; the reader signs in, reads a text, and a form post to edit an
// alignment is refused with 403; a form refused once the session ended says why on the error page.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, screenshot, seriousAxeViolations } from './chromium';

const root = resolve(import.meta.dirname, '../..');
const ADMIN = { email: 'ada@example.org', name: 'Ada Admin', password: 'ada-password-1' };
const READER = { email: 'rita@example.org', name: 'Rita Reader', password: 'rita-password-1' };

let dir: string;
let server: ChildProcess;
let log = '';
let base: string;
let browser: Browser;
let page: Page;
let env: NodeJS.ProcessEnv;

/** `puente user add` for the first admin; the password from the environment, never argv. */
function addFirstAdmin() {
	const added = spawnSync(
		process.execPath,
		[
			join(root, 'src/cli/puente.js'),
			'user',
			'add',
			'--email',
			ADMIN.email,
			'--name',
			ADMIN.name,
			'--role',
			'admin'
		],
		{ cwd: root, env: { ...env, PUENTE_PASSWORD: ADMIN.password }, encoding: 'utf8' }
	);
	expect(added.status, added.stderr).toBe(0);
	expect(added.stdout).toContain(ADMIN.email);
}

function freePort(): Promise<number> {
	return new Promise((done, reject) => {
		const probe = createServer();
		probe.listen(0, '127.0.0.1', () => {
			const address = probe.address();
			probe.close(() => (typeof address === 'object' && address ? done(address.port) : reject()));
		});
	});
}

async function waitForServer(url: string): Promise<void> {
	const deadline = Date.now() + 60_000;
	while (Date.now() < deadline) {
		if (server.exitCode !== null) throw new Error(`server exited early:\n${log}`);
		try {
			if ((await fetch(url)).ok) return;
		} catch {
			/* not listening yet */
		}
		await new Promise((r) => setTimeout(r, 200));
	}
	throw new Error(`server did not answer at ${url}:\n${log}`);
}

async function signIn(who: { email: string; password: string }) {
	await page.getByLabel('Email').fill(who.email);
	await page.getByLabel('Password').fill(who.password);
	await page.getByLabel('Password').press('Enter');
	await page.waitForURL((url) => url.pathname !== '/signin');
}

beforeAll(async () => {
	if (!existsSync(join(root, 'build/handler.js')))
		throw new Error('No production build: run `npx vite build` first.');
	dir = mkdtempSync(join(tmpdir(), 'puente-shared-'));
	env = { ...process.env, PUENTE_DB: join(dir, 'puente.db'), PUENTE_AUTH: 'on' };
	const port = await freePort();
	base = `http://127.0.0.1:${port}`;
	// adapter-node's own server on the same build `npm start` serves; ORIGIN says it is http.
	server = spawn(process.execPath, [join(root, 'build/index.js')], {
		cwd: root,
		env: { ...env, PORT: String(port), HOST: '127.0.0.1', ORIGIN: base, BODY_SIZE_LIMIT: '16M' },
		stdio: ['ignore', 'pipe', 'pipe']
	});
	server.stdout?.on('data', (d) => (log += d));
	server.stderr?.on('data', (d) => (log += d));
	await waitForServer(`${base}/signin`);

	browser = await launchChromium();
	const context = await browser.newContext({
		locale: 'en-US',
		viewport: { width: 1280, height: 900 }
	});
	page = await context.newPage();
}, 120_000);

afterAll(async () => {
	await browser?.close();
	// adapter-node closes gracefully on SIGTERM; do not leave it behind if a connection lingers.
	if (server && server.exitCode === null) {
		const exited = new Promise((done) => server.once('exit', done));
		server.kill();
		const timer = setTimeout(() => server.kill('SIGKILL'), 5_000);
		await exited;
		clearTimeout(timer);
	}
	if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('the shared mode', () => {
	it('sends a signed-out visit to the sign-in page, which passes axe in light and dark', async () => {
		const response = await page.goto(`${base}/glossary`);
		expect(response?.status()).toBe(200);
		expect(new URL(page.url()).pathname).toBe('/signin');
		expect(new URL(page.url()).searchParams.get('next')).toBe('/glossary');
		await expect(page.getByRole('heading', { name: 'Sign in' }).isVisible()).resolves.toBe(true);
		// A server just switched on has nobody to sign in: the page says how to make the first admin.
		await expect(page.locator('main').textContent()).resolves.toContain('no accounts yet');
		// Nothing of the app behind it: the documents API answers 401 without a session.
		expect((await fetch(`${base}/api/documents`)).status).toBe(401);
		expect(await seriousAxeViolations(page)).toEqual([]);
		await page.emulateMedia({ colorScheme: 'dark' });
		expect(await seriousAxeViolations(page)).toEqual([]);
		await screenshot(page, 'shared-mode-signin-dark');
		await page.emulateMedia({ colorScheme: 'light' });
	});

	it('takes the first admin from the command line while the server runs', async () => {
		addFirstAdmin();
		await page.reload();
		await expect(page.locator('main').textContent()).resolves.not.toContain('no accounts yet');
	});

	it('signs the admin in and back to the page asked for, naming them in the header', async () => {
		await signIn(ADMIN);
		expect(new URL(page.url()).pathname).toBe('/glossary');
		const header = page.locator('header.site');
		await expect(header.textContent()).resolves.toContain('Signed in as Ada Admin (admin)');
		const cookies = await page.context().cookies();
		const session = cookies.find((c) => c.name.endsWith('session_token'));
		expect(session?.httpOnly).toBe(true);
		expect(session?.sameSite).toBe('Lax');
	});

	it('lets the admin create a reader on the users page, by keyboard', async () => {
		await page.getByRole('link', { name: 'Users' }).click();
		await page.waitForURL(`${base}/admin/users`);
		expect(await seriousAxeViolations(page)).toEqual([]);
		await page.getByLabel('Name', { exact: true }).fill(READER.name);
		await page.getByLabel('Email', { exact: true }).fill(READER.email);
		await page.getByLabel('Password (at least 8 characters)').fill(READER.password);
		await page.getByRole('radio', { name: /^reader/ }).check();
		await page.getByRole('button', { name: 'Create' }).focus();
		await page.keyboard.press('Enter');
		await page.getByRole('status').waitFor();
		await expect(page.getByRole('status').textContent()).resolves.toContain(
			`Account created for ${READER.email}`
		);
		const row = page.getByRole('row', { name: new RegExp(READER.name) });
		await expect(row.textContent()).resolves.toContain('active');
		await page.emulateMedia({ colorScheme: 'dark' });
		expect(await seriousAxeViolations(page)).toEqual([]);
		await screenshot(page, 'shared-mode-users-dark');
		await page.emulateMedia({ colorScheme: 'light' });
		await page.getByRole('button', { name: 'Sign out' }).click();
		await page.waitForURL((url) => url.pathname === '/signin');
	});

	it('signs the reader in: reading works, the header hides what a reader cannot do, and a form post to edit is refused with 403', async () => {
		await signIn(READER);
		expect(new URL(page.url()).pathname).toBe('/');
		const header = page.locator('header.site');
		await expect(header.textContent()).resolves.toContain('Signed in as Rita Reader (reader)');
		expect(await page.getByRole('link', { name: 'Add' }).count()).toBe(0);
		expect(await page.getByRole('link', { name: 'Users' }).count()).toBe(0);

		const slug = await page.evaluate(async () => {
			const answer = await fetch('/api/documents');
			const body = (await answer.json()) as { documents: { slug: string }[] };
			return body.documents[0].slug;
		});
		const reading = await page.goto(`${base}/doc/${slug}`);
		expect(reading?.status()).toBe(200);
		await expect(page.locator('main h1').count()).resolves.toBeGreaterThan(0);

		// The same post the alignment editor sends, from the reader's own page and session.
		const refused = await page.evaluate(async (slug) => {
			const form = new FormData();
			form.set('kind', 'review');
			form.set('bead', '0');
			const answer = await fetch(`/doc/${slug}?/edit`, { method: 'POST', body: form });
			return { status: answer.status, text: await answer.text() };
		}, slug);
		expect(refused.status).toBe(403);
		expect(refused.text).toContain('role does not allow');

		const usersPage = await page.goto(`${base}/admin/users`);
		expect(usersPage?.status()).toBe(403);
		await expect(page.locator('main').textContent()).resolves.toContain('role does not allow');
	});

	it('says on the error page why a form was refused: the session ended while the page was open', async () => {
		const saved = await page.evaluate(async () => {
			const answer = await fetch('/api/vocabulary', {
				method: 'POST',
				headers: { 'content-type': 'application/json' },
				body: JSON.stringify({ text: 'puente', lang: 'es', translation: 'bridge' })
			});
			return answer.ok;
		});
		expect(saved).toBe(true);
		await page.goto(`${base}/progress`);
		// Signed out elsewhere (another tab, or an admin disabled the account): no session now.
		await page.context().clearCookies();
		await page.getByRole('button', { name: 'Remove “puente”' }).click();
		const main = page.locator('main');
		await expect.poll(() => main.textContent()).toContain('Sign in to do this.');
		await expect(main.textContent()).resolves.toContain('(401)');
		expect(await seriousAxeViolations(page)).toEqual([]);
	});
});
