// The reader's layout on a desktop and on a phone: a long URL in a row (the corpus's Toma de Lima
// text ends with a facebook.com link) breaks inside its cell instead of widening every view past
// the screen; and on a phone a tool chosen in "More" folds the panel away, so turning on
// "Correct alignment" shows the editing toolbar at once, not under the panel until Escape.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { baseURL, launchChromium, screenshot } from './chromium';

const TEXT = '/doc/toma-de-lima-uprising';

let browser: Browser;

beforeAll(async () => {
	browser = await launchChromium();
});

afterAll(async () => {
	await browser?.close();
});

/** How far the page reaches past the right edge of the screen, in CSS pixels (0: it fits). */
const overflow = (p: Page) =>
	p.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

describe('a long URL in a row', () => {
	for (const width of [1280, 390])
		it(`fits the screen in every view at ${width} px`, async () => {
			const phone = width < 600;
			const ctx = await browser.newContext({
				locale: 'en-US',
				viewport: { width, height: 900 },
				isMobile: phone,
				hasTouch: phone
			});
			const p = await ctx.newPage();
			for (const view of ['parallel', 'original', 'single']) {
				await p.goto(`${baseURL()}${TEXT}?view=${view}`);
				// The row with the link is on the page (the text is short enough to render whole).
				const link = p.locator('.view [data-s]', { hasText: 'facebook.com' }).first();
				await link.waitFor();
				expect(await overflow(p), view).toBeLessThanOrEqual(0);
				// The link's own box stays inside the screen too (not clipped by an overflow: hidden).
				const box = (await link.boundingBox())!;
				expect(box.x + box.width, view).toBeLessThanOrEqual(width);
				await link.scrollIntoViewIfNeeded();
				await screenshot(p, `reader-layout-url-${view}-${width}`);
			}
			await ctx.close();
		});
});

describe('"More" on a phone', () => {
	for (const theme of ['light', 'dark'] as const)
		it(`folds away when "Correct alignment" is chosen in it (${theme})`, async () => {
			const ctx = await browser.newContext({
				locale: 'en-US',
				viewport: { width: 390, height: 844 },
				isMobile: true,
				hasTouch: true
			});
			await ctx.addCookies([{ name: 'puente-theme', value: theme, url: baseURL() }]);
			const p = await ctx.newPage();
			await p.goto(`${baseURL()}${TEXT}?view=parallel`);
			const more = p.getByRole('button', { name: 'More' });
			const panel = p.locator('#reader-more');
			const toggle = p.getByRole('button', { name: 'Correct alignment' });
			// Opened by keyboard; retried until the page has hydrated and the panel opens.
			for (let attempt = 0; attempt < 40 && !(await toggle.isVisible()); attempt++) {
				if ((await more.getAttribute('aria-expanded')) !== 'true') {
					await more.focus();
					await p.keyboard.press('Enter');
				}
				await p.waitForTimeout(250);
			}
			expect(await toggle.isVisible()).toBe(true);
			await toggle.focus();
			await p.keyboard.press('Enter');

			const editor = p.getByRole('region', { name: 'Alignment corrections' });
			await editor.waitFor();
			expect(await more.getAttribute('aria-expanded')).toBe('false');
			expect(await panel.isVisible()).toBe(false);
			// The focus did not fall to the page: it is back on "More".
			expect(await p.evaluate(() => document.activeElement?.textContent?.trim())).toBe('More');
			// Nothing covers the editing toolbar: the point at its middle belongs to it.
			const box = (await editor.boundingBox())!;
			const onTop = await p.evaluate(
				({ x, y }) =>
					!!document
						.elementFromPoint(x, y)
						?.closest('[role="region"][aria-label="Alignment corrections"]'),
				{ x: box.x + box.width / 2, y: box.y + Math.min(box.height / 2, 20) }
			);
			expect(onTop).toBe(true);
			await screenshot(p, `reader-layout-more-editing-${theme}`);
			// Reopened, "More" shows the tool as on, and turning it off folds the panel again.
			await more.click();
			expect(await toggle.getAttribute('aria-pressed')).toBe('true');
			await toggle.click();
			expect(await more.getAttribute('aria-expanded')).toBe('false');
			expect(await editor.count()).toBe(0);
			await ctx.close();
		});
});
