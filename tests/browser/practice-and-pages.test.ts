// The learner's practice page, the settings page and the not-found page: each works by
// keyboard and passes axe in both themes and both interface languages.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { baseURL, launchChromium, screenshot, seriousAxeViolations } from './chromium';

let browser: Browser;
let page: Page;

beforeAll(async () => {
	browser = await launchChromium();
	page = await (
		await browser.newContext({ locale: 'en-US', viewport: { width: 1280, height: 900 } })
	).newPage();
});

afterAll(async () => {
	await browser?.close();
});

describe('practice', () => {
	it('hides the translation, checks a typed attempt word by word and shows the reference', async () => {
		await page.goto(`${baseURL()}/doc/toma-de-lima-uprising/practice?from=es`);
		const source = await page.locator('blockquote.source').textContent();
		expect(source?.trim().length).toBeGreaterThan(5);
		expect(await page.locator('blockquote.reference').count()).toBe(0);
		await page
			.locator('#attempt')
			.fill('Peru: the Toma de Lima uprising threatens the coup government');
		await page.keyboard.press('Control+Enter');
		// Checked on the server (the dictionary loads on the first check): a round trip.
		await expect.poll(() => page.locator('.diff').count(), { timeout: 15_000 }).toBe(1);
		expect(await page.locator('.diff .match').count()).toBeGreaterThan(2);
		expect(await page.locator('blockquote.reference').getAttribute('lang')).toBe('en');
		await screenshot(page, 'practice-checked-light-en');
	});

	it('moves to the next pair and keeps the place in the address', async () => {
		await page.getByRole('button', { name: 'Next' }).click();
		await expect.poll(() => new URL(page.url()).searchParams.get('n')).toBe('2');
		expect(await page.locator('#attempt').inputValue()).toBe('');
		await page.reload();
		expect(await page.locator('.progress').textContent()).toContain('Pair 2 of');
	});
});

describe('pages in every theme and language', () => {
	for (const [lang, theme] of [
		['en', 'light'],
		['en', 'dark'],
		['es', 'light'],
		['es', 'dark']
	] as const) {
		it(`practice, settings and not-found pass axe (${lang}, ${theme})`, async () => {
			const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
			await context.addCookies([
				{ name: 'puente-lang', value: lang, url: baseURL() },
				{ name: 'puente-theme', value: theme, url: baseURL() }
			]);
			const p = await context.newPage();
			for (const path of ['/doc/poor-in-peru-wont-back-down/practice', '/settings']) {
				await p.goto(baseURL() + path);
				expect(await p.locator('html').getAttribute('lang')).toBe(lang);
				expect(await seriousAxeViolations(p), path).toEqual([]);
			}
			await screenshot(p, `settings-${theme}-${lang}`);
			const missing = await p.goto(baseURL() + '/doc/no-such-text');
			expect(missing?.status()).toBe(404);
			expect(await p.locator('h1').textContent()).toContain(
				lang === 'es' ? 'Algo salió mal' : 'Something went wrong'
			);
			expect(await seriousAxeViolations(p)).toEqual([]);
			await screenshot(p, `not-found-${theme}-${lang}`);
			await context.close();
		});
	}
});
