// What a person does to add their own texts: paste an English paragraph and its Spanish
// translation and land on them side by side; make the usual mistakes (an empty form, a file
// that is not UTF-8, two English sides) and see what went wrong without losing what they typed;
// export the new pair as TMX; and /add passes axe in both themes and languages.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { baseURL, launchChromium, screenshot, seriousAxeViolations } from './chromium';

const TMX_DTD = resolve(import.meta.dirname, '../fixtures/formats/tmx14.dtd');

const ENGLISH = [
	'The market in the old square opens before dawn every Saturday.',
	'Farmers from the valley bring potatoes, maize and fresh cheese.',
	'By nine o’clock the stalls are crowded with families.',
	'Most sellers pack up and leave shortly after noon.'
].join(' ');
const SPANISH = [
	'El mercado de la plaza vieja abre antes del amanecer todos los sábados.',
	'Los agricultores del valle traen papas, maíz y queso fresco.',
	'A las nueve los puestos están llenos de familias.',
	'La mayoría de los vendedores recoge y se va poco después del mediodía.'
].join(' ');

let browser: Browser;
let context: BrowserContext;
let page: Page;
let dir: string;

beforeAll(async () => {
	browser = await launchChromium();
	context = await browser.newContext({ locale: 'en-US', viewport: { width: 1280, height: 900 } });
	page = await context.newPage();
	dir = mkdtempSync(join(tmpdir(), 'puente-contribute-browser-'));
});

afterAll(async () => {
	await browser?.close();
	rmSync(dir, { recursive: true, force: true });
});

const summary = (p: Page) => p.locator('.panel:not([hidden]) [role="alert"]');

describe('adding a text', () => {
	let slug = '';

	it('pastes an English text and its Spanish translation and opens them side by side', async () => {
		await page.goto(baseURL() + '/add');
		expect(await page.locator('h1').textContent()).toBe('Add a text');
		await screenshot(page, 'add-paste-light-en');
		expect(await seriousAxeViolations(page)).toEqual([]);

		await page.getByLabel('Title').first().fill('Saturday market');
		await page.getByText('A text and its translation').first().click();
		await page.getByLabel('English text').fill(ENGLISH);
		await page.getByLabel('Spanish text').fill(SPANISH);
		await screenshot(page, 'add-paste-pair-filled');
		await page.getByRole('button', { name: 'Add', exact: true }).first().click();

		await page.waitForURL(/\/doc\/saturday-market/);
		slug = new URL(page.url()).pathname.split('/').pop()!;
		await expect.poll(() => page.locator('h1').textContent()).toBe('Saturday market');
		// The text shows at once; its pairs fill in when the background analysis is done.
		const row = page
			.locator('.row.kind-pair', { hasText: 'Farmers from the valley bring potatoes' })
			.first();
		await expect.poll(() => row.count(), { timeout: 30_000 }).toBe(1);
		expect(await row.locator('.cell-es').textContent()).toContain(
			'Los agricultores del valle traen papas'
		);
		expect(await page.locator('.row').count()).toBeGreaterThanOrEqual(4);
		await screenshot(page, 'add-result-reader');
	});

	it('exports the new pair as a TMX that validates against the TMX 1.4 DTD', async () => {
		const response = await page.request.get(`${baseURL()}/doc/${slug}/export?format=tmx`);
		expect(response.status()).toBe(200);
		expect(response.headers()['content-disposition']).toContain(
			`attachment; filename="${slug}.tmx"`
		);
		const tmx = await response.text();
		expect(tmx).toContain(
			'<seg>Los agricultores del valle traen papas, maíz y queso fresco.</seg>'
		);
		const file = join(dir, `${slug}.tmx`);
		writeFileSync(file, tmx);
		// Throws (and fails the test) with xmllint's report if the file is not valid.
		execFileSync('xmllint', ['--noout', '--dtdvalid', TMX_DTD, file], { stdio: 'pipe' });

		// The TSV names its columns on the first line; the first pair follows.
		const tsv = await page.request.get(`${baseURL()}/doc/${slug}/export?format=tsv`);
		const [header, first] = (await tsv.text()).split('\r\n');
		expect(header.split('\t').slice(0, 2)).toEqual(['en', 'es']);
		expect(first.split('\t').slice(0, 2)).toEqual([
			'The market in the old square opens before dawn every Saturday.',
			'El mercado de la plaza vieja abre antes del amanecer todos los sábados.'
		]);
	});

	it('answers 404 with a translated message for a document with nothing aligned', async () => {
		await page.goto(baseURL() + '/add');
		await page.getByLabel('Title').first().fill('Only English');
		await page.getByLabel('Text', { exact: true }).fill(ENGLISH);
		await page.getByRole('button', { name: 'Add', exact: true }).first().click();
		await page.waitForURL(/\/doc\/only-english/);
		const response = await page.request.get(`${baseURL()}/doc/only-english/export?format=tmx`, {
			headers: { cookie: 'puente-lang=es' }
		});
		expect(response.status()).toBe(404);
		expect((await response.json()).error.message).toContain('no tiene pares alineados');
	});

	it('keeps the typed title when an empty form is submitted, and says what is missing', async () => {
		await page.goto(baseURL() + '/add');
		await page.getByLabel('Title').first().fill('My unfinished article');
		await page.getByRole('button', { name: 'Add', exact: true }).first().click();
		await expect.poll(() => summary(page).count()).toBe(1);
		expect(await summary(page).textContent()).toContain('The text is empty.');
		expect(await page.locator('#paste-text-note').textContent()).toContain('The text is empty.');
		expect(await page.getByLabel('Title').first().inputValue()).toBe('My unfinished article');
		expect(await page.locator('#paste-text').getAttribute('aria-invalid')).toBe('true');
		// Focus moves to the errors, so a screen reader user hears them.
		expect(await page.evaluate(() => document.activeElement?.getAttribute('role'))).toBe('alert');
		await screenshot(page, 'add-error-empty');
		expect(await seriousAxeViolations(page)).toEqual([]);
	});

	it('without JavaScript too: the error comes back with the typed text', async () => {
		const plain = await browser.newContext({
			javaScriptEnabled: false,
			viewport: { width: 1280, height: 900 }
		});
		const noJs = await plain.newPage();
		await noJs.goto(baseURL() + '/add');
		await noJs.getByLabel('Title').first().fill('Typed without scripts');
		await noJs.getByText('A text and its translation').first().click();
		await noJs.getByLabel('English text').fill(ENGLISH);
		await noJs.getByRole('button', { name: 'Add', exact: true }).first().click();
		await noJs.waitForLoadState();
		expect(await noJs.locator('#paste-es-note').textContent()).toContain('The text is empty.');
		expect(await noJs.getByLabel('Title').first().inputValue()).toBe('Typed without scripts');
		expect(await noJs.getByLabel('English text').inputValue()).toBe(ENGLISH);
		expect(await noJs.getByLabel('English text').isVisible()).toBe(true);
		await screenshot(noJs, 'add-error-nojs');
		await plain.close();
	});

	it('warns when both sides look English, and adds them when the person confirms', async () => {
		await page.goto(baseURL() + '/add');
		await page.getByLabel('Title').first().fill('Two English sides');
		await page.getByText('A text and its translation').first().click();
		await page.getByLabel('English text').fill(ENGLISH);
		await page.getByLabel('Spanish text').fill(ENGLISH);
		await page.getByRole('button', { name: 'Add', exact: true }).first().click();
		const warning = page.locator('.panel:not([hidden]) .check');
		await expect.poll(() => warning.count()).toBe(1);
		expect(await warning.textContent()).toContain('The Spanish side looks like English');
		expect(await page.getByLabel('Spanish text').inputValue()).toBe(ENGLISH);
		await warning.scrollIntoViewIfNeeded();
		await screenshot(page, 'add-language-warning');
		expect(await seriousAxeViolations(page)).toEqual([]);
		await page.getByRole('button', { name: 'Add as they are' }).click();
		await page.waitForURL(/\/doc\/two-english-sides/);
	});

	/** The English file in UTF-8, the Spanish one in Latin-1 (what Excel's "ANSI" writes). */
	async function chooseUtf8AndLatin1Files(p: Page) {
		await p.locator('#upload-enFile').setInputFiles({
			name: 'notes-en.txt',
			mimeType: 'text/plain',
			buffer: Buffer.from(ENGLISH, 'utf8')
		});
		await p.locator('#upload-esFile').setInputFiles({
			name: 'notas-es.txt',
			mimeType: 'text/plain',
			buffer: Buffer.from(SPANISH, 'latin1')
		});
	}

	it('says which uploaded file is not UTF-8', async () => {
		await page.goto(baseURL() + '/add?mode=upload');
		await page.locator('#upload-title').fill('Latin-1 notes');
		await page.locator('label[for="upload-shape-pair"]').click();
		await chooseUtf8AndLatin1Files(page);
		await page.getByRole('button', { name: 'Upload and add' }).click();
		await expect.poll(() => summary(page).count()).toBe(1);
		expect(await summary(page).textContent()).toContain(
			'Spanish file (notas-es.txt): This file is not UTF-8 text. It looks like Windows-1252'
		);
		expect(await page.locator('#upload-esFile-note').textContent()).toContain('not UTF-8');
		expect(await page.locator('#upload-enFile-note').textContent()).not.toContain('UTF-8 text.');
		expect(await page.locator('#upload-title').inputValue()).toBe('Latin-1 notes');
		await screenshot(page, 'add-upload-not-utf8');
		// Taking the offer: the same files, read as Windows-1252, are added with their accents.
		await page.locator('#upload-encoding').selectOption('windows-1252');
		await chooseUtf8AndLatin1Files(page);
		await page.getByRole('button', { name: 'Upload and add' }).click();
		await page.waitForURL(/\/doc\/latin-1-notes/);
		await expect
			.poll(() => page.locator('main').textContent(), { timeout: 30_000 })
			.toContain('Los agricultores del valle traen papas');
	});

	it('imports a TSV memory and opens it side by side', async () => {
		await page.goto(baseURL() + '/add?mode=import');
		const tsv = ENGLISH.split(/(?<=\.) /)
			.map((en, i) => `${en}\t${SPANISH.split(/(?<=\.) /)[i]}`)
			.join('\n');
		await page.locator('#import-memory').setInputFiles({
			name: 'market.tsv',
			mimeType: 'text/tab-separated-values',
			buffer: Buffer.from(tsv, 'utf8')
		});
		await screenshot(page, 'add-import-light-en');
		await page.getByRole('button', { name: 'Import', exact: true }).click();
		await page.waitForURL(/\/doc\/market/);
		const row = page
			.locator('.row.kind-pair', { hasText: 'By nine o’clock the stalls are crowded' })
			.first();
		await expect.poll(() => row.count(), { timeout: 30_000 }).toBe(1);
		expect(await row.locator('.cell-es').textContent()).toContain(
			'A las nueve los puestos están llenos'
		);
	});
});

describe('the add page in other themes and languages', () => {
	it.each([
		['dark', [{ name: 'puente-theme', value: 'dark' }]],
		['spanish', [{ name: 'puente-lang', value: 'es' }]],
		[
			'dark-spanish',
			[
				{ name: 'puente-theme', value: 'dark' },
				{ name: 'puente-lang', value: 'es' }
			]
		]
	])('has no serious axe violations: %s', async (name, cookies) => {
		const themed = await browser.newContext({ viewport: { width: 1280, height: 900 } });
		await themed.addCookies(cookies.map((c) => ({ ...c, url: baseURL() })));
		const p = await themed.newPage();
		for (const mode of ['paste', 'upload', 'import']) {
			await p.goto(`${baseURL()}/add?mode=${mode}`);
			if (name.includes('spanish'))
				expect(await p.locator('h1').textContent()).toBe('Añadir un texto');
			await screenshot(p, `add-${mode}-${name}`);
			expect(await seriousAxeViolations(p)).toEqual([]);
		}
		// An error state in Spanish: the messages and the language names are translated.
		await p.goto(`${baseURL()}/add`);
		await p.locator('label[for="paste-shape-pair"]').click();
		await p.locator('#paste-en').fill(SPANISH);
		await p.locator('#paste-es').fill(ENGLISH);
		await p.locator('.panel:not([hidden]) button.primary').click();
		await expect.poll(() => p.locator('.panel:not([hidden]) .check').count()).toBe(1);
		if (name.includes('spanish'))
			expect(await p.locator('.panel:not([hidden]) .check').textContent()).toContain(
				'El lado en inglés parece estar en español'
			);
		await p.locator('.panel:not([hidden]) .check').scrollIntoViewIfNeeded();
		await screenshot(p, `add-language-warning-${name}`);
		expect(await seriousAxeViolations(p)).toEqual([]);
		// The sides were pasted the wrong way round: swapping them adds the pair the right way.
		await p.locator('.panel:not([hidden]) button[value="swap"]').click();
		await p.waitForURL(/\/doc\//);
		const row = p
			.locator('.row.kind-pair', { hasText: 'Farmers from the valley bring potatoes' })
			.first();
		await expect.poll(() => row.count(), { timeout: 30_000 }).toBe(1);
		expect(await row.locator('.cell-es').textContent()).toContain('Los agricultores del valle');
		await themed.close();
	});
});
