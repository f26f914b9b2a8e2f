// Practice that is fair: a dictionary synonym or another form of the word counts as "also right",
// both directions, hints one at a time by keyboard, Space and Alt+L to listen, axe in both themes.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { baseURL, launchChromium, screenshot, seriousAxeViolations } from './chromium';

const TEXT = 'toma-de-lima-uprising';
// What a person waits for: a check or the hints are a round trip to the server.
const WAIT = { timeout: 15_000 };
// The article's first paragraph opens with this sentence, in English and in its translation.
const SPANISH_SOURCE = 'La histórica confrontación de clases';

let browser: Browser;
let context: BrowserContext;
let page: Page;

/**
 * A speech engine with one Spanish and one English voice that records what it is asked to say,
 * installed before the page's scripts run (as a string: the browser gets it as written).
 */
const FAKE_SPEECH = `
	window.__spoken = [];
	const voices = [
		{ lang: 'es-ES', name: 'Test ES', default: true, localService: true, voiceURI: 'es' },
		{ lang: 'en-GB', name: 'Test EN', default: false, localService: true, voiceURI: 'en' }
	];
	const synth = {
		getVoices: () => voices,
		speak: (u) => {
			window.__spoken.push({ text: u.text, lang: u.lang });
			setTimeout(() => u.onend && u.onend(), 10);
		},
		cancel() {},
		addEventListener() {},
		removeEventListener() {}
	};
	Object.defineProperty(window, 'speechSynthesis', { value: synth, configurable: true });
	Object.defineProperty(window, 'SpeechSynthesisUtterance', {
		value: class { constructor(text) { this.text = text; } },
		configurable: true
	});
`;

const spoken = (p: Page) =>
	p.evaluate(() => (window as unknown as { __spoken: { text: string; lang: string }[] }).__spoken);

/**
 * Opens the pair whose source starts the article (the aligner places it among the first few), in
 * a context with the test voices.
 */
async function openFirstParagraph(p: Page, from: 'es' | 'en') {
	const wanted = from === 'es' ? SPANISH_SOURCE : 'The historic class confrontation';
	for (let n = 1; n <= 10; n++) {
		await p.goto(`${baseURL()}/doc/${TEXT}/practice?from=${from}&n=${n}`);
		if ((await p.locator('blockquote.source').textContent())?.includes(wanted)) {
			// The listen button comes with the test voices once the page has hydrated: keys work then.
			await p.locator('button.listen').first().waitFor();
			return;
		}
	}
	throw new Error(`no pair starts with “${wanted}”`);
}

beforeAll(async () => {
	browser = await launchChromium();
	context = await browser.newContext({ locale: 'en-US', viewport: { width: 1280, height: 900 } });
	await context.addInitScript(FAKE_SPEECH);
	page = await context.newPage();
});

afterAll(async () => {
	await browser?.close();
});

describe('practice that is fair', () => {
	it('counts a dictionary synonym right and shows it apart as also right', async () => {
		await openFirstParagraph(page, 'es');
		await page
			.locator('#attempt')
			.fill('The historical class confrontation sweeping Peru has entered its 7th week.');
		await page.keyboard.press('Control+Enter');
		await expect.poll(() => page.locator('.diff').count(), WAIT).toBe(1);
		expect(await page.locator('.diff mark.also').textContent()).toContain('historical');
		expect(await page.locator('.diff ins, .diff del').count()).toBe(0);
		expect(await page.locator('.score').textContent()).toContain('(100%)');
		expect(await page.locator('.score').textContent()).toContain('1 also right');
		expect(await page.locator('ul.also-right').textContent()).toMatch(
			/“historical” for “historic”: both translate “histórico”/
		);
		expect(await page.locator('.how').textContent()).toContain('also right');
		await screenshot(page, 'practice-also-right-light-en');
	});

	it('practises the other way: Spanish for an English sentence, accents not required', async () => {
		await page.getByLabel('English → Spanish').check();
		await expect.poll(() => new URL(page.url()).searchParams.get('from'), WAIT).toBe('en');
		expect(await page.locator('blockquote.source').getAttribute('lang')).toBe('en');
		expect(await page.locator('blockquote.source').textContent()).toContain(
			'The historic class confrontation'
		);
		expect(await page.locator('#attempt').getAttribute('lang')).toBe('es');
		await page
			.locator('#attempt')
			.fill('La historica confrontacion de clases que sacude al Peru entro en su septima semana');
		await page.keyboard.press('Control+Enter');
		await expect.poll(() => page.locator('.diff').count(), WAIT).toBe(1);
		expect(await page.locator('.diff').getAttribute('lang')).toBe('es');
		// "historica" is "histórica" (accents folded); "entró" is a form of "entrado"'s verb.
		const matched = await page.locator('.diff .match').allTextContents();
		expect(matched).toEqual(expect.arrayContaining(['historica', 'confrontacion', 'Peru']));
		expect(await page.locator('.diff mark.also').allTextContents()).toEqual(
			expect.arrayContaining([expect.stringMatching(/: entro$/)])
		);
		expect(await page.locator('ul.also-right').textContent()).toContain('forms of “entrar”');
		// Still marked: "ha" is missing, and "septima" is not in the reference ("7.ª").
		const word = (marked: string) => marked.split(': ').at(-1);
		expect((await page.locator('.diff ins').allTextContents()).map(word)).toContain('ha');
		expect((await page.locator('.diff del').allTextContents()).map(word)).toContain('septima');
		expect(await page.locator('blockquote.reference').getAttribute('lang')).toBe('es');
	});

	it('reveals hints one at a time by keyboard: glossary terms first, then dictionary words', async () => {
		await page.getByRole('button', { name: 'Next' }).click();
		await page.getByRole('button', { name: 'Previous' }).click();
		await page.locator('#attempt').focus();
		expect(await page.locator('.hints li').count()).toBe(0);
		await page.keyboard.press('Alt+H');
		await expect.poll(() => page.locator('.hints li').count(), WAIT).toBe(1);
		expect(await page.locator('.hints li').first().textContent()).toMatch(
			/Glossary:\s*Peru → Perú/
		);
		await page.keyboard.press('Alt+H');
		await expect.poll(() => page.locator('.hints li').count(), WAIT).toBe(2);
		expect(await page.locator('.hints li').nth(1).textContent()).toMatch(
			/Dictionary:\s*historic \(adjective\) → histórico/
		);
		// The button works by keyboard too.
		await page.getByRole('button', { name: 'Show a hint' }).focus();
		await page.keyboard.press('Enter');
		await expect.poll(() => page.locator('.hints li').count(), WAIT).toBe(3);
		expect(await page.locator('.hints li').nth(2).textContent()).toContain('class');
	});

	it('reads the sentence aloud with Space outside the answer and Alt+L inside it', async () => {
		await openFirstParagraph(page, 'es');
		const source = (await page.locator('blockquote.source').textContent())!.trim();
		await page.locator('h1').click();
		await page.keyboard.press('Space');
		await expect.poll(() => spoken(page), WAIT).toEqual([{ text: source, lang: 'es-ES' }]);
		await page.locator('#attempt').focus();
		await page.keyboard.press('Space');
		expect(await page.locator('#attempt').inputValue()).toBe(' ');
		expect(await spoken(page)).toHaveLength(1);
		await page.keyboard.press('Alt+L');
		await expect.poll(async () => (await spoken(page)).length, WAIT).toBe(2);
		await page.getByRole('button', { name: 'Listen (Spanish)' }).click();
		await expect.poll(async () => (await spoken(page)).length, WAIT).toBe(3);
	});

	it('hides listening where the browser has no voice for the language', async () => {
		const bare = await browser.newContext({ locale: 'en-US' });
		const p = await bare.newPage();
		await p.goto(`${baseURL()}/doc/${TEXT}/practice?from=es&n=1`);
		// Hydrated once a hint comes (the server renders no voice either way).
		await expect
			.poll(async () => {
				await p.locator('#attempt').press('Alt+H');
				return p.locator('.hints li').count();
			}, WAIT)
			.toBeGreaterThan(0);
		const voices = await p.evaluate(() =>
			speechSynthesis.getVoices().filter((v) => v.lang.startsWith('es'))
		);
		if (voices.length === 0) {
			expect(await p.locator('button.listen').count()).toBe(0);
			expect(await p.locator('#practice-keys').textContent()).not.toContain('Alt+L');
		} else expect(await p.locator('button.listen').count()).toBeGreaterThan(0);
		await bare.close();
	});
});

describe('checked practice passes axe', () => {
	for (const [lang, theme] of [
		['en', 'light'],
		['en', 'dark'],
		['es', 'light'],
		['es', 'dark']
	] as const) {
		it(`with also-right words and hints (${lang}, ${theme})`, async () => {
			const c = await browser.newContext({ viewport: { width: 1280, height: 900 } });
			await c.addInitScript(FAKE_SPEECH);
			await c.addCookies([
				{ name: 'puente-lang', value: lang, url: baseURL() },
				{ name: 'puente-theme', value: theme, url: baseURL() }
			]);
			const p = await c.newPage();
			await openFirstParagraph(p, 'es');
			await p
				.locator('#attempt')
				.fill('The historical class confrontation sweeping Peru entered its seventh week.');
			await p.locator('#attempt').press('Alt+H');
			await p.keyboard.press('Control+Enter');
			await expect.poll(() => p.locator('.diff mark.also').count(), WAIT).toBe(1);
			await expect.poll(() => p.locator('.hints li').count(), WAIT).toBe(1);
			expect(await seriousAxeViolations(p)).toEqual([]);
			await screenshot(p, `practice-checked-${theme}-${lang}`);
			await c.close();
		});
	}
});
