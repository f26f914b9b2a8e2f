// What a reader does with a text and its translation: open the mixed La Mosca article, read it
// side by side, light up a pair by hovering, step with j/k, open a glossary term with the
// keyboard, switch views without losing the place, and check every view for accessibility.
import { describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { baseURL, screenshot, seriousAxeViolations } from './chromium';
import { useDesktopPage } from './desktop-page';

let browser: Browser;
let page: Page;

useDesktopPage((opened) => ({ browser, page } = opened));

const lit = (p: Page) => p.locator('.lit');

describe('reader', () => {
	it('shows the La Mosca article side by side, Spanish original beside its English translation', async () => {
		await page.goto(baseURL() + '/');
		await page.locator('a', { hasText: 'La Mosca' }).first().click();
		await page.waitForURL(/\/doc\//);
		await page.getByRole('radio', { name: 'Side by side' }).click();
		const row = page
			.locator('.row', { hasText: 'Es vergonzoso que la «preocupación» de la OEA' })
			.first();
		await expect.poll(() => row.count()).toBe(1);
		expect(await row.locator('.cell-en').textContent()).toMatch(/shameful/i);
		await screenshot(page, 'reader-parallel-light-en');
	});

	it('lights up the English counterpart when a Spanish sentence is hovered', async () => {
		const row = page
			.locator('.row', { hasText: 'Es vergonzoso que la «preocupación» de la OEA' })
			.first();
		await row.locator('.cell-es .s').first().hover();
		await expect.poll(() => row.getAttribute('class')).toContain('lit');
		expect(await lit(page).count()).toBe(1);
		expect(await lit(page).locator('.cell-en').textContent()).toMatch(/shameful/i);
	});

	it('steps through pairs with j and k, moving focus and the highlight together', async () => {
		await page.locator('.row').first().focus();
		const first = await page.evaluate(() => document.activeElement?.getAttribute('data-row'));
		await page.keyboard.press('j');
		await page.keyboard.press('j');
		await page.keyboard.press('k');
		const now = await page.evaluate(() => document.activeElement?.getAttribute('data-row'));
		expect(now).not.toBe(first);
		expect(await lit(page).first().getAttribute('data-row')).toBe(now);
	});

	it('keeps the place when switching views with v, and shows the text as written in the original view', async () => {
		const before = await lit(page).first().getAttribute('data-row');
		await page.keyboard.press('v');
		await expect
			.poll(() => page.getByRole('radio', { name: 'Original' }).getAttribute('aria-checked'))
			.toBe('true');
		expect(await lit(page).first().getAttribute('data-row')).toBe(before);
		const badge = page.locator('.original .lang-badge.lang-es').first();
		expect(await badge.textContent()).toContain('ES');
		// The section the article prints twice is flagged, and its changes shown on request.
		const note = page.locator('.repeat-note').first();
		expect(await note.textContent()).toMatch(/repeats sentence/);
		await note.getByRole('button').click();
		await expect.poll(() => note.locator('ins, del').count()).toBeGreaterThan(0);
		await screenshot(page, 'reader-original-light-en');
		expect(await seriousAxeViolations(page)).toEqual([]);
	});

	it('opens a glossary popover from the keyboard and closes it with Escape', async () => {
		const term = page.locator('button.term').first();
		await expect.poll(() => term.count()).toBe(1);
		await term.focus();
		await page.keyboard.press('Enter');
		const popover = page.locator('.glossary-popover');
		await expect.poll(() => popover.evaluate((el) => el.matches(':popover-open'))).toBe(true);
		expect(await popover.locator('.explanation').textContent()).toMatch(/\w{3,}/);
		await screenshot(page, 'reader-glossary-popover');
		await page.keyboard.press('Escape');
		await expect.poll(() => popover.evaluate((el) => el.matches(':popover-open'))).toBe(false);
		expect(await page.evaluate(() => document.activeElement?.classList.contains('term'))).toBe(
			true
		);
	});

	it('shows one language with the translation revealed in place on Enter', async () => {
		await page.getByRole('radio', { name: 'One language' }).click();
		const toggle = page.locator('.single .item button.reveal').first();
		await toggle.focus();
		await page.keyboard.press('Enter');
		await expect.poll(() => page.locator('.single .translation').count()).toBe(1);
		expect(await toggle.getAttribute('aria-expanded')).toBe('true');
		expect(await page.locator('.single .translation').getAttribute('lang')).toBe('es');
		await screenshot(page, 'reader-single-light-en');
	});

	it('shows La Mosca whole: no sentence in the wrong column, the OAS passage paired once', async () => {
		await page.goto(baseURL() + '/doc/brutal-repression-la-mosca?view=parallel');
		const rows = page.locator('.parallel .row');
		await expect.poll(() => page.locator('.row.kind-pair').count()).toBeGreaterThan(50);
		expect(await page.locator('.cell-en .s[data-lang="es"]').count()).toBe(0);
		expect(await page.locator('.cell-es .s[data-lang="en"]').count()).toBe(0);
		// The English OAS section and its Spanish original are one passage pair, shown once.
		for (const text of [
			'It is shameful that the “concern” of the OAS',
			'Es vergonzoso que la «preocupación» de la OEA'
		])
			expect(await rows.filter({ hasText: text }).count()).toBe(1);
		const oas = rows.filter({ hasText: 'It is shameful that the “concern” of the OAS' });
		expect(await oas.locator('.cell-es').textContent()).toMatch(/Es vergonzoso/);
		// Every sentence of the article is in exactly one row.
		const own = await page.evaluate(() =>
			[...document.querySelectorAll<HTMLElement>('.row .s')].map((el) => el.dataset.s!)
		);
		const docId = own.find((k) => k.endsWith('-0'))!.split('-')[0];
		const mine = own.filter((k) => k.startsWith(`${docId}-`));
		expect(new Set(mine).size).toBe(mine.length);
		const repeated = await page.locator('.row.kind-repeat').count();
		expect(repeated).toBeGreaterThan(0);
		// The later (Spanish) side of the OAS pair points back to where it is read.
		const pointer = page.locator('.row.kind-elsewhere');
		expect(await pointer.count()).toBe(1);
		await pointer.getByRole('button').click();
		await expect.poll(() => oas.getAttribute('class')).toContain('lit');
		await screenshot(page, 'reader-la-mosca-pointer');
	});

	it('reads La Mosca in English in document order, each sentence once and none in Spanish', async () => {
		await page.goto(baseURL() + '/doc/brutal-repression-la-mosca?view=single&lang=en');
		await expect.poll(() => page.locator('.single .item').count()).toBeGreaterThan(50);
		const shown = await page.evaluate(() =>
			[...document.querySelectorAll<HTMLElement>('.single .text [data-s]')].map((el) => ({
				key: el.dataset.s!,
				lang: el.dataset.lang!
			}))
		);
		expect(shown.filter((s) => s.lang === 'es')).toEqual([]);
		const indices = shown.map((s) => Number(s.key.split('-')[1]));
		expect(new Set(shown.map((s) => s.key)).size).toBe(shown.length);
		expect(indices).toEqual([...indices].sort((a, b) => a - b));
		expect(await page.locator('.single .text').first().textContent()).toMatch(
			/^\s*Perú, brutal Repression/
		);
	});

	it('lists the shortcuts with ?', async () => {
		await page.locator('body').click({ position: { x: 5, y: 300 } });
		await page.keyboard.press('?');
		await expect
			.poll(() => page.locator('dialog.shortcuts').evaluate((d: HTMLDialogElement) => d.open))
			.toBe(true);
		await page.keyboard.press('Escape');
		await expect
			.poll(() => page.locator('dialog.shortcuts').evaluate((d: HTMLDialogElement) => d.open))
			.toBe(false);
	});

	for (const [lang, theme] of [
		['en', 'dark'],
		['es', 'light'],
		['es', 'dark']
	] as const) {
		it(`has no serious accessibility problems in every view (${lang}, ${theme})`, async () => {
			const ctx = await browser.newContext({ viewport: { width: 1280, height: 900 } });
			await ctx.addCookies([
				{ name: 'puente-lang', value: lang, url: baseURL() },
				{ name: 'puente-theme', value: theme, url: baseURL() }
			]);
			const p = await ctx.newPage();
			for (const view of ['parallel', 'original', 'single']) {
				await p.goto(`${baseURL()}/doc/brutal-repression-la-mosca?view=${view}`);
				expect(await p.locator('html').getAttribute('lang')).toBe(lang);
				expect(await p.locator('html').getAttribute('data-theme')).toBe(theme);
				expect(await seriousAxeViolations(p), view).toEqual([]);
				await screenshot(p, `reader-${view}-${theme}-${lang}`);
			}
			await p.goto(`${baseURL()}/`);
			expect(await seriousAxeViolations(p)).toEqual([]);
			await ctx.close();
		});
	}

	it('stacks each pair on a small screen', async () => {
		const ctx = await browser.newContext({
			viewport: { width: 390, height: 844 },
			isMobile: true,
			hasTouch: true
		});
		const p = await ctx.newPage();
		await p.goto(`${baseURL()}/doc/brutal-repression-la-mosca?view=parallel`);
		const row = p.locator('.row').first();
		const [en, es] = [
			await row.locator('.cell-en').boundingBox(),
			await row.locator('.cell-es').boundingBox()
		];
		expect(en && es && es.y >= en.y + en.height - 1).toBe(true);
		await row.locator('.cell-es').tap();
		await expect.poll(() => row.getAttribute('class')).toContain('lit');
		await screenshot(p, 'reader-parallel-mobile');
		await ctx.close();
	});
});
