// Glossary lookup as people type it: an abbreviation finds its entry first and nothing unrelated;
// a term the glossary lacks offers a search of the texts and the dictionary's entries; checked
// with axe in light and dark.
import { describe, expect, it } from 'vitest';
import type { Browser, Locator, Page } from 'playwright-core';
import { baseURL, screenshot, seriousAxeViolations } from './chromium';
import { themedContext, useDesktopPage } from './desktop-page';

let browser: Browser;
let page: Page;

useDesktopPage((opened) => ({ browser, page } = opened));

const rowTexts = (p: Page) => p.locator('table.entries tbody tr').allTextContents();

/**
 * Where a link goes, resolved against the page: the server writes app links relative (./?q=…),
 * the hydrated page absolute (/?q=…), and a test may read either.
 */
async function linkTarget(link: Locator): Promise<string> {
	const url = new URL((await link.getAttribute('href')) ?? '', page.url());
	return url.pathname + url.search;
}

describe('glossary search', () => {
	it('finds the OAS first for “OAS”, and not the places whose explanations say “coast”', async () => {
		await page.goto(baseURL() + '/glossary');
		await page.getByLabel('Search in Spanish or English').fill('OAS');
		await page.waitForURL(/q=OAS/);
		await expect
			.poll(async () => (await rowTexts(page))[0] ?? '')
			.toContain('Organization of American States');
		const rows = await rowTexts(page);
		for (const unrelated of ['Ica', 'La Libertad', 'Lima', 'Perú'])
			expect(rows.some((r) => r.startsWith(unrelated))).toBe(false);
		await screenshot(page, 'glossary-search-oas-light-en');
		expect(await seriousAxeViolations(page)).toEqual([]);
	});

	it('offers a search of the texts and a dictionary lookup for “ronderos”', async () => {
		await page.getByLabel('Search in Spanish or English').fill('ronderos');
		await page.waitForURL(/q=ronderos/);
		const offer = page.locator('section.not-found');
		await expect.poll(() => offer.count()).toBe(1);
		expect(await rowTexts(page)).toEqual([]);
		const searchTexts = offer.locator('a.search-texts');
		expect(await searchTexts.textContent()).toContain('ronderos');
		expect(await linkTarget(searchTexts)).toBe('/?q=ronderos');
		// The dictionary does not know the word either, and says so.
		expect(await offer.locator('.dictionary-none').textContent()).toContain('ronderos');
		expect(await seriousAxeViolations(page)).toEqual([]);

		await searchTexts.click();
		await page.waitForURL(/\/\?q=ronderos$/);
	});

	it('shows the dictionary’s entries, word by word, for “rondas campesinas”', async () => {
		await page.goto(baseURL() + '/glossary?q=rondas+campesinas');
		const offer = page.locator('section.not-found');
		expect(await linkTarget(offer.locator('a.search-texts'))).toBe('/?q=rondas%20campesinas');
		const rondas = offer.locator('.lookups > li', { hasText: 'rondas' });
		expect(await rondas.locator('.direction').first().textContent()).toBe('Spanish → English');
		expect(await rondas.locator('dt').first().textContent()).toMatch(/ronda\s+noun/);
		expect(await rondas.locator('dd').first().textContent()).toMatch(/\p{L}{3}/u);
		const campesinas = offer.locator('.lookups > li', { hasText: 'campesinas' });
		expect(await campesinas.locator('dd').allTextContents()).toContainEqual(
			expect.stringContaining('peasant')
		);
		await screenshot(page, 'glossary-search-dictionary-light-en');
		expect(await seriousAxeViolations(page)).toEqual([]);
	});

	it('ranks the glossary API the same way', async () => {
		const { entries } = await (await page.request.get(baseURL() + '/api/glossary?q=OAS')).json();
		expect(entries.map((e: { id: string }) => e.id)).toEqual(['oea']);
	});

	it('answers the dictionary API from the running server', async () => {
		const ok = await page.request.get(baseURL() + '/api/dictionary?q=marcharon&from=es');
		expect(ok.status()).toBe(200);
		const { entries } = await ok.json();
		expect(entries.some((e: { lemma: string }) => e.lemma === 'marchar')).toBe(true);
		const bad = await page.request.get(baseURL() + '/api/dictionary?q=marcharon&from=fr');
		expect(bad.status()).toBe(400);
		expect((await bad.json()).error.code).toBe('invalid-input');
	});
});

describe('glossary search in dark and in Spanish', () => {
	for (const [theme, lang] of [
		['dark', 'en'],
		['dark', 'es']
	] as const)
		it(`has no serious axe violations (${theme}, ${lang})`, async () => {
			const themed = await themedContext(browser, theme, lang);
			const p = await themed.newPage();
			try {
				await p.goto(baseURL() + '/glossary?q=OAS');
				expect(await p.locator('html').getAttribute('data-theme')).toBe(theme);
				expect((await rowTexts(p))[0]).toContain('OEA');
				expect(await seriousAxeViolations(p)).toEqual([]);

				await p.goto(baseURL() + '/glossary?q=rondas+campesinas');
				const offer = p.locator('section.not-found');
				expect(await offer.locator('h2').textContent()).toBe(
					lang === 'es' ? 'No está en el glosario' : 'Not in the glossary'
				);
				expect(await offer.locator('.lookups dt').count()).toBeGreaterThan(0);
				await screenshot(p, `glossary-search-dictionary-${theme}-${lang}`);
				expect(await seriousAxeViolations(p)).toEqual([]);
			} finally {
				await themed.close();
			}
		});
});
