// Correcting an alignment as a contributor would, with the toolbar for the pair in hand: merge
// two pairs, see the merge survive a reload, split it again, and meet a conflict (not a silent
// overwrite) from a second tab.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { baseURL, launchChromium, screenshot, seriousAxeViolations } from './chromium';

let browser: Browser;
let page: Page;
const DOC = '/doc/rebellion-in-peru-dispatch-2?view=parallel';

beforeAll(async () => {
	browser = await launchChromium();
	page = await (
		await browser.newContext({ locale: 'en-US', viewport: { width: 1280, height: 900 } })
	).newPage();
});

afterAll(async () => {
	await browser?.close();
});

const firstRowCells = async (p: Page) => ({
	en: (await p.locator('.row').nth(0).locator('.cell-en .s').count()) as number,
	rows: await p.locator('.row').count()
});

const toolbar = (p: Page) => p.getByRole('region', { name: 'Alignment corrections' });
const tool = (p: Page, name: string) =>
	toolbar(p).getByRole('toolbar').getByRole('button', { name, exact: true });

/** Turns on correction mode, retrying until the page has hydrated and the toolbar is there. */
async function startCorrecting(p: Page) {
	const toggle = p.getByRole('button', { name: 'Correct alignment' });
	for (let attempt = 0; attempt < 20; attempt++) {
		if ((await toggle.getAttribute('aria-pressed')) !== 'true') await toggle.click();
		if ((await toolbar(p).count()) > 0) return;
		await p.waitForTimeout(250);
	}
	throw new Error('correction mode did not start');
}

/** Makes a pair the toolbar's (as a click or j/k does). */
const take = (p: Page, n: number) => p.locator('.row').nth(n).focus();

describe('correcting an alignment', () => {
	it('merges the first two pairs, and the merge survives a reload', async () => {
		await page.goto(baseURL() + DOC);
		const before = await firstRowCells(page);
		const secondText = await page.locator('.row').nth(1).locator('.cell-en').textContent();
		await startCorrecting(page);
		// No buttons under the pairs any more: one toolbar acts on the pair in hand.
		expect(await page.locator('.row button', { hasText: 'Merge with next' }).count()).toBe(0);
		await take(page, 0);
		await tool(page, 'Merge with next').click();
		await expect.poll(() => page.locator('.row').count()).toBe(before.rows - 1);
		expect(await page.locator('.row').nth(0).locator('.cell-en').textContent()).toContain(
			secondText?.trim().slice(0, 30)
		);
		expect(await page.locator('.row').nth(0).locator('.reviewed-flag').count()).toBe(1);
		await screenshot(page, 'correct-merged');
		expect(await seriousAxeViolations(page)).toEqual([]);

		await page.reload();
		const after = await firstRowCells(page);
		expect(after.rows).toBe(before.rows - 1);
		expect(after.en).toBe(before.en + 1);
	});

	it('splits the merged pair back', async () => {
		const rows = await page.locator('.row').count();
		await startCorrecting(page);
		await take(page, 0);
		await tool(page, 'Split…').click();
		// The chooser starts on the cut that keeps the languages in step.
		await toolbar(page).getByRole('button', { name: 'Split', exact: true }).click();
		await expect.poll(() => page.locator('.row').count()).toBe(rows + 1);
	});

	it('refuses a save from a tab that loaded an older version, and says so', async () => {
		const other = await (
			await browser.newContext({ viewport: { width: 1280, height: 900 } })
		).newPage();
		await other.goto(baseURL() + DOC);
		await startCorrecting(other);
		// This tab saves first…
		await take(page, 2);
		await tool(page, 'Confirm').click();
		await expect.poll(() => page.locator('.row').nth(2).locator('.reviewed-flag').count()).toBe(1);
		// …so the other tab's edit, made on what it loaded, is a conflict.
		const rows = await other.locator('.row').count();
		await take(other, 3);
		await tool(other, 'Merge with next').click();
		const note = toolbar(other).getByRole('group', { name: /saved a change here first/ });
		await expect.poll(() => note.count()).toBe(1);
		// It says what happened: the change was not saved (never that it "was not lost").
		expect(await note.textContent()).toContain('Your change was not saved');
		expect(await note.textContent()).not.toMatch(/not lost/);
		await screenshot(other, 'correct-conflict');
		await other.reload();
		// Nothing was merged by the refused save; the first tab's confirmation is there.
		expect(await other.locator('.row').count()).toBe(rows);
		expect(await other.locator('.row').nth(2).locator('.reviewed-flag').count()).toBe(1);
		await other.context().close();
	});
});
