// What a first-time reader does: open the library, open the mixed-language article, see its
// languages marked, switch the interface to Spanish and the theme to dark, and stay there.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { baseURL, screenshot, seriousAxeViolations } from './chromium';
import { useDesktopPage } from './desktop-page';

let page: Page;

// No theme cookie: the theme test walks the switch from a first visit's system → light → dark.
useDesktopPage((opened) => ({ page } = opened), { theme: 'system' });

describe('library and document page', () => {
	it('lists the bundled corpus with each document’s share of languages', async () => {
		await page.goto(baseURL() + '/');
		await expect.poll(() => page.locator('h1').textContent()).toBe('Library');
		const rows = page.locator('tbody tr');
		expect(await rows.count()).toBeGreaterThanOrEqual(5);
		const mosca = page.locator('tbody tr', { hasText: 'La Mosca' });
		const shares = await mosca.locator('.numbers li').allTextContents();
		expect(shares.some((s) => s.startsWith('EN'))).toBe(true);
		expect(shares.some((s) => s.startsWith('ES'))).toBe(true);
		await screenshot(page, 'library-light-en');
		expect(await seriousAxeViolations(page)).toEqual([]);
	});

	it('filters as you type after "/" focuses the search, ignoring accents', async () => {
		const all = await page.locator('tbody tr').count();
		await page.locator('h1').click();
		await page.keyboard.press('/');
		expect(await page.evaluate(() => document.activeElement?.id)).toBe('library-search');
		// "preocupacion" without its accent finds the La Mosca texts, which write "preocupación".
		await page.keyboard.type('preocupacion');
		await expect.poll(() => new URL(page.url()).searchParams.get('q')).toBe('preocupacion');
		await expect.poll(() => page.locator('tbody tr').count()).toBeLessThan(all);
		const titles = await page.locator('tbody tr td:first-child a').allTextContents();
		expect(titles.length).toBeGreaterThan(0);
		expect(titles.every((title) => /Mosca/.test(title))).toBe(true);
		expect(await page.evaluate(() => document.activeElement?.id)).toBe('library-search');
		await page.goto(baseURL() + '/');
	});

	it('opens the mixed article with its Spanish section marked as one Spanish run', async () => {
		await page.locator('a', { hasText: 'La Mosca' }).first().click();
		await page.waitForURL(/\/doc\//);
		// The text as written, with its language runs.
		await page.getByRole('radio', { name: 'Original' }).click();
		const spanish = page.locator('.sentence[data-lang="es"]', {
			hasText: 'Es vergonzoso que la «preocupación» de la OEA'
		});
		await expect.poll(() => spanish.count()).toBe(1);
		expect(await spanish.getAttribute('lang')).toBe('es');
		// The article prints this sentence more than once; the first is the lead.
		const english = page
			.locator('.sentence', { hasText: 'Protests in Peru’s capital continue' })
			.first();
		expect(await english.getAttribute('data-lang')).toBe('en');
		// The runs are listed beside the text, each with its language and confidence.
		const runs = await page.locator('aside.runs li').allTextContents();
		expect(runs.length).toBeGreaterThanOrEqual(3);
		expect(runs.some((r) => r.includes('Spanish') && r.includes('Es vergonzoso'))).toBe(true);
		const badges = await page.locator('.original .lang-badge').allTextContents();
		expect(badges.some((b) => b.includes('ES'))).toBe(true);
		expect(badges.some((b) => b.includes('EN'))).toBe(true);
		await screenshot(page, 'document-mosca-light-en');
		expect(await seriousAxeViolations(page)).toEqual([]);
	});

	it('switches the interface to Spanish and keeps it after a reload', async () => {
		await page.getByRole('button', { name: 'Español' }).click();
		await expect.poll(() => page.locator('html').getAttribute('lang')).toBe('es');
		await expect
			.poll(() => page.locator('.back a').textContent())
			.toContain('Volver a la biblioteca');
		await page.reload();
		expect(await page.locator('html').getAttribute('lang')).toBe('es');
		expect(await page.locator('.back a').textContent()).toContain('Volver a la biblioteca');
		expect(await page.getByRole('radio', { name: 'Original' }).count()).toBe(1);
		expect(await page.getByRole('radio', { name: 'Lado a lado' }).count()).toBe(1);
		await screenshot(page, 'document-mosca-light-es');
	});

	it('switches to the dark theme, rendered by the server on reload', async () => {
		// system → light → dark
		for (let i = 0; i < 2; i++) {
			const before = await page.locator('html').getAttribute('data-theme');
			await page.locator('button.theme').click();
			await expect.poll(() => page.locator('html').getAttribute('data-theme')).not.toBe(before);
		}
		expect(await page.locator('html').getAttribute('data-theme')).toBe('dark');
		await page.reload();
		expect(await page.locator('html').getAttribute('data-theme')).toBe('dark');
		const background = await page.evaluate(
			() => getComputedStyle(document.documentElement).backgroundColor
		);
		expect(background).not.toBe('rgb(251, 250, 247)');
		await screenshot(page, 'document-mosca-dark-es');
		expect(await seriousAxeViolations(page)).toEqual([]);
		await page.goto(baseURL() + '/');
		await screenshot(page, 'library-dark-es');
		expect(await seriousAxeViolations(page)).toEqual([]);
	});
});
