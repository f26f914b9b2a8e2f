// What a reader does with the glossary: search it in either language, filter it, open an entry
// and follow its concordance into the reader, add an entry from the keyboard (fixing a missing
// field on the way), meet a conflict from a second tab without losing text, and import a bad
// file without harm; checked with axe in light and dark and in Spanish.
import { describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { baseURL, screenshot, seriousAxeViolations } from './chromium';
import { themedContext, useDesktopPage } from './desktop-page';

let browser: Browser;
let context: BrowserContext;
let page: Page;

useDesktopPage((opened) => ({ browser, context, page } = opened));

const rowTexts = (p: Page) => p.locator('table.entries tbody tr').allTextContents();

describe('glossary', () => {
	it('finds Marcha de los 4 Suyos by searching “marcha”', async () => {
		await page.goto(baseURL() + '/glossary');
		await expect.poll(() => page.locator('h1').textContent()).toBe('Glossary');
		const all = (await rowTexts(page)).length;
		expect(all).toBeGreaterThanOrEqual(60);
		await page.getByLabel('Search in Spanish or English').fill('marcha');
		await page.waitForURL(/q=marcha/);
		await expect.poll(async () => (await rowTexts(page)).length).toBeLessThan(all);
		expect((await rowTexts(page)).some((r) => r.includes('Marcha de los 4 Suyos'))).toBe(true);
		await screenshot(page, 'glossary-search-light-en');
		expect(await seriousAxeViolations(page)).toEqual([]);
	});

	it('searches without accents: “peru” finds Perú', async () => {
		await page.getByLabel('Search in Spanish or English').fill('peru');
		await page.waitForURL(/q=peru/);
		await expect
			.poll(async () => (await rowTexts(page)).some((r) => r.includes('Perú')))
			.toBe(true);
	});

	it('filters by type', async () => {
		await page.getByLabel('Search in Spanish or English').fill('');
		await page.getByLabel('Type', { exact: true }).selectOption('place');
		await page.waitForURL(/type=place/);
		await expect
			.poll(async () => new Set(await page.locator('td.type').allTextContents()))
			.toEqual(new Set(['Place']));
		expect(await page.locator('td.type').count()).toBeGreaterThan(1);
		await screenshot(page, 'glossary-filter-place-light-en');
	});

	it('opens an entry with both explanations and a concordance that links into the reader', async () => {
		await page.goto(baseURL() + '/glossary?q=marcha');
		await page
			.locator('table.entries tbody tr', { hasText: 'Marcha de los 4 Suyos' })
			.getByRole('link')
			.click();
		await page.waitForURL(/\/glossary\/[a-z0-9-]+$/);
		const en = page.locator('.explanation[lang="en"] p');
		const es = page.locator('.explanation[lang="es"] p');
		expect(await en.textContent()).toMatch(/\w{3,}/);
		expect(await es.textContent()).toMatch(/\w{3,}/);
		expect(await page.locator('.first a').getAttribute('href')).toMatch(/^\/doc\/[a-z0-9-]+$/);
		const lines = page.locator('ol.concordance > li');
		expect(await lines.count()).toBeGreaterThan(0);
		expect(await lines.first().locator('.kwic mark').textContent()).toMatch(/suyos/i);
		const link = lines.first().locator('.source a');
		expect(await link.getAttribute('href')).toMatch(/^\/doc\/[^#]+#s-\d+$/);
		expect(
			await page.locator('ol.concordance .translation a[href^="/doc/"]').count()
		).toBeGreaterThan(0);
		await screenshot(page, 'glossary-entry-light-en');
		expect(await seriousAxeViolations(page)).toEqual([]);
		const href = (await link.getAttribute('href'))!;
		await link.click();
		await page.waitForURL((url) => url.pathname + url.hash === href);
	});

	it('adds an entry with the keyboard, showing a missing field first and keeping what was typed', async () => {
		await page.goto(baseURL() + '/glossary');
		await page.getByRole('link', { name: 'Add an entry' }).focus();
		await page.keyboard.press('Enter');
		await page.waitForURL(/\/glossary\/new$/);
		await page.getByLabel('Type').focus();
		await page.keyboard.press('ArrowDown'); // no type → the first type
		await page.keyboard.press('Tab');
		await page.keyboard.type('Olla común');
		await page.keyboard.press('Tab');
		await page.keyboard.type('Community kitchen');
		await page.keyboard.press('Tab');
		await page.keyboard.type('ollas comunes');
		await page.keyboard.press('Tab');
		await page.keyboard.type('A kitchen run by neighbours that feeds marchers and families.');
		// The Spanish explanation is left empty: the save must be refused, field by field.
		await page.keyboard.press('Tab');
		await page.keyboard.press('Tab');
		await page.keyboard.press('Enter');
		const summary = page.locator('.summary[role="alert"]');
		await expect.poll(() => summary.count()).toBe(1);
		expect(await summary.textContent()).toContain('Enter an explanation in Spanish.');
		expect(await page.locator('#error-explanationEs').textContent()).toBe(
			'Enter an explanation in Spanish.'
		);
		expect(await page.locator('#field-explanationEs').getAttribute('aria-invalid')).toBe('true');
		expect(await page.locator('#field-es').inputValue()).toBe('Olla común');
		expect(await page.locator('#field-explanationEn').inputValue()).toContain('feeds marchers');
		expect(await page.evaluate(() => document.activeElement?.classList.contains('summary'))).toBe(
			true
		);
		await screenshot(page, 'glossary-new-error-light-en');
		expect(await seriousAxeViolations(page)).toEqual([]);

		await page.locator('#field-explanationEs').focus();
		await page.keyboard.type('Cocina vecinal que alimenta a manifestantes y familias.');
		await page.keyboard.press('Tab');
		await page.keyboard.press('Enter');
		await page.waitForURL(/\/glossary\/olla-comun\?created=1$/);
		expect(await page.locator('h1').textContent()).toContain('Olla común');
		expect(await page.locator('.notice').textContent()).toBe('Entry added.');
		await page.goto(baseURL() + '/glossary?q=olla comun');
		expect((await rowTexts(page)).some((r) => r.includes('Community kitchen'))).toBe(true);
	});

	it('gives the second of two tabs a conflict and keeps its text', async () => {
		const other = await context.newPage();
		try {
			await page.goto(baseURL() + '/glossary/olla-comun/edit');
			await other.goto(baseURL() + '/glossary/olla-comun/edit');
			await page.locator('#field-en').fill('Soup kitchen');
			await page.getByRole('button', { name: 'Save' }).click();
			await page.waitForURL(/\/glossary\/olla-comun\?saved=1$/);
			await other.locator('#field-en').fill('Common pot');
			await other.getByRole('button', { name: 'Save' }).click();
			const alert = other.locator('.conflict[role="alert"]');
			await expect.poll(() => alert.count()).toBe(1);
			expect(await alert.textContent()).toContain('Someone else saved this entry');
			expect(await alert.textContent()).toContain('Soup kitchen');
			expect(await other.locator('#field-en').inputValue()).toBe('Common pot');
			await screenshot(other, 'glossary-conflict-light-en');
			expect(await seriousAxeViolations(other)).toEqual([]);
			// Saving again is a choice made knowing the other version: it goes through.
			await other.getByRole('button', { name: 'Save' }).click();
			await other.waitForURL(/\/glossary\/olla-comun\?saved=1$/);
			expect(await other.locator('h1').textContent()).toContain('Common pot');
		} finally {
			await other.close();
		}
	});

	it('refuses a bad import file with a clear message and changes nothing', async () => {
		await page.goto(baseURL() + '/glossary');
		const before = (await rowTexts(page)).length;
		await page.locator('#import-file').setInputFiles({
			name: 'glossary.tbx',
			mimeType: 'application/xml',
			buffer: Buffer.from('<martif><text><body><termEntry>no closing tags')
		});
		await page.getByRole('button', { name: 'Import', exact: true }).click();
		const alert = page.locator('.import-error[role="alert"]');
		await expect.poll(() => alert.count()).toBe(1);
		expect(await alert.textContent()).toContain('The file was not imported.');
		expect((await rowTexts(page)).length).toBe(before);
		await alert.scrollIntoViewIfNeeded();
		await screenshot(page, 'glossary-import-error-light-en');
	});

	it('imports its own export through the form, changing nothing', async () => {
		const csv = await (
			await page.request.get(`${baseURL()}/api/glossary/export?format=csv`)
		).body();
		await page.goto(baseURL() + '/glossary');
		const count = (await rowTexts(page)).length;
		await page
			.locator('#import-file')
			.setInputFiles({ name: 'glossary.csv', mimeType: 'text/csv', buffer: csv });
		await page.getByRole('button', { name: 'Import', exact: true }).click();
		const done = page.locator('.transfer .notice[role="status"]');
		await expect.poll(() => done.count()).toBe(1);
		expect(await done.textContent()).toBe(`Imported: 0 added, 0 updated, ${count} unchanged.`);
	});

	it('exports CSV and TBX as downloads', async () => {
		for (const format of ['csv', 'tbx']) {
			const response = await page.request.get(`${baseURL()}/api/glossary/export?format=${format}`);
			expect(response.status()).toBe(200);
			expect(response.headers()['content-disposition']).toMatch(
				/^attachment; filename="puente-glossary\.(csv|tbx)"$/
			);
			expect((await response.text()).length).toBeGreaterThan(1000);
		}
		const api = await (await page.request.get(`${baseURL()}/api/glossary?q=peru`)).json();
		expect(api.entries.length).toBeGreaterThan(0);
		expect(Object.keys(api.entries[0]).sort()).toEqual([
			'en',
			'es',
			'explanation',
			'id',
			'type',
			'variants'
		]);
	});

	it('removes an entry', async () => {
		await page.goto(baseURL() + '/glossary/olla-comun/edit');
		await page.getByRole('button', { name: 'Remove this entry' }).click();
		await page.waitForURL(/\/glossary\?deleted=/);
		expect(await page.locator('.notice').textContent()).toContain('was removed');
		expect((await page.request.get(`${baseURL()}/glossary/olla-comun`)).status()).toBe(404);
	});
});

describe('glossary without JavaScript', () => {
	it('shows a refused form again with what was typed and the error beside the field', async () => {
		const plain = await browser.newContext({ javaScriptEnabled: false, locale: 'en-US' });
		const p = await plain.newPage();
		try {
			await p.goto(baseURL() + '/glossary/new');
			await p.locator('#field-type').selectOption('place');
			await p.locator('#field-es').fill('Plaza San Martín');
			await p
				.locator('#field-explanationEn')
				.fill('The square in central Lima where marches gather.');
			await p
				.locator('#field-explanationEs')
				.fill('La plaza del centro de Lima donde se reúnen las marchas.');
			await p.locator('button.primary').click();
			await p.waitForLoadState();
			expect(await p.locator('#error-en').textContent()).toBe('Enter the English form.');
			expect(await p.locator('#field-es').inputValue()).toBe('Plaza San Martín');
			expect(await p.locator('#field-type').inputValue()).toBe('place');
			expect(await p.locator('#field-explanationEs').inputValue()).toContain('se reúnen');
			await p.locator('#field-en').fill('San Martín Square');
			await p.locator('button.primary').click();
			await p.waitForURL(/\/glossary\/plaza-san-martin\?created=1$/);
			expect(await p.locator('h1').textContent()).toContain('San Martín Square');
		} finally {
			await plain.close();
		}
	});
});

describe('glossary in dark and in Spanish', () => {
	for (const [theme, lang] of [
		['dark', 'en'],
		['light', 'es'],
		['dark', 'es']
	] as const)
		it(`has no serious axe violations (${theme}, ${lang})`, async () => {
			const themed = await themedContext(browser, theme, lang);
			const p = await themed.newPage();
			try {
				await p.goto(baseURL() + '/glossary?q=marcha');
				expect(await p.locator('html').getAttribute('data-theme')).toBe(theme);
				expect(await p.locator('h1').textContent()).toBe(lang === 'es' ? 'Glosario' : 'Glossary');
				await screenshot(p, `glossary-search-${theme}-${lang}`);
				expect(await seriousAxeViolations(p)).toEqual([]);

				await p.locator('table.entries a').first().click();
				await p.waitForURL(/\/glossary\/[a-z0-9-]+$/);
				await screenshot(p, `glossary-entry-${theme}-${lang}`);
				expect(await seriousAxeViolations(p)).toEqual([]);

				await p.goto(baseURL() + '/glossary/new');
				await p.locator('button.primary').click();
				await expect.poll(() => p.locator('.summary').count()).toBe(1);
				if (lang === 'es')
					expect(await p.locator('#error-es').textContent()).toBe('Escribe la forma en español.');
				await screenshot(p, `glossary-new-error-${theme}-${lang}`);
				expect(await seriousAxeViolations(p)).toEqual([]);
			} finally {
				await themed.close();
			}
		});
});
