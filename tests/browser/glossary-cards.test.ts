// A learner reviewing glossary cards: a first visit with nothing stored, revealing and grading
// from the keyboard, progress that survives a reload, switching direction and type, resetting
// with a confirmation; checked with axe in light, dark and Spanish, and on a small screen.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { baseURL, launchChromium, screenshot, seriousAxeViolations } from './chromium';

let browser: Browser;
let context: BrowserContext;
let page: Page;

beforeAll(async () => {
	browser = await launchChromium();
	context = await browser.newContext({ locale: 'en-US', viewport: { width: 1280, height: 900 } });
	await context.addCookies([{ name: 'puente-theme', value: 'light', url: baseURL() }]);
	page = await context.newPage();
});

afterAll(async () => {
	await browser?.close();
});

const stat = async (p: Page, name: string) =>
	Number(await p.locator(`dd[data-stat="${name}"]`).textContent());
const prompt = (p: Page) => p.locator('#card-prompt');
const focusedId = (p: Page) => p.evaluate(() => document.activeElement?.id ?? '');

describe('glossary review cards', () => {
	it('renders on the server without stored progress and says it is loading', async () => {
		const response = await page.request.get(`${baseURL()}/glossary/cards`);
		expect(response.status()).toBe(200);
		const html = await response.text();
		expect(html).toContain('Review cards');
		expect(html).toContain('Loading your progress…');
	});

	it('is linked from the glossary', async () => {
		await page.goto(baseURL() + '/glossary');
		await page.getByRole('link', { name: 'Review with cards' }).click();
		await page.waitForURL(/\/glossary\/cards$/);
		expect(await page.locator('h1').textContent()).toBe('Review cards');
	});

	it('on a first visit, every card is new and due, Spanish first', async () => {
		await expect.poll(() => page.locator('#card-reveal').count()).toBe(1);
		const due = await stat(page, 'due');
		expect(due).toBeGreaterThanOrEqual(60);
		expect(await stat(page, 'new')).toBe(due);
		expect(await stat(page, 'learned')).toBe(0);
		expect(await prompt(page).getAttribute('lang')).toBe('es');
		expect(await page.locator('.answer').textContent()).toBe('');
		await screenshot(page, 'cards-first-visit-light-en');
		expect(await seriousAxeViolations(page)).toEqual([]);
	});

	it('reaches every control with Tab', async () => {
		await page.locator('h1').click();
		const reached = new Set<string>();
		for (let i = 0; i < 25; i++) {
			await page.keyboard.press('Tab');
			reached.add(
				await page.evaluate(() => {
					const el = document.activeElement as HTMLInputElement | null;
					return el?.id || (el?.type === 'radio' ? 'radio' : el?.className.split(' ')[0]) || '';
				})
			);
		}
		for (const id of ['radio', 'cards-type', 'reset', 'card-reveal']) expect(reached).toContain(id);
	});

	it('reveals with Space, announces the answer and grades with 2, so one fewer is due', async () => {
		const due = await stat(page, 'due');
		const term = await prompt(page).textContent();
		await page.locator('h1').click(); // the focus on no control: the page's own keys apply
		await page.keyboard.press('Space');
		const answer = page.locator('.answer');
		expect(await answer.getAttribute('aria-live')).toBe('polite');
		await expect.poll(() => answer.locator('.term').count()).toBe(1);
		expect(await answer.locator('.term').getAttribute('lang')).toBe('en');
		expect(await answer.locator('.explanation').textContent()).toMatch(/\w{3,}/);
		expect(await focusedId(page)).toBe('grade-good');
		await screenshot(page, 'cards-revealed-light-en');
		expect(await seriousAxeViolations(page)).toEqual([]);

		await page.keyboard.press('2');
		await expect.poll(() => stat(page, 'due')).toBe(due - 1);
		expect(await stat(page, 'learning')).toBe(1);
		expect(await prompt(page).textContent()).not.toBe(term);
		expect(await focusedId(page)).toBe('card-reveal');
	});

	it('reveals with Enter on the focused button and grades “easy” with 3', async () => {
		const due = await stat(page, 'due');
		await page.keyboard.press('Enter');
		await expect.poll(() => page.locator('.answer .term').count()).toBe(1);
		await page.keyboard.press('3');
		await expect.poll(() => stat(page, 'due')).toBe(due - 1);
		expect(await stat(page, 'learned')).toBe(1);
	});

	it('keeps the progress over a reload', async () => {
		const due = await stat(page, 'due');
		await page.reload();
		await expect.poll(() => page.locator('#card-reveal').count()).toBe(1);
		expect(await stat(page, 'due')).toBe(due);
		expect(await stat(page, 'learning')).toBe(1);
		expect(await stat(page, 'learned')).toBe(1);
	});

	it('switches direction, and keeps the choice', async () => {
		await page.getByLabel('English → Spanish').check();
		await expect.poll(() => prompt(page).getAttribute('lang')).toBe('en');
		// The focus is on the radio button, where Space is the radio's own key.
		await page.locator('#card-reveal').click();
		expect(await page.locator('.answer .term').getAttribute('lang')).toBe('es');
		await screenshot(page, 'cards-en-es-light-en');
		await page.reload();
		await expect.poll(() => prompt(page).getAttribute('lang')).toBe('en');
		expect(await page.getByLabel('English → Spanish').isChecked()).toBe(true);
		await page.getByLabel('Spanish → English').check();
		await expect.poll(() => prompt(page).getAttribute('lang')).toBe('es');
	});

	it('filters by type', async () => {
		const total = await stat(page, 'due');
		await page.getByLabel('Type', { exact: true }).selectOption('place');
		await expect.poll(() => stat(page, 'due')).toBeLessThan(total);
		await page.locator('#card-reveal').click();
		expect(await page.locator('.answer .type').textContent()).toBe('Place');
		await page.getByLabel('Type', { exact: true }).selectOption('');
		await expect.poll(() => stat(page, 'due')).toBe(total);
	});

	it('says when nothing is due and when the next card will be', async () => {
		// The type with the fewest cards, graded “good” one by one.
		const options = await page.locator('#cards-type option').evaluateAll((os) =>
			os.map((o) => ({
				value: (o as HTMLOptionElement).value,
				count: Number(/\((\d+)\)/.exec(o.textContent ?? '')?.[1] ?? Infinity)
			}))
		);
		const smallest = options.sort((a, b) => a.count - b.count)[0];
		expect(smallest.count).toBeLessThan(20);
		await page.getByLabel('Type', { exact: true }).selectOption(smallest.value);
		await expect.poll(() => stat(page, 'due')).toBeLessThanOrEqual(smallest.count);
		await page.locator('#card-reveal').focus();
		for (let left = await stat(page, 'due'); left > 0; left--) {
			await page.keyboard.press('Enter');
			await page.keyboard.press('2');
			await expect.poll(() => stat(page, 'due')).toBe(left - 1);
		}
		const done = page.locator('#cards-done');
		expect(await done.textContent()).toContain('Nothing is due right now.');
		expect(await done.textContent()).toContain('The next card is due');
		expect(await focusedId(page)).toBe('cards-done');
		await screenshot(page, 'cards-done-light-en');
		expect(await seriousAxeViolations(page)).toEqual([]);
		await page.getByLabel('Type', { exact: true }).selectOption('');
		await expect.poll(() => page.locator('#card-reveal').count()).toBe(1);
	});

	it('resets the progress only after a confirmation', async () => {
		const learned = await stat(page, 'learned');
		expect(learned).toBe(1);
		const learning = await stat(page, 'learning');
		expect(learning).toBeGreaterThan(1);
		await page.getByRole('button', { name: 'Reset progress' }).click();
		const dialog = page.getByRole('dialog', { name: 'Reset your progress?' });
		await expect.poll(() => dialog.isVisible()).toBe(true);
		expect(await focusedId(page)).toBe('');
		expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Keep my progress');
		await screenshot(page, 'cards-reset-dialog-light-en');
		await page.keyboard.press('Escape');
		await expect.poll(() => dialog.isVisible()).toBe(false);
		expect(await stat(page, 'learned')).toBe(1);

		await page.getByRole('button', { name: 'Reset progress' }).click();
		await dialog.getByRole('button', { name: 'Yes, reset' }).click();
		await expect.poll(() => stat(page, 'learned')).toBe(0);
		expect(await stat(page, 'new')).toBe(await stat(page, 'due'));
		expect(await page.locator('.notice[role="status"]').textContent()).toBe(
			'Your progress was reset.'
		);
		await page.reload();
		await expect.poll(() => page.locator('#card-reveal').count()).toBe(1);
		expect(await stat(page, 'learned')).toBe(0);
		expect(await stat(page, 'learning')).toBe(0);
	});
});

describe('glossary review cards in dark, in Spanish and on a small screen', () => {
	for (const [theme, lang, width] of [
		['dark', 'en', 1280],
		['light', 'es', 1280],
		['dark', 'es', 390]
	] as const)
		it(`has no serious axe violations (${theme}, ${lang}, ${width}px)`, async () => {
			const themed = await browser.newContext({ viewport: { width, height: 900 } });
			await themed.addCookies([
				{ name: 'puente-theme', value: theme, url: baseURL() },
				{ name: 'puente-lang', value: lang, url: baseURL() }
			]);
			const p = await themed.newPage();
			try {
				await p.goto(baseURL() + '/glossary/cards');
				expect(await p.locator('html').getAttribute('data-theme')).toBe(theme);
				expect(await p.locator('h1').textContent()).toBe(
					lang === 'es' ? 'Tarjetas de repaso' : 'Review cards'
				);
				await expect.poll(() => p.locator('#card-reveal').count()).toBe(1);
				await screenshot(p, `cards-${theme}-${lang}-${width}`);
				expect(await seriousAxeViolations(p)).toEqual([]);
				await p.locator('#card-reveal').focus();
				await p.keyboard.press('Space');
				await expect.poll(() => p.locator('.answer .explanation').count()).toBe(1);
				expect(await p.locator('.answer .explanation').getAttribute('lang')).toBe(lang);
				await screenshot(p, `cards-revealed-${theme}-${lang}-${width}`);
				expect(await seriousAxeViolations(p)).toEqual([]);
			} finally {
				await themed.close();
			}
		});
});
