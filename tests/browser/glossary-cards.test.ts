// A learner reviewing the glossary's cards at /glossary/cards: the glossary deck of the review,
// scheduled with FSRS on the server. Rendered without script, linked from the glossary, revealed
// and rated from the keyboard, no card with the same two sides, a new-card count that is the
// server's record as soon as a rating is answered (a rating pressed again while the first is
// pending counts once), progress that survives a reload and is the same record the review page
// reads; axe in light, dark and Spanish, and on a phone.
import { describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { baseURL, screenshot, seriousAxeViolations } from './chromium';
import { themedContext, useDesktopPage } from './desktop-page';

let browser: Browser;
let page: Page;

useDesktopPage((opened) => ({ browser, page } = opened));

const prompt = (p: Page) => p.locator('#card-prompt');
const newCount = async (p: Page) => Number(await p.locator('.counts').getAttribute('data-new'));
const focusedId = (p: Page) => p.evaluate(() => document.activeElement?.id ?? '');

/**
 * Waits until the page has the answer to the rating of the card `term`: the notice names it once
 * the page's data (next card, counts) is the server's again. A changed prompt alone says nothing
 * when compared with a lower-cased copy ("Cono Sur" is never "cono sur"), and the count read then
 * was the one before the rating.
 */
async function ratingAnswered(p: Page, term: string, rating: 'Good' | 'Easy') {
	await expect
		.poll(() => p.locator('.notice').textContent(), { timeout: 15_000 })
		.toContain(`“${term}” (${rating})`);
	expect(await prompt(p).textContent()).not.toBe(term);
}

describe('glossary review cards', () => {
	it('renders a card on the server, before any script runs', async () => {
		const response = await page.request.get(`${baseURL()}/glossary/cards`);
		expect(response.status()).toBe(200);
		const html = await response.text();
		expect(html).toContain('Review cards');
		expect(html).toContain('id="card-prompt"');
	});

	it('is linked from the glossary', async () => {
		await page.goto(baseURL() + '/glossary');
		await page.getByRole('link', { name: 'Review with cards' }).click();
		await page.waitForURL(/\/glossary\/cards$/);
		expect(await page.locator('h1').textContent()).toBe('Review cards');
	});

	it('reveals with Space, rates with 3, and moves on to another card', async () => {
		const fresh = await newCount(page);
		expect(fresh).toBeGreaterThan(20);
		const term = await prompt(page).textContent();
		const promptLang = await prompt(page).getAttribute('lang');
		await page.locator('h1').click(); // the focus on no control: the page's own keys apply
		await page.keyboard.press('Space');
		const answer = page.locator('#card-answer');
		await expect.poll(() => answer.count()).toBe(1);
		expect(await answer.getAttribute('lang')).toBe(promptLang === 'es' ? 'en' : 'es');
		expect(await page.locator('.answer').getAttribute('aria-live')).toBe('polite');
		await expect.poll(() => focusedId(page)).toBe('rate-good');
		await screenshot(page, 'cards-revealed-light-en');
		await page.keyboard.press('3');
		await expect.poll(() => page.locator('.notice time').count()).toBe(1);
		expect(await page.locator('.notice').textContent()).toContain(`“${term}” (Good)`);
		await expect.poll(() => prompt(page).textContent()).not.toBe(term);
		await expect.poll(() => focusedId(page)).toBe('card-reveal');
		expect(await newCount(page)).toBe(fresh - 1);
	});

	it('reveals with Enter on the focused button and rates with the buttons too', async () => {
		const fresh = await newCount(page);
		const term = (await prompt(page).textContent())!;
		await page.locator('#card-reveal').focus();
		await page.keyboard.press('Enter');
		await page.locator('#rate-easy').click();
		await ratingAnswered(page, term, 'Easy');
		expect(await newCount(page)).toBe(fresh - 1);
	});

	it('never shows a card whose two sides are the same, and counts each rating at once', async () => {
		for (let i = 0; i < 8; i++) {
			const fresh = await newCount(page);
			await page.locator('#card-reveal').click();
			const term = (await prompt(page).textContent())!;
			const answer = (await page.locator('#card-answer').textContent())!.trim().toLowerCase();
			expect(answer).not.toBe(term.trim().toLowerCase());
			await page.locator('#rate-good').click();
			await ratingAnswered(page, term, 'Good');
			expect(await newCount(page)).toBe(fresh - 1);
		}
	});

	it('counts a rating pressed again while its answer is pending once', async () => {
		// The rating's answer held back, as on a loaded server.
		const isRating = (url: URL) => url.pathname === '/review' && url.search === '?/rate';
		let release = () => {};
		const held = new Promise<void>((done) => (release = done));
		await page.route(isRating, async (route) => {
			await held;
			await route.continue();
		});
		const posts: string[] = [];
		const onRequest = (request: { method(): string; url(): string }) => {
			if (request.method() === 'POST') posts.push(request.url());
		};
		page.on('request', onRequest);
		try {
			const fresh = await newCount(page);
			const term = (await prompt(page).textContent())!;
			await page.locator('h1').click();
			await page.keyboard.press('Space');
			await expect.poll(() => focusedId(page)).toBe('rate-good');
			await page.keyboard.press('3');
			await expect.poll(() => posts.length).toBe(1);
			await expect.poll(() => page.locator('#rate-good').isDisabled()).toBe(true);
			await page.keyboard.press('3');
			await page.keyboard.press('4');
			// Pending: the card and its count are still the ones before the rating.
			expect(await prompt(page).textContent()).toBe(term);
			expect(await newCount(page)).toBe(fresh);
			release();
			await ratingAnswered(page, term, 'Good');
			expect(await newCount(page)).toBe(fresh - 1);
			expect(posts.filter((url) => isRating(new URL(url)))).toHaveLength(1);
		} finally {
			release();
			page.off('request', onRequest);
			await page.unroute(isRating);
		}
	});

	it('keeps the progress over a reload, in the record the review page reads', async () => {
		// The count the page shows right after its last rating is the server's record.
		const fresh = await newCount(page);
		await page.reload();
		expect(await newCount(page)).toBe(fresh);
		await page.goto(baseURL() + '/review?deck=glossary');
		expect(await newCount(page)).toBe(fresh);
		await page.goto(baseURL() + '/progress');
		expect(Number(await page.locator('dd[data-stat="reviews"]').textContent())).toBe(11);
	});

	it('says that progress kept in this browser by the old Leitner cards is not carried over', async () => {
		await page.goto(baseURL() + '/glossary/cards');
		expect(await page.locator('.earlier').count()).toBe(0);
		await page.evaluate(() =>
			localStorage.setItem('puente-glossary-cards', '{"direction":"es-en","progress":{}}')
		);
		await page.reload();
		await expect.poll(() => page.locator('.earlier').count()).toBe(1);
		// Left as it was.
		expect(await page.evaluate(() => localStorage.getItem('puente-glossary-cards'))).toContain(
			'es-en'
		);
	});

	for (const [theme, lang, width] of [
		['light', 'en', 1280],
		['dark', 'en', 1280],
		['light', 'es', 1280],
		['dark', 'es', 390]
	] as const)
		it(`has no serious axe violations (${theme}, ${lang}, ${width}px)`, async () => {
			const ctx = await themedContext(browser, theme, lang, {
				locale: lang === 'es' ? 'es-ES' : 'en-US',
				viewport: { width, height: 800 }
			});
			const p = await ctx.newPage();
			await p.goto(baseURL() + '/glossary/cards');
			// The reveal button answers once the page has hydrated: press it until the answer shows.
			await expect
				.poll(async () => {
					const reveal = p.locator('#card-reveal');
					if (await reveal.count()) await reveal.click();
					return p.locator('#card-answer').count();
				})
				.toBe(1);
			await screenshot(p, `cards-${theme}-${lang}-${width}`);
			expect(await seriousAxeViolations(p)).toEqual([]);
			const overflow = await p.evaluate(
				() => document.documentElement.scrollWidth > document.documentElement.clientWidth
			);
			expect(overflow).toBe(false);
			await ctx.close();
		});
});
