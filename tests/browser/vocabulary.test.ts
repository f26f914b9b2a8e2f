// A learner's vocabulary in the browser: a word saved through the API survives a reload, is
// reviewed by keyboard on /review (Space, then 3), comes back later (its due date moves), shows
// on /progress with its charts; the reader and the library show how much of a text is known;
// the glossary's cards rate through the same store; progress moves by export and import. axe in
// light, dark and Spanish.
import { describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { baseURL, screenshot, seriousAxeViolations } from './chromium';
import { themedContext, useDesktopPage } from './desktop-page';

let browser: Browser;
let context: BrowserContext;
let page: Page;

const DOC = 'brutal-repression-la-mosca';
const WORD = {
	text: 'ammunition',
	lang: 'en',
	translation: 'munición',
	context:
		'Several more protesters have been killed since, as the police continue to use live ammunition.',
	document: DOC
};

useDesktopPage((opened) => ({ browser, context, page } = opened));

const stat = async (p: Page, name: string) =>
	Number(await p.locator(`dd[data-stat="${name}"]`).textContent());

describe('a learner’s vocabulary', () => {
	it('saves a word through the API, once, with a learner cookie that scripts cannot read', async () => {
		await page.goto(`${baseURL()}/doc/${DOC}`);
		const saved = await page.request.post(`${baseURL()}/api/vocabulary`, { data: WORD });
		expect(saved.status()).toBe(201);
		const { item } = await saved.json();
		expect(item).toMatchObject({ text: 'ammunition', lang: 'en', translation: 'munición' });
		const again = await page.request.post(`${baseURL()}/api/vocabulary`, { data: WORD });
		expect(again.status()).toBe(200);
		expect((await again.json()).item.id).toBe(item.id);
		const cookie = (await context.cookies()).find((c) => c.name === 'puente-learner');
		expect(cookie?.httpOnly).toBe(true);
		expect(cookie?.sameSite).toBe('Lax');
		expect(await page.evaluate(() => document.cookie)).not.toContain('puente-learner');
	});

	it('refuses a form post to the API (CSRF) and a cross-site JSON write', async () => {
		const form = await page.request.post(`${baseURL()}/api/vocabulary`, {
			form: { text: 'casa', lang: 'es' }
		});
		expect(form.status()).toBe(403);
		const crossSite = await page.request.post(`${baseURL()}/api/vocabulary`, {
			data: { text: 'casa', lang: 'es' },
			headers: { origin: 'https://evil.example' }
		});
		expect(crossSite.status()).toBe(403);
	});

	it('after a reload, reviews the word by keyboard and reschedules it', async () => {
		await page.goto(`${baseURL()}/review?deck=words`);
		await page.reload();
		const prompt = page.locator('#card-prompt');
		expect(await prompt.textContent()).toBe('ammunition');
		expect(await prompt.getAttribute('lang')).toBe('en');
		// Asked in English, the sentence it came from is shown before the answer.
		await expect.poll(() => page.locator('.context').textContent()).toContain('live ammunition');
		expect(await page.locator('#card-answer').count()).toBe(0);
		await page.locator('h1').click();
		await page.keyboard.press('Space');
		await expect.poll(() => page.locator('#card-answer').textContent()).toContain('munición');
		await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('rate-good');
		await screenshot(page, 'review-revealed-light-en');
		expect(await seriousAxeViolations(page)).toEqual([]);
		const before = Date.now();
		await page.keyboard.press('3');
		const due = page.locator('.notice time');
		await expect.poll(() => due.count()).toBe(1);
		const first = Date.parse((await due.getAttribute('datetime'))!);
		expect(first).toBeGreaterThan(before);
		expect(await page.locator('.notice').textContent()).toContain('“ammunition” (Good)');
		// The Spanish side waits for another day: nothing else of this learner's words is due.
		await expect.poll(() => page.locator('#review-done').count()).toBe(1);
		await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('review-done');
	});

	it('shows it on the progress page: one review, its next due date, charts with tables', async () => {
		await page.goto(`${baseURL()}/progress`);
		expect(await stat(page, 'items')).toBe(1);
		expect(await stat(page, 'reviews')).toBe(1);
		const upcoming = page.locator('.upcoming li', { hasText: 'ammunition' });
		expect(await upcoming.count()).toBe(1);
		const due = Date.parse((await upcoming.locator('time').getAttribute('datetime'))!);
		expect(due).toBeGreaterThan(Date.now());
		const charts = page.locator('figure.chart svg[role="img"]');
		expect(await charts.count()).toBe(3);
		expect(await charts.nth(1).getAttribute('aria-label')).toMatch(/Reviews per day.*1 in all/);
		await page.locator('#chart-reviews-title').locator('..').locator('summary').click();
		expect(
			await page.locator('figure', { hasText: 'Reviews per day' }).locator('tbody tr').count()
		).toBe(30);
		await screenshot(page, 'progress-light-en');
		expect(await seriousAxeViolations(page)).toEqual([]);
	});

	it('shows in the reader and the library how much of the text is known, and it grows', async () => {
		await page.goto(`${baseURL()}/doc/${DOC}`);
		const share = page.locator('.vocabulary-share').first();
		await expect.poll(() => share.count(), { timeout: 20_000 }).toBe(1);
		const before = Number(await share.getAttribute('data-known'));
		const total = Number(await share.getAttribute('data-total'));
		expect(total).toBeGreaterThan(100);
		const known = await page.request.patch(`${baseURL()}/api/vocabulary`, {
			data: { text: 'protesters', lang: 'en', status: 'known' }
		});
		expect(known.status()).toBe(200);
		await page.reload();
		await expect
			.poll(async () => Number(await share.getAttribute('data-known')), { timeout: 20_000 })
			.toBe(before + 1);
		await page.goto(baseURL() + '/');
		// Each row asks for its text's share once the page is in the browser; the first asks read the texts.
		await expect
			.poll(() => page.locator('.vocabulary-share').count(), { timeout: 20_000 })
			.toBeGreaterThan(1);
	});

	it('reviews glossary terms on the glossary’s cards page, never a card with the same two sides', async () => {
		await page.goto(`${baseURL()}/glossary/cards`);
		const prompt = await page.locator('#card-prompt').textContent();
		await page.locator('#card-reveal').press('Enter');
		const answer = await page.locator('#card-answer').textContent();
		expect(answer?.trim().toLowerCase()).not.toBe(prompt?.trim().toLowerCase());
		await page.locator('#rate-easy').click();
		await expect.poll(() => page.locator('.notice time').count()).toBe(1);
		expect(new URL(page.url()).pathname).toBe('/glossary/cards');
		expect(await page.locator('#card-prompt').textContent()).not.toBe(prompt);
		await page.goto(`${baseURL()}/progress`);
		expect(await stat(page, 'reviews')).toBe(2);
	});

	it('moves its progress to another browser by export and import', async () => {
		const exported = await page.request.get(`${baseURL()}/api/vocabulary/export`);
		expect(exported.headers()['content-disposition']).toMatch(/attachment/);
		const file = await exported.body();
		const other = await browser.newContext({ locale: 'es-ES' });
		const otherPage = await other.newPage();
		await otherPage.goto(`${baseURL()}/progress`);
		expect(await stat(otherPage, 'items')).toBe(0);
		await otherPage.locator('#import-file').setInputFiles({
			name: 'puente-vocabulary.json',
			mimeType: 'application/json',
			buffer: file
		});
		await otherPage.getByRole('button', { name: 'Importar' }).click();
		await expect.poll(() => otherPage.locator('.notice', { hasText: 'Importado' }).count()).toBe(1);
		expect(await stat(otherPage, 'items')).toBe(2);
		expect(await stat(otherPage, 'reviews')).toBe(2);
		const back = await otherPage.request.get(`${baseURL()}/api/vocabulary/export`);
		expect(JSON.parse((await back.body()).toString())).toEqual(JSON.parse(file.toString()));
		await other.close();
	});

	it('saves a word from the reader’s popover on a phone, with its translation, and reviews it', async () => {
		const phone = await browser.newContext({
			locale: 'en-US',
			viewport: { width: 390, height: 844 },
			hasTouch: true,
			isMobile: true
		});
		const p = await phone.newPage();
		await p.goto(`${baseURL()}/doc/${DOC}?view=parallel`, { waitUntil: 'networkidle' });
		const row = p
			.locator('.row', { hasText: 'Es vergonzoso que la «preocupación» de la OEA' })
			.first();
		await row.waitFor();
		await row.scrollIntoViewIfNeeded();
		const point = await row.locator('.cell-es').evaluate((el) => {
			const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
			for (let node = walker.nextNode(); node; node = walker.nextNode()) {
				const at = (node as Text).data.search(/(?<!\p{L})sufre(?!\p{L})/u);
				if (at < 0) continue;
				const range = document.createRange();
				range.setStart(node, at);
				range.setEnd(node, at + 'sufre'.length);
				const box = range.getBoundingClientRect();
				return { x: box.left + box.width / 2, y: box.top + box.height / 2 };
			}
			return null;
		});
		expect(point).not.toBeNull();
		await p.touchscreen.tap(point!.x, point!.y);
		const dialog = p.getByRole('dialog', { name: 'Dictionary: sufre' });
		await expect.poll(() => dialog.isVisible(), { timeout: 10_000 }).toBe(true);
		await dialog.getByRole('button', { name: 'Save', exact: true }).click();
		await expect.poll(() => dialog.getByRole('status').textContent()).toBe('Saved');
		await p.goto(`${baseURL()}/review?deck=words`);
		await p.reload();
		expect(await p.locator('#card-prompt').textContent()).toBe('sufre');
		await p.locator('#card-reveal').tap();
		expect(await p.locator('#card-answer').textContent()).toMatch(/suffer/);
		await p.locator('#rate-good').tap();
		await expect.poll(() => p.locator('.notice time').count()).toBe(1);
		expect(Date.parse((await p.locator('.notice time').getAttribute('datetime'))!)).toBeGreaterThan(
			Date.now()
		);
		await phone.close();
	});

	for (const [theme, lang] of [
		['dark', 'en'],
		['light', 'es']
	] as const)
		it(`has no serious axe violations on /review and /progress (${theme}, ${lang})`, async () => {
			// At Playwright's default viewport (1280x720); the locale matches the page's language.
			const ctx = await themedContext(browser, theme, lang, {
				locale: lang === 'es' ? 'es-ES' : 'en-US'
			});
			const p = await ctx.newPage();
			for (const path of ['/review', '/progress']) {
				await p.goto(baseURL() + path);
				await screenshot(p, `vocabulary${path.replace('/', '-')}-${theme}-${lang}`);
				expect(await seriousAxeViolations(p)).toEqual([]);
			}
			await ctx.close();
		});
});
