// A book in the reader: a generated text and its translation of several thousand sentences,
// added through the store, is read through a windowed list. The DOM holds a bounded number of
// rows wherever one scrolls, and what reached rows through the DOM before (find, a deep link to a
// sentence, j/k) reaches rows that are not rendered.
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { openDb } from '$lib/server/db';
import { insertDocument } from '$lib/server/documents';
import { baseURL, launchChromium, seriousAxeViolations } from './chromium';

const PAIRS = 3000;
/** The one sentence with this word: near the end. */
const RARE_AT = PAIRS - 7;
const LATE = PAIRS - 40;
/** Far more than a screen and its margins, far fewer than the book. */
const BOUND = 250;

const SUBJECTS = [
	['The fishermen', 'Los pescadores'],
	['The teachers', 'Los maestros'],
	['The miners', 'Los mineros'],
	['Our neighbours', 'Nuestros vecinos'],
	['The weavers', 'Las tejedoras']
];
const ACTIONS = [
	['repaired the old nets', 'repararon las redes viejas'],
	['crossed the river', 'cruzaron el río'],
	['waited for the train', 'esperaron el tren'],
	['sang in the main square', 'cantaron en la plaza principal'],
	['carried water from the well', 'llevaron agua del pozo'],
	['planted potatoes on the hillside', 'sembraron papas en la ladera'],
	['counted the sheep twice', 'contaron las ovejas dos veces']
];
/** Sentence i in one language: numbered, so each is distinct; one paragraph each. */
function sentence(i: number, lang: 0 | 1): string {
	const subject = SUBJECTS[i % SUBJECTS.length][lang];
	const action = ACTIONS[Math.floor(i / SUBJECTS.length) % ACTIONS.length][lang];
	const extra = i === RARE_AT ? (lang === 0 ? ' beside an albatross' : ' junto a un albatros') : '';
	return `${subject} ${action}${extra} (${lang === 0 ? 'day' : 'día'} ${i + 1}).`;
}
/** A heading line before every CHAPTER-th sentence, for the table of contents. */
const CHAPTER = 600;
const heading = (n: number, lang: 0 | 1) => `${lang === 0 ? 'Chapter' : 'Capítulo'} ${n}`;
const textOf = (lang: 0 | 1) =>
	Array.from({ length: PAIRS }, (_, i) =>
		i > 0 && i % CHAPTER === 0
			? `${heading(i / CHAPTER, lang)}\n\n${sentence(i, lang)}`
			: sentence(i, lang)
	).join('\n\n');
/** Where sentence i stands among the English document's sentences, headings included. */
const sentenceIndex = (i: number) => i + Math.floor(i / CHAPTER);
const LAST_CHAPTER = Math.floor((PAIRS - 1) / CHAPTER);

const SLUG = 'a-book-of-market-days';
/** Polls wait this long: the machines that run these are often busy. */
const WAIT = { timeout: 10_000 };
let browser: Browser;
let page: Page;

beforeAll(async () => {
	const db = openDb(inject('dbPath'));
	const id = insertDocument(db, {
		slug: SLUG,
		title: 'A book of market days',
		origin: 'user',
		text: textOf(0)
	});
	insertDocument(db, {
		slug: `${SLUG}-es`,
		title: 'Un libro de días de mercado',
		origin: 'user',
		translationOf: id,
		text: textOf(1)
	});
	db.close();
	// Its analysis runs in the server's workers once something asks for it.
	const deadline = Date.now() + 110_000;
	for (;;) {
		const status = await (await fetch(`${baseURL()}/doc/${SLUG}/status`)).json();
		if (status.state === 'ready') break;
		if (status.state === 'failed' || Date.now() > deadline)
			throw new Error(`the book was not analysed: ${JSON.stringify(status)}`);
		await new Promise((r) => setTimeout(r, 500));
	}
	browser = await launchChromium();
	const context = await browser.newContext({
		locale: 'en-US',
		viewport: { width: 1280, height: 900 }
	});
	page = await context.newPage();
});

afterAll(async () => {
	await browser?.close();
});

const rowCount = (p: Page) => p.locator('.row').count();
/** Waits until the whole book's data has arrived: the page is as tall as thousands of rows. */
async function openBook(p: Page, path = `/doc/${SLUG}?view=parallel`) {
	// A fresh load each time, even when only the #fragment differs.
	await p.goto('about:blank');
	await p.goto(baseURL() + path);
	await expect
		.poll(() => p.evaluate(() => document.documentElement.scrollHeight), { timeout: 20_000 })
		.toBeGreaterThan(PAIRS * 30);
}
/** Whether the first element the selector finds is (partly) in the window; false while there is none. */
const onScreen = (p: Page, selector: string) =>
	p.evaluate((sel) => {
		const r = document.querySelector(sel)?.getBoundingClientRect();
		return !!r && r.bottom > 0 && r.top < window.innerHeight;
	}, selector);
/** How many rows the view has in all, as its rows say. */
const setSize = (p: Page) => p.locator('.row').first().getAttribute('aria-setsize').then(Number);
const activePosition = (p: Page) =>
	p.evaluate(() => Number(document.activeElement?.closest('.row')?.getAttribute('aria-posinset')));

describe('a book of several thousand pairs', () => {
	it('serves its first rows in the HTML and the rest as reader.json', async () => {
		const html = await (await fetch(`${baseURL()}/doc/${SLUG}?view=parallel`)).text();
		expect(html).toContain(sentence(0, 0));
		expect(html).not.toContain(sentence(PAIRS - 1, 0));
		const json = await (await fetch(`${baseURL()}/doc/${SLUG}/reader.json`)).text();
		expect(json).toContain(sentence(PAIRS - 1, 0));
	});

	it('keeps the rows in the DOM bounded from the top to the bottom, each saying its place', async () => {
		await openBook(page);
		const counts: number[] = [];
		for (let k = 0; k <= 10; k++) {
			await page.evaluate(
				(share) => window.scrollTo(0, share * document.documentElement.scrollHeight),
				k / 10
			);
			await page.waitForTimeout(100);
			counts.push(await rowCount(page));
		}
		expect(Math.min(...counts)).toBeGreaterThan(0);
		expect(Math.max(...counts)).toBeLessThan(BOUND);
		// At the bottom, the last pair is there and says it is the last of all.
		const last = page.locator('.row').filter({ hasText: sentence(PAIRS - 1, 0) });
		await expect.poll(() => last.count(), WAIT).toBe(1);
		const total = await setSize(page);
		expect(total).toBeGreaterThanOrEqual(PAIRS);
		expect(await last.getAttribute('aria-posinset')).toBe(String(total));
	});

	it('finds a word near the end, in the data, and brings its row on screen', async () => {
		await openBook(page);
		await page.keyboard.press('/');
		await page.keyboard.type('albatross');
		await expect.poll(() => page.locator('mark.found').count(), WAIT).toBe(1);
		await expect.poll(() => onScreen(page, 'mark.found'), WAIT).toBe(true);
		const row = page.locator('.row', { has: page.locator('mark.found') });
		expect(await row.textContent()).toContain(sentence(RARE_AT, 0));
		expect(await rowCount(page)).toBeLessThan(BOUND);
	});

	/** The book's second part of reader data (the tests hold it back or fail it). */
	const isPart1 = (url: URL) =>
		url.pathname.endsWith('/reader.json') && url.searchParams.get('part') === '1';

	/**
	 * Loads the book anew (its parts fetched again) and types a search once the page has
	 * hydrated, which is when / goes to the search box. "fishermen": every fifth English
	 * sentence, 600 in the book.
	 */
	async function searchFreshBook(query: string): Promise<void> {
		await page.goto('about:blank');
		await page.goto(`${baseURL()}/doc/${SLUG}?view=parallel`);
		await expect
			.poll(async () => {
				await page.keyboard.press('/');
				return page.evaluate(() => document.activeElement?.id);
			}, WAIT)
			.toBe('reader-search');
		await page.keyboard.type(query);
	}

	/** The number of matches the search's live count gives ("1 of N …"). */
	const matchesCounted = async () =>
		Number(
			/^\s*1 of (\d+)/.exec((await page.locator('#reader-search-count').textContent()) ?? '')?.[1]
		);

	it('searches the parts that have arrived, says so, and completes the count with the rest', async () => {
		// The book's second part is held back until the search has gone through the first.
		let release = () => {};
		const held = new Promise<void>((done) => (release = done));
		await page.route(isPart1, async (route) => {
			await held;
			// The page may have gone meanwhile (a failed run).
			await route.continue().catch(() => {});
		});
		try {
			await searchFreshBook('fishermen');
			const count = page.locator('#reader-search-count');
			await expect.poll(() => count.textContent(), WAIT).toMatch(/searching… \(1 of 2 parts\)/);
			const found = await matchesCounted();
			expect(found).toBeGreaterThan(await page.locator('.row').count());
			expect(found).toBeLessThan(PAIRS / 5);
			release();
			await expect.poll(() => count.textContent(), WAIT).toMatch(/^\s*1 of 600\s*$/);
		} finally {
			release();
			await page.unroute(isPart1);
		}
	});

	it('says what a search covered when the rest of the book cannot be loaded', async () => {
		await page.route(isPart1, (route) => route.fulfill({ status: 503, body: 'busy' }));
		try {
			await searchFreshBook('fishermen');
			const count = page.locator('#reader-search-count');
			await expect
				.poll(() => count.textContent(), WAIT)
				.toMatch(/searched 1 of 2 parts: the rest could not be loaded/);
			// The first part's matches are still found and shown.
			expect(await matchesCounted()).toBeGreaterThan(0);
		} finally {
			await page.unroute(isPart1);
		}
	});

	it('follows a link to a late sentence: its row on screen, lit with its counterpart', async () => {
		await openBook(page, `/doc/${SLUG}?view=parallel#s-${sentenceIndex(LATE)}`);
		const lit = page.locator('.row.lit');
		await expect.poll(() => lit.count(), { timeout: 20_000 }).toBe(1);
		await expect.poll(() => onScreen(page, '.row.lit'), WAIT).toBe(true);
		expect(await lit.locator('.cell-en').textContent()).toContain(sentence(LATE, 0));
		expect(await lit.locator('.cell-es').textContent()).toContain(sentence(LATE, 1));
	});

	it('steps with j and the arrows past the rows first rendered, and back with k', async () => {
		await openBook(page);
		await page.locator('.row').first().focus();
		const first = await rowCount(page);
		const steps = first + 20;
		// One step at a time: an arrow steps only while the focus is on a row (elsewhere it scrolls).
		for (let i = 0; i < steps; i++) {
			await page.keyboard.press(i % 2 ? 'j' : 'ArrowDown');
			await expect.poll(() => activePosition(page), WAIT).toBe(i + 2);
		}
		await expect.poll(() => onScreen(page, '.row:focus'), WAIT).toBe(true);
		for (let i = 0; i < 5; i++) await page.keyboard.press('k');
		await expect.poll(() => activePosition(page), WAIT).toBe(steps - 4);
		expect(await rowCount(page)).toBeLessThan(BOUND);
	});

	it('jumps from the contents to the last chapter, by keyboard', async () => {
		await openBook(page);
		const contents = page.locator('details.contents');
		await contents.locator('summary').focus();
		await page.keyboard.press('Enter');
		const target = contents.locator('nav a', { hasText: heading(LAST_CHAPTER, 0) });
		await target.focus();
		await page.keyboard.press('Enter');
		const row = page.locator('.row', { hasText: heading(LAST_CHAPTER, 0) });
		await expect.poll(() => row.getAttribute('class'), WAIT).toContain('lit');
		await expect.poll(() => onScreen(page, '.row.lit'), WAIT).toBe(true);
		await expect
			.poll(() => page.evaluate(() => document.activeElement?.closest('.row')?.textContent), WAIT)
			.toContain(heading(LAST_CHAPTER, 0));
	});

	it('keeps the other views bounded too', async () => {
		await openBook(page, `/doc/${SLUG}?view=single`);
		expect(await page.locator('.single .item').count()).toBeLessThan(BOUND);
		await openBook(page, `/doc/${SLUG}?view=original`);
		expect(await page.locator('.original p').count()).toBeLessThan(BOUND);
		await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
		await expect
			.poll(() => page.locator('.original').textContent(), WAIT)
			.toContain(sentence(PAIRS - 1, 0));
	});

	it('has no serious accessibility problems in its windowed views', async () => {
		for (const view of ['parallel', 'single', 'original']) {
			await openBook(page, `/doc/${SLUG}?view=${view}`);
			expect(await seriousAxeViolations(page)).toEqual([]);
		}
	});

	it('renders every pair for printing, and windows them again after', async () => {
		await openBook(page);
		await page.emulateMedia({ media: 'print' });
		await page.evaluate(() => window.dispatchEvent(new Event('beforeprint')));
		expect(await rowCount(page)).toBe(await setSize(page));
		await page.evaluate(() => window.dispatchEvent(new Event('afterprint')));
		await page.emulateMedia({ media: 'screen' });
		await expect.poll(() => rowCount(page), WAIT).toBeLessThan(BOUND);
	});
});
