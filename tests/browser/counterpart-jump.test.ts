// The original view of a long text whose English section at the top has its Spanish original at
// the bottom (as La Mosca's OAS section, hundreds of rows apart): the windowed list has not
// rendered one side while the reader is at the other, and the counterpart button's arrow still
// points the right way (it pointed down to a counterpart above); the button takes the reader there.
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { openDb } from '$lib/server/db';
import { insertDocument } from '$lib/server/documents';
import { baseURL, launchChromium, screenshot } from './chromium';

const ENGLISH = [
	'The Organization of American States sent a mission to Lima in January.',
	'Its observers met the families of the people killed in the protests.',
	'They asked the government to open an independent investigation.'
].join(' ');
const SPANISH = [
	'La Organización de los Estados Americanos envió una misión a Lima en enero.',
	'Sus observadores se reunieron con las familias de las personas muertas en las protestas.',
	'Pidieron al gobierno que abriera una investigación independiente.'
].join(' ');
// Between them, hundreds of paragraphs of figures in no language: far more rows than the page
// renders whole, and nothing an aligner could pair.
const FIGURES = Array.from({ length: 400 }, (_, i) => `${i + 1}. ${(i * 7) % 100} / ${i * 13}`);
const SLUG = 'a-mission-and-its-figures';

let browser: Browser;

beforeAll(async () => {
	const db = openDb(inject('dbPath'));
	insertDocument(db, {
		slug: SLUG,
		title: 'A mission and its figures',
		origin: 'user',
		text: [ENGLISH, ...FIGURES, SPANISH].join('\n\n')
	});
	db.close();
	const deadline = Date.now() + 110_000;
	for (;;) {
		const status = await (await fetch(`${baseURL()}/doc/${SLUG}/status`)).json();
		if (status.state === 'ready') break;
		if (status.state === 'failed' || Date.now() > deadline)
			throw new Error(`the text was not analysed: ${JSON.stringify(status)}`);
		await new Promise((r) => setTimeout(r, 500));
	}
	browser = await launchChromium();
});

/** A page of its own for each test: the reader keeps the place a visit left off at. */
async function freshPage(): Promise<Page> {
	const context = await browser.newContext({
		locale: 'en-US',
		viewport: { width: 1280, height: 900 }
	});
	return context.newPage();
}

afterAll(async () => {
	await browser?.close();
});

/** A sentence of the text in the original view, by its text. */
const sentence = (p: Page, text: RegExp) => p.locator('.original .sentence', { hasText: text });
const button = (p: Page) => p.locator('button.counterpart');

describe('the counterpart button in a long text', () => {
	it('points up to a counterpart above that is not rendered, and goes there', async () => {
		const page = await freshPage();
		await page.goto(`${baseURL()}/doc/${SLUG}?view=original`);
		const spanish = sentence(page, /^Sus observadores/);
		// To the end of the text, until its Spanish section is rendered (the rest arrives after load).
		await expect
			.poll(
				async () => {
					await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
					return spanish.count();
				},
				{ timeout: 20_000 }
			)
			.toBe(1);
		await spanish.scrollIntoViewIfNeeded();
		await spanish.focus();
		const english = sentence(page, /^Its observers/);
		// The English is far above, not in the DOM at all.
		expect(await english.count()).toBe(0);
		await expect.poll(() => button(page).count()).toBe(1);
		expect(await button(page).textContent()).toMatch(/↑\s*Go to the English/);
		await screenshot(page, 'counterpart-jump-up');

		await button(page).click();
		await expect.poll(() => english.count()).toBe(1);
		await expect
			.poll(() => page.evaluate(() => document.activeElement?.textContent ?? ''))
			.toMatch(/^Its observers/);
		const box = (await english.boundingBox())!;
		expect(box.y).toBeGreaterThanOrEqual(0);
		expect(box.y).toBeLessThan(900);
		await page.context().close();
	});

	it('points down to a counterpart below that is not rendered', async () => {
		const page = await freshPage();
		await page.goto(`${baseURL()}/doc/${SLUG}?view=original`);
		// The whole text is here (the page is tall) but its end is not rendered.
		await expect
			.poll(() => page.evaluate(() => document.documentElement.scrollHeight), { timeout: 20_000 })
			.toBeGreaterThan(5000);
		await sentence(page, /^They asked the government/).focus();
		expect(await sentence(page, /^Pidieron al gobierno/).count()).toBe(0);
		await expect.poll(() => button(page).count()).toBe(1);
		expect(await button(page).textContent()).toMatch(/↓\s*Go to the Spanish/);
		await page.context().close();
	});
});
