// Finding one's way in a long or mixed text: the table of contents jumps to a passage, the
// position follows j/k (and is announced only then), search marks the words it finds and steps
// through them, the original view offers a way to the lit sentence's far counterpart, and a
// phone's first screen shows text. On La Mosca and on a long text and translation added at /add.
import { describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { foldForSearch } from '../../src/lib/core/text/fold';
import { baseURL, screenshot, seriousAxeViolations } from './chromium';
import { useDesktopPage } from './desktop-page';

const MOSCA = '/doc/brutal-repression-la-mosca';

// A long text and its translation: sections with a short heading line and four sentences drawn
// (with a fixed seed) from phrases and their translations. One word, "lighthouse" / "faro",
// appears only in the last section. (A few sentences may read as a repeated passage; a heading
// never does, its words being unlike any other's, so every heading is searchable text.)
const SUBJECTS: [string, string, boolean][] = [
	['The fishermen', 'Los pescadores', true],
	['The teachers', 'Los maestros', true],
	['My grandmother', 'Mi abuela', false],
	['The miners', 'Los mineros', true],
	['The mayor', 'El alcalde', false],
	['A young nurse', 'Una enfermera joven', false],
	['Our neighbours', 'Nuestros vecinos', true],
	['The bus driver', 'El chofer del bus', false],
	['The weavers', 'Las tejedoras', true],
	['A journalist', 'Un periodista', false]
];
const ACTIONS: [string, string, string][] = [
	['repaired the old nets', 'reparó las redes viejas', 'repararon las redes viejas'],
	[
		'painted the school walls',
		'pintó las paredes de la escuela',
		'pintaron las paredes de la escuela'
	],
	['sold bread at the station', 'vendió pan en la estación', 'vendieron pan en la estación'],
	['crossed the river', 'cruzó el río', 'cruzaron el río'],
	[
		'wrote a letter to the governor',
		'escribió una carta al gobernador',
		'escribieron una carta al gobernador'
	],
	['planted potatoes on the hillside', 'sembró papas en la ladera', 'sembraron papas en la ladera'],
	['waited for the train', 'esperó el tren', 'esperaron el tren'],
	['sang in the main square', 'cantó en la plaza principal', 'cantaron en la plaza principal'],
	['counted the sheep twice', 'contó las ovejas dos veces', 'contaron las ovejas dos veces'],
	[
		'cleaned the church steps',
		'limpió las gradas de la iglesia',
		'limpiaron las gradas de la iglesia'
	],
	['carried water from the well', 'llevó agua del pozo', 'llevaron agua del pozo'],
	['fixed the broken radio', 'arregló la radio rota', 'arreglaron la radio rota']
];
const TIMES: [string, string][] = [
	['on Monday', 'el lunes'],
	['after the storm', 'después de la tormenta'],
	['in the dry season', 'en la temporada seca'],
	['every morning', 'cada mañana'],
	['last winter', 'el invierno pasado'],
	['during the festival', 'durante la fiesta'],
	['before the elections', 'antes de las elecciones'],
	['at night', 'de noche']
];
const SECTIONS = 60;

function longTexts(): { en: string; es: string } {
	let seed = 11;
	const pick = <T>(list: T[]) => list[(seed = (seed * 16807) % 2147483647) % list.length];
	const en: string[] = [];
	const es: string[] = [];
	for (let i = 0; i < SECTIONS; i++) {
		en.push(`Chapter ${i + 1}`);
		es.push(`Capítulo ${i + 1}`);
		const pairs = Array.from({ length: 4 }, () => {
			const [subject, sujeto, plural] = pick(SUBJECTS);
			const [action, singular, plurals] = pick(ACTIONS);
			const [time, cuando] = pick(TIMES);
			const hours = 2 + (seed % 9);
			return [
				`${subject} ${action} ${time}, for ${hours} hours.`,
				`${sujeto} ${plural ? plurals : singular} ${cuando}, durante ${hours} horas.`
			];
		});
		if (i === SECTIONS - 1)
			pairs[2] = [
				'The keeper climbed the old lighthouse above the harbour.',
				'El guardián subió al viejo faro sobre el puerto.'
			];
		en.push(pairs.map((p) => p[0]).join(' '));
		es.push(pairs.map((p) => p[1]).join(' '));
	}
	return { en: en.join('\n\n'), es: es.join('\n\n') };
}
const LONG = longTexts();

let browser: Browser;
let page: Page;
let longSlug = '';

useDesktopPage((opened) => ({ browser, page } = opened));

const positionText = (p: Page) => p.locator('.position .text').textContent();
const announced = (p: Page) => p.locator('.position [role="status"]').textContent();
/** The first number in a text, written with thousands separators or not. */
const sentenceNumber = (text: string | null) =>
	Number(/(\d[\d,.]*)/.exec(text ?? '')![1].replace(/[,.]/g, ''));
const activeRow = (p: Page) =>
	p.evaluate(() => document.activeElement?.closest<HTMLElement>('[data-row]')?.dataset.row);
/** Whether the element's box is (at least partly) inside the window. */
const onScreen = (p: Page, selector: string) =>
	p
		.locator(selector)
		.first()
		.evaluate((el) => {
			const r = el.getBoundingClientRect();
			return r.bottom > 0 && r.top < window.innerHeight;
		});

describe('a long text and its translation', () => {
	it('is added as a pair at /add and opens side by side', async () => {
		await page.goto(baseURL() + '/add');
		await page.getByLabel('Title').first().fill('Sixty market days');
		await page.getByText('A text and its translation').first().click();
		await page.getByLabel('English text').fill(LONG.en);
		await page.getByLabel('Spanish text').fill(LONG.es);
		await page.getByRole('button', { name: 'Add', exact: true }).first().click();
		await page.waitForURL(/\/doc\/sixty-market-days/, { timeout: 30_000 });
		longSlug = new URL(page.url()).pathname.split('/').pop()!;
		// The text shows at once and its analysis fills in: wait for the pairs.
		await expect
			.poll(() => page.locator('.row.kind-pair').count(), { timeout: 45_000 })
			.toBeGreaterThan(200);
	});

	it('lists its headings in the contents and jumps to one far down, by keyboard', async () => {
		await page.goto(`${baseURL()}/doc/${longSlug}?view=parallel`);
		const contents = page.locator('details.contents');
		await contents.locator('summary').focus();
		await page.keyboard.press('Enter');
		await expect.poll(() => contents.getAttribute('open')).not.toBeNull();
		const links = contents.locator('nav a');
		expect(await links.count()).toBeGreaterThanOrEqual(SECTIONS);
		const target = contents.locator('nav a', { hasText: /Chapter 55\b/ });
		await target.focus();
		await page.keyboard.press('Enter');
		// The row of that heading is in view, focused and lit; the position moved with it.
		const row = page.locator('.row', { hasText: /Chapter 55\b/ });
		await expect.poll(() => row.getAttribute('class')).toContain('lit');
		expect(await activeRow(page)).toBe(await row.getAttribute('data-row'));
		const box = await row.boundingBox();
		expect(box && box.y >= 0 && box.y < 900).toBe(true);
		const heading = await target.locator('.range').textContent();
		await expect
			.poll(async () => sentenceNumber(await positionText(page)))
			.toBe(sentenceNumber(heading));
		await screenshot(page, 'reader-navigation-contents-jump');
	});

	it('searches the whole text, marks the words and steps through them', async () => {
		await page.goto(`${baseURL()}/doc/${longSlug}?view=parallel`);
		const search = page.getByRole('searchbox', { name: 'Search this text' });
		await search.fill('FARO');
		await expect.poll(() => page.locator('mark.found').count()).toBe(1);
		expect(await page.locator('mark.found').textContent()).toBe('faro');
		await expect.poll(() => onScreen(page, 'mark.found.current')).toBe(true);
		expect(await page.locator('#reader-search-count').textContent()).toContain('1 of 1');
		// Accents and case aside, every occurrence in either column, counted one by one.
		await search.fill('capitulo 5');
		const expected = (LONG.es.match(/Capítulo 5\d?\b/g) ?? []).length;
		await expect.poll(() => page.locator('mark.found').count()).toBe(expected);
		expect(await page.locator('#reader-search-count').textContent()).toContain(`1 of ${expected}`);
		for (const text of await page.locator('mark.found').allTextContents())
			expect(foldForSearch(text)).toBe('capitulo 5');
		await search.press('Enter');
		await search.press('Enter');
		expect(await page.locator('#reader-search-count').textContent()).toContain(`3 of ${expected}`);
		expect(await page.locator('mark.found.current').getAttribute('data-match')).toBe('2');
		await search.press('Shift+Enter');
		expect(await page.locator('#reader-search-count').textContent()).toContain(`2 of ${expected}`);
		await expect.poll(() => onScreen(page, 'mark.found.current')).toBe(true);
		// Focus stays in the box while stepping.
		expect(await page.evaluate(() => document.activeElement?.id)).toBe('reader-search');
		await screenshot(page, 'reader-navigation-search');
		expect(await seriousAxeViolations(page)).toEqual([]);
		await search.fill('');
		await expect.poll(() => page.locator('mark.found').count()).toBe(0);
	});
});

describe('La Mosca', () => {
	it('shows its passages in the contents and jumps to the repeated one', async () => {
		await page.goto(`${baseURL()}${MOSCA}?view=parallel`);
		const contents = page.locator('details.contents');
		await contents.locator('summary').click();
		const entries = await contents.locator('nav > ol > li > a').allTextContents();
		expect(entries.some((e) => /English, with its Spanish translation/.test(e))).toBe(true);
		expect(entries.some((e) => /beside its Spanish in this text/.test(e))).toBe(true);
		const repeat = contents.locator('nav a', { hasText: 'Repeat of sentence' }).first();
		// "Repeat of sentences 38–54" or "Repeat of sentence 2": the row says the same numbers.
		const repeated = /Repeat of sentences? ([\d–]+)/.exec((await repeat.textContent())!)![1];
		await repeat.click();
		await expect.poll(() => onScreen(page, '.row.kind-repeat.lit')).toBe(true);
		expect(await page.locator('.row.lit').count()).toBe(1);
		// The row landed on is the repeat the entry names.
		expect(await page.locator('.row.lit').textContent()).toMatch(
			new RegExp(`repeats sentences? ${repeated}\\b`)
		);
		await screenshot(page, 'reader-navigation-la-mosca-contents');
		expect(await seriousAxeViolations(page)).toEqual([]);
	});

	it('jumps, in the original view, to where the Spanish original stands in the text', async () => {
		await page.goto(`${baseURL()}${MOSCA}?view=original`);
		const contents = page.locator('details.contents');
		await contents.locator('summary').click();
		const entry = contents.locator('nav a', { hasText: 'read beside its English' }).first();
		const first = sentenceNumber(await entry.locator('.range').textContent());
		await entry.click();
		// Focus on that sentence of the text (ids count from 0), in Spanish, on screen.
		await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe(`s-${first - 1}`);
		expect(await page.evaluate(() => (document.activeElement as HTMLElement).dataset.lang)).toBe(
			'es'
		);
		expect(await onScreen(page, `#s-${first - 1}`)).toBe(true);
		await expect.poll(async () => sentenceNumber(await positionText(page))).toBe(first);
	});

	it('moves the position with j and k and announces only those steps', async () => {
		await page.goto(`${baseURL()}${MOSCA}?view=parallel`);
		await page.locator('.row').first().focus();
		await page.keyboard.press('j');
		await expect.poll(() => announced(page)).toMatch(/Sentence \d/);
		const start = sentenceNumber(await positionText(page));
		await page.keyboard.press('j');
		await page.keyboard.press('j');
		await expect.poll(async () => sentenceNumber(await positionText(page))).toBeGreaterThan(start);
		const stepped = await positionText(page);
		expect(await announced(page)).toBe(stepped);
		await page.keyboard.press('k');
		await expect.poll(() => positionText(page)).not.toBe(stepped);
		expect(await announced(page)).toBe(await positionText(page));
		// Scrolling moves the position but says nothing.
		const said = await announced(page);
		await page.mouse.wheel(0, 3000);
		await expect
			.poll(async () => sentenceNumber(await positionText(page)))
			.toBeGreaterThan(sentenceNumber(said));
		expect(await announced(page)).toBe(said);
	});

	it('moves the position with j in the one-language view too', async () => {
		await page.goto(`${baseURL()}${MOSCA}?view=single&lang=en`);
		await page.locator('.single .text').first().focus();
		for (let i = 0; i < 4; i++) await page.keyboard.press('j');
		await expect.poll(async () => sentenceNumber(await announced(page))).toBeGreaterThan(1);
		expect(await announced(page)).toBe(await positionText(page));
	});

	it('marks search matches in the original view too', async () => {
		await page.goto(`${baseURL()}${MOSCA}?view=original`);
		await page.getByRole('searchbox', { name: 'Search this text' }).fill('peru');
		await expect.poll(() => page.locator('.original mark.found').count()).toBeGreaterThan(3);
		const texts = await page.locator('.original mark.found').allTextContents();
		expect(texts.map(foldForSearch).every((t) => t === 'peru')).toBe(true);
		// "Perú" is found with its accent.
		expect(texts).toContain('Perú');
	});

	it('offers, in the original view, a jump to the lit sentence’s counterpart far down', async () => {
		await page.goto(`${baseURL()}${MOSCA}?view=original`);
		const english = page
			.locator('.sentence[data-lang="en"]', {
				hasText: 'It is shameful that the “concern” of the OAS'
			})
			.first();
		await english.scrollIntoViewIfNeeded();
		await english.focus();
		const key = await english.getAttribute('data-row');
		const jump = page.getByRole('button', { name: 'Go to the Spanish' });
		await expect.poll(() => jump.isVisible()).toBe(true);
		expect(await jump.textContent()).toContain('↓');
		await screenshot(page, 'reader-navigation-counterpart-button');
		expect(await seriousAxeViolations(page)).toEqual([]);
		await jump.click();
		// Focus on the Spanish side of the same pair, on screen; the button now leads back.
		await expect
			.poll(() =>
				page.evaluate(() => {
					const el = document.activeElement as HTMLElement | null;
					return el?.classList.contains('sentence') ? `${el.dataset.lang} ${el.dataset.row}` : '';
				})
			)
			.toBe(`es ${key}`);
		expect(
			await page.evaluate(() => {
				const r = document.activeElement!.getBoundingClientRect();
				return r.top >= 0 && r.bottom <= window.innerHeight;
			})
		).toBe(true);
		const back = page.getByRole('button', { name: 'Go to the English' });
		await expect.poll(() => back.isVisible()).toBe(true);
		expect(await back.textContent()).toContain('↑');
		// By keyboard: g goes back.
		await page.keyboard.press('g');
		await expect
			.poll(() => page.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset.lang))
			.toBe('en');
		expect(await activeRow(page)).toBe(key);
		await screenshot(page, 'reader-navigation-counterpart-back');
	});

	for (const theme of ['light', 'dark'] as const)
		it(`shows text on a phone’s first screen (${theme})`, async () => {
			const ctx = await browser.newContext({
				viewport: { width: 375, height: 667 },
				isMobile: true,
				hasTouch: true
			});
			await ctx.addCookies([{ name: 'puente-theme', value: theme, url: baseURL() }]);
			const p = await ctx.newPage();
			for (const view of ['parallel', 'original', 'single']) {
				await p.goto(`${baseURL()}${MOSCA}?view=${view}`);
				const first = p.locator('.view [data-at]').first();
				const box = await first.boundingBox();
				// Some text shows above the position bar at the bottom of the screen.
				expect(box && box.y < 667 - 60, view).toBe(true);
				await screenshot(p, `reader-navigation-phone-${view}-${theme}`);
			}
			// The tools after the views open from "More", keyboard included.
			const more = p.getByRole('button', { name: 'More' });
			expect(await p.locator('#reader-search').isVisible()).toBe(false);
			await more.focus();
			await p.keyboard.press('Enter');
			expect(await more.getAttribute('aria-expanded')).toBe('true');
			expect(await p.locator('#reader-search').isVisible()).toBe(true);
			await screenshot(p, `reader-navigation-phone-more-${theme}`);
			expect(await seriousAxeViolations(p)).toEqual([]);
			// Escape folds them away again, focus back on "More".
			await p.locator('#reader-search').focus();
			await p.keyboard.press('Escape');
			expect(await more.getAttribute('aria-expanded')).toBe('false');
			expect(await p.evaluate(() => document.activeElement?.textContent?.trim())).toBe('More');
			await ctx.close();
		});
});
