// The revision history page as a person reaches it: corrections made through the reader's form
// actions (a merge, an undo, a sentence's text) are listed newest first, each with its kind and a
// word diff whose added and removed words are read out as such; the page is reached and left by
// keyboard, and axe finds nothing serious in light or dark.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { parse } from 'devalue';
import { baseURL, launchChromium, screenshot, seriousAxeViolations } from './chromium';

const ENGLISH =
	'The unions called a strike for Thursday. Thousands of people marched in Lima. The police answered with tear gas.';
const SPANISH =
	'Los sindicatos convocaron un paro para el jueves. Miles de personas marcharon en Lima. La policía respondió con gases lacrimógenos.';

let browser: Browser;
let context: BrowserContext;
let page: Page;
let slug = '';

/** Posts a form action of the reader page as its enhanced forms do; returns its answer. */
async function act(name: string, fields: Record<string, string | number>) {
	return page.evaluate(
		async ({ url, fields }) => {
			const body = new FormData();
			for (const [k, v] of Object.entries(fields)) body.set(k, String(v));
			const response = await fetch(url, {
				method: 'POST',
				body,
				headers: { 'x-sveltekit-action': 'true' }
			});
			return (await response.json()) as { type: string; status?: number; data: string };
		},
		{ url: `/doc/${slug}?/${name}`, fields }
	);
}

const answer = (result: { data: string }) => parse(result.data) as Record<string, unknown>;

beforeAll(async () => {
	browser = await launchChromium();
	context = await browser.newContext({ locale: 'en-US', viewport: { width: 1280, height: 900 } });
	await context.addCookies([{ name: 'puente-theme', value: 'light', url: baseURL() }]);
	page = await context.newPage();
});

async function addTextAndCorrect() {
	await page.goto(baseURL() + '/add');
	await page.getByLabel('Title').first().fill('History of a strike');
	await page.getByText('A text and its translation').first().click();
	await page.getByLabel('English text').fill(ENGLISH);
	await page.getByLabel('Spanish text').fill(SPANISH);
	await page.getByRole('button', { name: 'Add', exact: true }).first().click();
	await page.waitForURL(/\/doc\/history-of-a-strike/);
	slug = new URL(page.url()).pathname.split('/').pop()!;
	await expect
		.poll(() => page.locator('.row.kind-pair').count(), { timeout: 60_000 })
		.toBeGreaterThan(2);

	const reader = (await (
		await page.request.get(`${baseURL()}/doc/${slug}/reader.json`)
	).json()) as {
		documentId: number;
		alignments: { id: number; version: number; kind: string }[];
	};
	const translation = reader.alignments.find((a) => a.kind === 'translation')!;
	const merged = await act('edit', {
		alignment: translation.id,
		version: translation.version,
		kind: 'merge',
		bead: 0,
		document: reader.documentId
	});
	expect(merged.type).toBe('success');
	const { revision } = answer(merged);
	const undone = await act('undo', { document: reader.documentId, revision: revision as number });
	expect(undone.type).toBe('success');
	// A second undo from the same (now stale) page is refused with both versions.
	const stale = await act('undo', { document: reader.documentId, revision: revision as number });
	expect(stale).toMatchObject({ type: 'failure', status: 409 });
	expect(answer(stale)).toMatchObject({ error: { code: 'conflict' }, yours: { action: 'undo' } });
}

afterAll(async () => {
	await browser?.close();
});

describe('the history page', () => {
	it('records corrections made through the form actions (a stale undo answers 409)', async () => {
		await addTextAndCorrect();
	}, 120_000);

	it('lists the changes newest first with a word diff', async () => {
		await page.goto(`${baseURL()}/doc/${slug}/history`);
		const headings = page.locator('.revisions h2');
		// The stale undo is listed too, as not saved.
		await expect.poll(() => headings.count()).toBe(3);
		expect(await headings.nth(0).innerText()).toMatch(/^Undo/);
		expect(await page.locator('.revisions article').nth(0).innerText()).toMatch(/not saved/);
		expect(await headings.nth(1).innerText()).toMatch(/^Undo/);
		expect(await headings.nth(2).innerText()).toMatch(/^Pairs merged/);
		const merge = page.locator('.revisions article').nth(2);
		expect(await merge.locator('ins').count()).toBeGreaterThan(0);
		expect(await merge.locator('ins .visually-hidden').first().innerText()).toMatch(/added/);
		expect(await merge.locator('del').count()).toBeGreaterThan(0);
		await screenshot(page, 'history-light');
	});

	it('is reached and left by keyboard', async () => {
		await page.goto(`${baseURL()}/doc/${slug}/history`);
		const back = page.getByRole('link', { name: /Back to the text/ });
		for (let k = 0; k < 30; k++) {
			await page.keyboard.press('Tab');
			if (await back.evaluate((el) => el === document.activeElement)) break;
		}
		await expect.poll(() => back.evaluate((el) => el === document.activeElement)).toBe(true);
		await page.keyboard.press('Enter');
		await page.waitForURL(new RegExp(`/doc/${slug}$`));
	});

	for (const theme of ['light', 'dark'] as const)
		it(`has no serious axe violations (${theme})`, async () => {
			const themed = await browser.newContext({
				locale: 'en-US',
				viewport: { width: 1280, height: 900 }
			});
			await themed.addCookies([{ name: 'puente-theme', value: theme, url: baseURL() }]);
			const p = await themed.newPage();
			await p.goto(`${baseURL()}/doc/${slug}/history`);
			await p.locator('.revisions').waitFor();
			expect(await seriousAxeViolations(p)).toEqual([]);
			await screenshot(p, `history-${theme}`);
			await themed.close();
		});
});
