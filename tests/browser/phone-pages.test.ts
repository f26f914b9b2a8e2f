// The learner's and the shared mode's pages on a phone (390 px), in Spanish, whose words are
// longer: the saved words' table and the users' table fit the screen instead of widening the
// page, a practice direction ("Español → Inglés") is never cut at its arrow, and the sign-in
// page's first-admin command never breaks inside an option ("--" / "role admin").
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseURL, launchChromium, screenshot } from './chromium';

const PHONE = { width: 390, height: 844 };
const root = resolve(import.meta.dirname, '../..');

let browser: Browser;

beforeAll(async () => {
	browser = await launchChromium();
});

afterAll(async () => {
	await browser?.close();
});

const phone = () =>
	browser.newContext({ locale: 'es-ES', viewport: PHONE, hasTouch: true, isMobile: true });

/** The element's right edge, in CSS pixels from the viewport's left. */
const rightEdge = async (locator: Locator) => {
	const box = await locator.boundingBox();
	if (!box) throw new Error('not rendered');
	return box.x + box.width;
};

/** How many lines an element's text takes: its text's boxes grouped by their vertical middle. */
const lines = (locator: Locator) =>
	locator.evaluate((el) => {
		const middles: number[] = [];
		const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
		for (let node = walker.nextNode(); node; node = walker.nextNode()) {
			if (!node.textContent?.trim()) continue;
			const range = document.createRange();
			range.selectNodeContents(node);
			for (const r of range.getClientRects()) if (r.width) middles.push(r.top + r.height / 2);
		}
		middles.sort((x, y) => x - y);
		return middles.filter((m, i) => i === 0 || m - middles[i - 1] > 4).length;
	});

describe('the learner on a phone', () => {
	let context: BrowserContext;
	let page: Page;

	beforeAll(async () => {
		context = await phone();
		page = await context.newPage();
	});

	afterAll(() => context?.close());

	it('lists saved words in the width of the screen, every Remove button reachable', async () => {
		await page.goto(baseURL() + '/');
		for (const item of [
			{ text: 'lacrimógenos', lang: 'es', translation: 'tear (gas)', status: 'learning' },
			{
				text: 'La policía respondió con gases lacrimógenos.',
				lang: 'es',
				translation: 'The police answered with tear gas.',
				status: 'learning'
			}
		]) {
			const status = await page.evaluate(async (item) => {
				const response = await fetch('/api/vocabulary', {
					method: 'POST',
					headers: { 'content-type': 'application/json' },
					body: JSON.stringify(item)
				});
				return response.status;
			}, item);
			expect([200, 201]).toContain(status);
		}
		await page.goto(baseURL() + '/progress');
		const table = page.locator('table.items');
		await table.waitFor();
		expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
			PHONE.width
		);
		expect(await rightEdge(table)).toBeLessThanOrEqual(PHONE.width);
		const removes = table.getByRole('button', { name: /^Quitar/ });
		expect(await removes.count()).toBeGreaterThanOrEqual(2);
		for (const button of await removes.all())
			expect(await rightEdge(button)).toBeLessThanOrEqual(PHONE.width);
		await screenshot(page, 'phone-progress-es');
	});

	it('keeps each practice direction whole', async () => {
		await page.goto(`${baseURL()}/doc/toma-de-lima-uprising/practice`);
		const directions = page.locator('fieldset label');
		expect(await directions.count()).toBe(2);
		for (const label of await directions.all()) {
			expect(await label.textContent()).toContain('→');
			expect(await lines(label)).toBe(1);
		}
		// The language inside a sentence is written as Spanish writes it, in lower case.
		expect(await page.locator('label[for="attempt"]').textContent()).toMatch(
			/al (inglés|español)$/
		);
	});
});

describe('the shared mode on a phone', () => {
	let dir: string;
	let server: ChildProcess;
	let base: string;
	let log = '';
	let env: NodeJS.ProcessEnv;

	const freePort = () =>
		new Promise<number>((done, reject) => {
			const probe = createServer();
			probe.listen(0, '127.0.0.1', () => {
				const address = probe.address();
				probe.close(() => (typeof address === 'object' && address ? done(address.port) : reject()));
			});
		});

	function addUser(email: string, name: string, role: string) {
		const added = spawnSync(
			process.execPath,
			[
				join(root, 'src/cli/puente.js'),
				'user',
				'add',
				'--email',
				email,
				'--name',
				name,
				'--role',
				role
			],
			{ cwd: root, env: { ...env, PUENTE_PASSWORD: 'contraseña-larga-1' }, encoding: 'utf8' }
		);
		expect(added.status, added.stderr).toBe(0);
	}

	beforeAll(async () => {
		dir = mkdtempSync(join(tmpdir(), 'puente-phone-'));
		env = { ...process.env, PUENTE_DB: join(dir, 'puente.db'), PUENTE_AUTH: 'on' };
		const port = await freePort();
		base = `http://127.0.0.1:${port}`;
		server = spawn(process.execPath, [join(root, 'build/index.js')], {
			cwd: root,
			env: { ...env, PORT: String(port), HOST: '127.0.0.1', ORIGIN: base },
			stdio: ['ignore', 'pipe', 'pipe']
		});
		server.stdout?.on('data', (d) => (log += d));
		server.stderr?.on('data', (d) => (log += d));
		const deadline = Date.now() + 60_000;
		for (;;) {
			if (server.exitCode !== null) throw new Error(`server exited early:\n${log}`);
			try {
				if ((await fetch(`${base}/signin`)).ok) break;
			} catch {
				/* not listening yet */
			}
			if (Date.now() > deadline) throw new Error(`server did not answer:\n${log}`);
			await new Promise((r) => setTimeout(r, 200));
		}
	}, 90_000);

	afterAll(async () => {
		if (server && server.exitCode === null) {
			const exited = new Promise((done) => server.once('exit', done));
			server.kill();
			const timer = setTimeout(() => server.kill('SIGKILL'), 5_000);
			await exited;
			clearTimeout(timer);
		}
		if (dir) rmSync(dir, { recursive: true, force: true });
	});

	it('shows the first-admin command with no option cut in two', async () => {
		const context = await phone();
		const page = await context.newPage();
		await page.goto(`${base}/signin`);
		const command = page.locator('.first-run code');
		await command.waitFor();
		expect(await command.textContent()).toBe('npx puente user add --email … --name … --role admin');
		const pieces = await command.locator('.piece').all();
		expect(pieces).toHaveLength(4);
		for (const piece of pieces) expect(await lines(piece)).toBe(1);
		await context.close();
	});

	it('lists the accounts in the width of the screen', async () => {
		addUser('ada@example.org', 'Ada Lovelace', 'admin');
		addUser(
			'beatriz.gonzalez-montenegro@universidad-ejemplo.edu.pe',
			'Beatriz González Montenegro',
			'editor'
		);
		const context = await phone();
		const page = await context.newPage();
		await page.goto(`${base}/signin`);
		await page.getByLabel('Correo electrónico').fill('ada@example.org');
		await page.getByLabel('Contraseña').fill('contraseña-larga-1');
		// Signing in hashes the password and writes a session: on a loaded machine (two test
		// runs at once) that took more than Playwright's 30 s once. Wait longer, and if the
		// page stays on /signin, say what it says.
		await page.getByLabel('Contraseña').press('Enter');
		await page
			.waitForURL((url) => url.pathname !== '/signin', { timeout: 50_000 })
			.catch(async (error) => {
				const said = await page.locator('main').textContent();
				throw new Error(`still on /signin: ${said?.trim()}\nserver log:\n${log}`, { cause: error });
			});
		await page.goto(`${base}/admin/users`);
		const table = page.locator('main table');
		await table.waitFor();
		expect(await rightEdge(table)).toBeLessThanOrEqual(PHONE.width);
		const row = table.locator('tbody tr', { hasText: 'Beatriz' });
		for (const name of ['Guardar rol', 'Desactivar'])
			expect(await rightEdge(row.getByRole('button', { name }))).toBeLessThanOrEqual(PHONE.width);
		await screenshot(page, 'phone-users-es');
		await context.close();
	}, 120_000);
});
