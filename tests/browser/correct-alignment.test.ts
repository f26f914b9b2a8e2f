// Correcting an alignment as a contributor would: merge two pairs, see the merge survive a
// reload, split it again, and meet a conflict (not a silent overwrite) from a second tab.
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

/** Turns on correction mode, retrying until the page has hydrated and the toggle responds. */
async function startCorrecting(p: Page) {
	const toggle = p.getByRole('button', { name: 'Correct alignment' });
	for (let attempt = 0; attempt < 20; attempt++) {
		if ((await toggle.getAttribute('aria-pressed')) !== 'true') await toggle.click();
		if ((await p.locator('.row').nth(0).getByRole('group').count()) > 0) return;
		await p.waitForTimeout(250);
	}
	throw new Error('correction mode did not start');
}

describe('correcting an alignment', () => {
	it('merges the first two pairs, and the merge survives a reload', async () => {
		await page.goto(baseURL() + DOC);
		const before = await firstRowCells(page);
		const secondText = await page.locator('.row').nth(1).locator('.cell-en').textContent();
		await startCorrecting(page);
		const controls = page.locator('.row').nth(0).getByRole('group');
		await controls.getByRole('button', { name: 'Merge with next' }).click();
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
		const split = page
			.locator('.row')
			.nth(0)
			.getByRole('group')
			.getByRole('button', { name: /^Split/ })
			.first();
		await split.click();
		await expect.poll(() => page.locator('.row').count()).toBe(rows + 1);
	});

	it('refuses a save from a tab that loaded an older version, and says so', async () => {
		const other = await (
			await browser.newContext({ viewport: { width: 1280, height: 900 } })
		).newPage();
		await other.goto(baseURL() + DOC);
		await startCorrecting(other);
		// This tab saves first…
		await page
			.locator('.row')
			.nth(2)
			.getByRole('group')
			.getByRole('button', { name: 'Confirm pair' })
			.click();
		await expect.poll(() => page.locator('.row').nth(2).locator('.reviewed-flag').count()).toBe(1);
		// …so the other tab's edit, made on what it loaded, is a conflict.
		const rows = await other.locator('.row').count();
		await other
			.locator('.row')
			.nth(3)
			.getByRole('group')
			.getByRole('button', { name: 'Merge with next' })
			.click();
		await expect
			.poll(() => other.locator('.edit-message').textContent())
			.toMatch(/Someone else changed this/);
		await screenshot(other, 'correct-conflict');
		await other.reload();
		// Nothing was merged by the refused save; the first tab's confirmation is there.
		expect(await other.locator('.row').count()).toBe(rows);
		expect(await other.locator('.row').nth(2).locator('.reviewed-flag').count()).toBe(1);
		await other.context().close();
	});
});
