// The alignment editor as a translator uses it: one toolbar for the pair in hand; a sentence a PDF
// copy broke in two is joined, the join undone, redone and still there after a reload; a sentence
// glued to the next is split at the caret; a sentence of the Spanish translation is edited (it
// names its own document's version); "next flagged pair" by key; the focus stays on the pair
// acted on; and a second tab that saved on an old version sees both versions and re-applies its
// change. axe in light and dark.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { baseURL, launchChromium, screenshot, seriousAxeViolations } from './chromium';

// The English was copied from a PDF: a line break cut its first sentence in two paragraphs, and a
// full stop was lost, so two sentences read as one.
const ENGLISH = [
	'The unions called a general strike across the south of Peru for',
	'',
	'Thursday, the nineteenth of January. Thousands of people marched in Lima The police answered with tear gas. Schools in Puno stayed closed all week. The government did not talk to the unions.'
].join('\n');
const SPANISH =
	'Los sindicatos convocaron un paro general en el sur del Perú para el jueves diecinueve de enero. Miles de personas marcharon en Lima. La policía respondió con gases lacrimógenos. Las escuelas de Puno estuvieron cerradas toda la semana. El gobierno no habló con los sindicatos.';

let browser: Browser;
let context: BrowserContext;
let page: Page;
let slug = '';

beforeAll(async () => {
	browser = await launchChromium();
	context = await browser.newContext({ locale: 'en-US', viewport: { width: 1280, height: 900 } });
	page = await context.newPage();
	await page.goto(baseURL() + '/add');
	await page.getByLabel('Title').first().fill('Strike in the south');
	await page.getByText('A text and its translation').first().click();
	await page.getByLabel('English text').fill(ENGLISH);
	await page.getByLabel('Spanish text').fill(SPANISH);
	await page.getByRole('button', { name: 'Add', exact: true }).first().click();
	await page.waitForURL(/\/doc\/strike-in-the-south/);
	slug = new URL(page.url()).pathname.split('/').pop()!;
	// The text shows at once; its pairs come when the background analysis is done.
	await page.waitForFunction(() => document.querySelectorAll('.row.kind-pair').length > 2, null, {
		timeout: 60_000
	});
});

afterAll(async () => {
	await browser?.close();
});

const docUrl = () => `${baseURL()}/doc/${slug}?view=parallel`;

/**
 * Opens the text once its analysis is done: a sentence change makes the text analysed again, and
 * a test that counts rows must not count them while the new analysis lands.
 */
async function openText(p: Page) {
	for (let waited = 0; waited < 60_000; waited += 250) {
		const status = await (await p.request.get(`${baseURL()}/doc/${slug}/status`)).json();
		if (status.state !== 'pending') break;
		await p.waitForTimeout(250);
	}
	await p.goto(docUrl());
}
const toolbar = (p: Page) => p.getByRole('region', { name: 'Alignment corrections' });
const tool = (p: Page, name: string | RegExp) =>
	toolbar(p).getByRole('toolbar').getByRole('button', { name });
/** The sentence (a span tagged with its document and index) whose text matches. */
const sentence = (p: Page, text: RegExp) => p.locator('.parallel [data-s]', { hasText: text });
/** The same, inside a row (a locator for `has`, relative to the row). */
const inRow = (p: Page, text: RegExp) => p.locator('[data-s]', { hasText: text });
const status = (p: Page) => toolbar(p).locator('.status');

/** Turns on correction mode, retrying until the page has hydrated and the toolbar is there. */
async function startCorrecting(p: Page) {
	const toggle = p.getByRole('button', { name: 'Correct alignment' });
	for (let attempt = 0; attempt < 40; attempt++) {
		if ((await toggle.getAttribute('aria-pressed')) !== 'true') await toggle.click();
		if ((await toolbar(p).count()) > 0) return;
		await p.waitForTimeout(250);
	}
	throw new Error('correction mode did not start');
}

/** Focuses the row that shows a sentence (as j/k or a click would) and returns its key. */
async function focusRowOf(p: Page, text: RegExp): Promise<string> {
	const row = p.locator('.parallel .row', { has: inRow(p, text) }).first();
	await row.focus();
	return (await row.getAttribute('data-row'))!;
}

/** In the sentence box, picks the pair's sentence that matches (when the pair has several). */
async function chooseSentence(p: Page, text: RegExp) {
	// Named "Sentence" and the chosen option's text (the label holds the select).
	const choice = toolbar(p).getByRole('combobox', { name: /^Sentence\b/ });
	if (!(await choice.count())) return;
	const value = await choice.locator('option', { hasText: text }).getAttribute('value');
	await choice.selectOption(value!);
}

const focusedRow = (p: Page) =>
	p.evaluate(() => document.activeElement?.closest('[data-row]')?.getAttribute('data-row'));

describe('the alignment editor', () => {
	it('shows one toolbar for the pair in hand, not buttons under every pair', async () => {
		await openText(page);
		await startCorrecting(page);
		const key = await focusRowOf(page, /Thousands of people marched/);
		expect(await page.locator('.parallel .row button', { hasText: /Merge|Confirm/ }).count()).toBe(
			0
		);
		expect(await tool(page, 'Merge with next').count()).toBe(1);
		expect(await page.locator(`.row[data-row="${key}"]`).getAttribute('aria-current')).toBe('true');
		expect(await toolbar(page).locator('.target').textContent()).toMatch(/Pair \d+ of \d+/);
		await screenshot(page, 'editor-toolbar');
		expect(await seriousAxeViolations(page)).toEqual([]);

		// The toolbar sticks: at the end of a long text it is still at the top of the window.
		await page.goto(`${baseURL()}/doc/toma-de-lima-uprising?view=parallel`);
		await startCorrecting(page);
		await page.locator('.parallel .row').nth(2).focus();
		await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
		await expect.poll(async () => (await toolbar(page).boundingBox())?.y).toBe(0);
	});

	it('joins a sentence a line break cut in two, undoes and redoes it, and keeps it after a reload', async () => {
		await openText(page);
		await startCorrecting(page);
		expect(await sentence(page, /south of Peru for$/).count()).toBe(1);
		await focusRowOf(page, /south of Peru for/);
		await page.keyboard.press('e');
		const box = page.getByLabel(/^Text \(Enter saves/);
		await expect.poll(() => box.count()).toBe(1);
		await chooseSentence(page, /The unions called/);
		expect(await box.inputValue()).toMatch(/south of Peru for$/);
		await screenshot(page, 'editor-sentence-box');
		expect(await seriousAxeViolations(page)).toEqual([]);
		await page.keyboard.press('Alt+J');

		const joined = /south of Peru for\s+Thursday, the nineteenth/;
		await expect.poll(() => sentence(page, joined).count(), { timeout: 15_000 }).toBe(1);
		await expect.poll(() => status(page).textContent()).toBe('Sentences joined.');
		// The focus came back to the pair it left.
		expect(await focusedRow(page)).toBe(
			await page.locator('.row', { has: inRow(page, joined) }).getAttribute('data-row')
		);

		await page.keyboard.press('Control+z');
		await expect.poll(() => sentence(page, /south of Peru for$/).count()).toBe(1);
		expect(await sentence(page, joined).count()).toBe(0);
		await page.keyboard.press('Control+Shift+z');
		await expect.poll(() => sentence(page, joined).count()).toBe(1);

		await page.reload();
		await expect.poll(() => sentence(page, joined).count()).toBe(1);
		expect(await sentence(page, /south of Peru for$/).count()).toBe(0);
	});

	it('splits two sentences glued together at the caret', async () => {
		await openText(page);
		await startCorrecting(page);
		const glued = /marched in Lima The police/;
		expect(await sentence(page, glued).count()).toBe(1);
		await focusRowOf(page, glued);
		await page.keyboard.press('e');
		await chooseSentence(page, /marched in Lima/);
		const box = page.getByLabel(/^Text \(Enter saves/);
		const text = await box.inputValue();
		const at = text.indexOf('The police');
		expect(at).toBeGreaterThan(0);
		await box.evaluate((el: HTMLTextAreaElement, at) => el.setSelectionRange(at, at), at);
		await page.keyboard.press('Shift+Enter');
		await expect
			.poll(() => sentence(page, /^The police answered/).count(), { timeout: 15_000 })
			.toBe(1);
		expect(await sentence(page, glued).count()).toBe(0);
		expect(await sentence(page, /marched in Lima\s*$/).count()).toBe(1);
	});

	it("edits a sentence of the Spanish translation, with that document's own version", async () => {
		await openText(page);
		await startCorrecting(page);
		const before = /^Las escuelas de Puno estuvieron cerradas toda la semana\.$/;
		const after = /^Las escuelas de Puno siguieron cerradas toda la semana\.$/;
		expect(await sentence(page, before).count()).toBe(1);
		await focusRowOf(page, /Schools in Puno stayed closed/);
		await page.keyboard.press('e');
		const box = page.getByLabel(/^Text \(Enter saves/);
		await expect.poll(() => box.count()).toBe(1);
		// The translation's sentence is offered beside the English one, and chosen.
		await chooseSentence(page, /Las escuelas de Puno/);
		expect(await box.inputValue()).toMatch(before);
		await box.fill('Las escuelas de Puno siguieron cerradas toda la semana.');
		await page.keyboard.press('Enter');
		await expect
			.poll(() => status(page).textContent(), { timeout: 15_000 })
			.toBe('Sentence text saved.');
		await expect.poll(() => sentence(page, after).count()).toBe(1);
		expect(await sentence(page, before).count()).toBe(0);
		// Stored in the Spanish document: still there after a reload, in its column.
		await openText(page);
		await expect
			.poll(() => page.locator('.parallel .cell-es [data-s]', { hasText: after }).count())
			.toBe(1);
	});

	it('merges by key and keeps the focus on the merged pair; a split from the toolbar keeps it on the tool', async () => {
		await openText(page);
		await startCorrecting(page);
		const rows = await page.locator('.parallel .row').count();
		await focusRowOf(page, /police answered with tear gas/);
		await page.keyboard.press('m');
		await expect.poll(() => page.locator('.parallel .row').count()).toBe(rows - 1);
		const merged = page.locator('.parallel .row', {
			has: inRow(page, /police answered with tear gas/)
		});
		expect(await merged.locator('.cell-en [data-s]').count()).toBeGreaterThan(1);
		expect(await focusedRow(page)).toBe(await merged.getAttribute('data-row'));
		expect(await merged.locator('.reviewed-flag').count()).toBe(1);

		// From a button the focus stays on the button, and the pair stays the one in hand.
		await tool(page, 'Confirm').focus();
		await tool(page, 'Split…').click();
		await expect.poll(() => toolbar(page).getByRole('group').count()).toBe(1);
		await screenshot(page, 'editor-split-chooser');
		expect(await seriousAxeViolations(page)).toEqual([]);
		await toolbar(page).getByRole('button', { name: 'Split', exact: true }).click();
		await expect.poll(() => page.locator('.parallel .row').count()).toBe(rows);
		expect(await page.evaluate(() => document.activeElement?.getAttribute('data-tool'))).toBe(
			'split'
		);
	});

	it('goes from flagged pair to flagged pair with n', async () => {
		await page.goto(`${baseURL()}/doc/toma-de-lima-uprising?view=parallel`);
		await startCorrecting(page);
		const flagged = async () => {
			await page.keyboard.press('n');
			await expect
				.poll(() => page.evaluate(() => document.activeElement?.closest('.row')?.className))
				.toMatch(/review/);
			return page.evaluate(() => {
				const row = document.activeElement!.closest<HTMLElement>('.row')!;
				return { key: row.dataset.row!, at: Number(row.dataset.at) };
			});
		};
		await page.locator('.parallel .row').first().focus();
		const first = await flagged();
		expect(await toolbar(page).locator('.target').textContent()).toMatch(/flagged/);
		const second = await flagged();
		expect(second.key).not.toBe(first.key);
		// Nothing flagged in between (rows the page has not drawn are read from its data).
		const between = await page.evaluate(
			async ([from, to, url]) => {
				const data = await (await fetch(url)).json();
				return data.rows
					.slice(from + 1, to)
					.filter(
						(r: { kind: string; confidence: number; reviewed: boolean }) =>
							r.kind === 'pair' && !r.reviewed && r.confidence < 0.5
					).length;
			},
			[first.at, second.at, `${baseURL()}/doc/toma-de-lima-uprising/reader.json`] as const
		);
		expect(second.at > first.at ? between : 0).toBe(0);
	});

	it('shows both versions to a tab that saved on an old one, and re-applies its change', async () => {
		const other = await (
			await browser.newContext({ locale: 'en-US', viewport: { width: 1280, height: 900 } })
		).newPage();
		await openText(other);
		await startCorrecting(other);
		await openText(page);
		await startCorrecting(page);
		// This tab confirms a pair first (one no test before has touched)…
		await focusRowOf(page, /did not talk to the unions/);
		await page.keyboard.press('c');
		await expect.poll(() => status(page).textContent()).toBe('Pair confirmed.');
		// …so the other tab's merge, made on what it loaded, is refused and shown.
		const rows = await other.locator('.parallel .row').count();
		await focusRowOf(other, /Thousands of people marched/);
		await other.keyboard.press('m');
		const note = toolbar(other).getByRole('group', { name: /saved a change here first/ });
		await expect.poll(() => note.count()).toBe(1);
		const said = await note.textContent();
		expect(said).toContain('Your change was not saved');
		expect(said).not.toMatch(/not lost/);
		expect(
			await note.getByRole('region', { name: 'Your change (not saved)' }).textContent()
		).toMatch(/Merge with next[\s\S]*Thousands of people marched[\s\S]*police answered/);
		expect(
			await note.getByRole('region', { name: 'Saved by the other page' }).textContent()
		).toMatch(/Thousands of people marched/);
		await screenshot(other, 'editor-conflict');
		expect(await seriousAxeViolations(other)).toEqual([]);

		await note.getByRole('button', { name: 'Re-apply mine' }).click();
		await expect.poll(() => other.locator('.parallel .row').count()).toBe(rows - 1);
		await expect.poll(() => status(other).textContent()).toBe('Your change was re-applied.');
		await other.reload();
		expect(await other.locator('.parallel .row').count()).toBe(rows - 1);
		// The first tab's confirmation stands beside the re-applied merge.
		const confirmed = other.locator('.parallel .row', {
			has: inRow(other, /did not talk to the unions/)
		});
		expect(await confirmed.locator('.reviewed-flag').count()).toBe(1);
		await other.context().close();
	});
});

describe('the alignment editor in the dark theme', () => {
	it('passes axe with the toolbar and the sentence box open', async () => {
		const dark = await browser.newContext({
			locale: 'es-ES',
			viewport: { width: 1280, height: 900 }
		});
		await dark.addCookies([{ name: 'puente-theme', value: 'dark', url: baseURL() }]);
		const p = await dark.newPage();
		await openText(p);
		const toggle = p.getByRole('button', { name: 'Corregir la alineación' });
		const region = p.getByRole('region', { name: 'Correcciones de la alineación' });
		for (let attempt = 0; attempt < 40 && !(await region.count()); attempt++) {
			if ((await toggle.getAttribute('aria-pressed')) !== 'true') await toggle.click();
			await p.waitForTimeout(250);
		}
		await p.locator('.parallel .row').first().focus();
		await p.keyboard.press('e');
		await expect.poll(() => p.locator('#edit-sentence-text').count()).toBe(1);
		await screenshot(p, 'editor-dark-es');
		expect(await seriousAxeViolations(p)).toEqual([]);
		await dark.close();
	});
});
