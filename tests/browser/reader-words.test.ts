// Word by word in the reader, as a person uses it: point at a Spanish word of La Mosca and see
// the English word that translates it lit (and back), step through a pair's words by keyboard
// and look one up, tap a word on a phone for its dictionary entry and save it, and the listen
// button there only when the browser has a voice (speechSynthesis stubbed both ways).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { baseURL, launchChromium, screenshot, seriousAxeViolations } from './chromium';

const SPANISH = 'Es vergonzoso que la «preocupación» de la OEA';

// The first word request of a run loads the dictionary and learns the text's own translations.
const poll = <T>(read: () => Promise<T> | T) => expect.poll(read, { timeout: 20_000 });

let browser: Browser;

beforeAll(async () => {
	browser = await launchChromium();
});

afterAll(async () => {
	await browser?.close();
});

/** A voice list for the page, set before any of its scripts run; speak() is recorded. */
function stubSpeech(list: { lang: string; name: string }[]) {
	const spoken: { text: string; lang: string; rate: number }[] = [];
	(window as unknown as { spoken: typeof spoken }).spoken = spoken;
	class Utterance {
		voice: unknown = null;
		lang = '';
		rate = 1;
		onend: (() => void) | null = null;
		onerror: (() => void) | null = null;
		constructor(public text: string) {}
	}
	Object.defineProperty(window, 'SpeechSynthesisUtterance', { value: Utterance });
	const synth = {
		getVoices: () =>
			list.map((v) => ({ ...v, default: true, localService: true, voiceURI: v.name })),
		speak: (u: Utterance) => spoken.push({ text: u.text, lang: u.lang, rate: u.rate }),
		cancel: () => {},
		addEventListener: () => {},
		removeEventListener: () => {}
	};
	Object.defineProperty(window, 'speechSynthesis', { value: synth });
}

/** The La Mosca article side by side, at the pair whose Spanish begins with SPANISH. */
async function openLaMosca(context: BrowserContext): Promise<{ page: Page; row: Locator }> {
	const page = await context.newPage();
	// Network idle: the page has hydrated, so pointer and keys reach its handlers.
	await page.goto(`${baseURL()}/doc/brutal-repression-la-mosca?view=parallel`, {
		waitUntil: 'networkidle'
	});
	const row = page.locator('.row', { hasText: SPANISH }).first();
	await row.waitFor();
	await row.scrollIntoViewIfNeeded();
	return { page, row };
}

/** The centre of a word's text in a cell (the word must stand alone, not inside another). */
async function wordPoint(cell: Locator, word: string): Promise<{ x: number; y: number }> {
	const point = await cell.evaluate((el, word) => {
		const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
		const pattern = new RegExp(`(?<![\\p{L}])${word}(?![\\p{L}])`, 'u');
		for (let node = walker.nextNode(); node; node = walker.nextNode()) {
			const text = node as Text;
			const at = text.data.search(pattern);
			if (at < 0) continue;
			const range = document.createRange();
			range.setStart(text, at);
			range.setEnd(text, at + word.length);
			const box = range.getBoundingClientRect();
			return { x: box.left + box.width / 2, y: box.top + box.height / 2 };
		}
		return null;
	}, word);
	if (!point) throw new Error(`"${word}" not found`);
	return point;
}

/** The text under each range of a named CSS highlight. */
const highlighted = (page: Page, name: string) =>
	page.evaluate(
		(name) => [...(CSS.highlights.get(name) ?? [])].map((range) => (range as Range).toString()),
		name
	);

describe('word counterparts', () => {
	let context: BrowserContext;
	let page: Page;
	let row: Locator;

	beforeAll(async () => {
		context = await browser.newContext({
			locale: 'en-US',
			viewport: { width: 1280, height: 900 }
		});
		({ page, row } = await openLaMosca(context));
	});

	afterAll(() => context?.close());

	it('lights the English word that translates the Spanish word pointed at, and back', async () => {
		const es = await wordPoint(row.locator('.cell-es'), 'vergonzoso');
		await page.mouse.move(es.x, es.y);
		await poll(() => highlighted(page, 'puente-counterpart')).toEqual(['shameful']);
		expect(await highlighted(page, 'puente-word')).toEqual(['vergonzoso']);
		await screenshot(page, 'reader-words-hover');

		const en = await wordPoint(row.locator('.cell-en'), 'days');
		await page.mouse.move(en.x, en.y);
		await poll(() => highlighted(page, 'puente-counterpart')).toEqual(['días']);
		// Off the words, nothing stays lit.
		const box = (await row.boundingBox())!;
		await page.mouse.move(box.x + box.width - 4, box.y + box.height - 4);
		await poll(() => highlighted(page, 'puente-word')).toEqual([]);
	});

	it('steps word by word with the keyboard and looks a word up', async () => {
		await row.focus();
		await page.keyboard.press('w');
		await poll(() => highlighted(page, 'puente-word')).toEqual(['It']);
		await page.keyboard.press('ArrowRight');
		await page.keyboard.press('ArrowRight');
		await poll(() => highlighted(page, 'puente-word')).toEqual(['shameful']);
		expect(await highlighted(page, 'puente-counterpart')).toEqual(['vergonzoso']);
		await expect
			.poll(() => page.locator('[aria-live="polite"]').allTextContents())
			.toContain('shameful: vergonzoso');
		// Down crosses to the Spanish column, onto the counterpart.
		await page.keyboard.press('ArrowDown');
		await poll(() => highlighted(page, 'puente-word')).toEqual(['vergonzoso']);

		await page.keyboard.press('Enter');
		const dialog = page.getByRole('dialog', { name: 'Dictionary: vergonzoso' });
		await poll(() => dialog.isVisible()).toBe(true);
		await expect
			.poll(() => dialog.locator('.translations').first().textContent())
			.toMatch(/shameful|disgraceful|embarrass/);
		expect(await page.evaluate(() => !!document.activeElement?.closest('.word-popover'))).toBe(
			true
		);
		expect(await seriousAxeViolations(page)).toEqual([]);

		await page.keyboard.press('Escape');
		await poll(() => dialog.isVisible()).toBe(false);
		expect(await page.evaluate(() => document.activeElement?.getAttribute('data-row'))).toBe(
			await row.getAttribute('data-row')
		);
		// Still word by word until Escape again.
		expect(await highlighted(page, 'puente-word')).toEqual(['vergonzoso']);
		await page.keyboard.press('Escape');
		await poll(() => highlighted(page, 'puente-word')).toEqual([]);
	});
});

describe('on a phone', () => {
	let context: BrowserContext;

	afterAll(() => context?.close());

	it('a tap on a word opens its dictionary entry, inflection understood, and saves it', async () => {
		context = await browser.newContext({
			locale: 'en-US',
			viewport: { width: 390, height: 844 },
			hasTouch: true,
			isMobile: true
		});
		const { page, row } = await openLaMosca(context);
		const word = await wordPoint(row.locator('.cell-es'), 'sufre');
		await page.touchscreen.tap(word.x, word.y);
		const dialog = page.getByRole('dialog', { name: 'Dictionary: sufre' });
		await poll(() => dialog.isVisible()).toBe(true);
		await poll(() => dialog.locator('.lemma').allTextContents()).toContain('sufrir');
		expect(await dialog.locator('.translations').allTextContents()).toEqual(
			expect.arrayContaining([expect.stringMatching(/suffer/)])
		);
		await screenshot(page, 'reader-words-phone-popover');
		await dialog.getByRole('button', { name: 'Save', exact: true }).click();
		await poll(() => dialog.getByRole('status').textContent()).toBe('Saved');
		const saved = await page.evaluate(async () => (await fetch('/api/vocabulary')).json());
		expect(saved.learning).toContain('sufre');
		await page.getByRole('button', { name: 'Close' }).click();
		await poll(() => dialog.isVisible()).toBe(false);
	});
});

describe('listening', () => {
	async function activeRowWithVoices(voices: { lang: string; name: string }[]) {
		const context = await browser.newContext({
			locale: 'en-US',
			viewport: { width: 1280, height: 900 }
		});
		await context.addInitScript(stubSpeech, voices);
		const { page, row } = await openLaMosca(context);
		// Focus makes the row the active one, as a hover or a tap does.
		await row.focus();
		await poll(() => row.getAttribute('class')).toContain('lit');
		return { context, page, row };
	}

	it('shows no listen button where the browser has no voice', async () => {
		const { context, row } = await activeRowWithVoices([]);
		expect(await row.getByRole('button', { name: 'Listen to this sentence' }).count()).toBe(0);
		await context.close();
	});

	it('reads a sentence in its language where there is a voice, at the chosen speed', async () => {
		const { context, page, row } = await activeRowWithVoices([{ lang: 'es-ES', name: 'Mónica' }]);
		// Spanish only: the English sentence has no voice, so no button.
		const listen = row.getByRole('button', { name: 'Listen to this sentence' });
		await poll(() => listen.count()).toBe(1);
		expect(
			await row.locator('.cell-en').getByRole('button', { name: 'Listen to this sentence' }).count()
		).toBe(0);
		const speed = page.getByRole('slider', { name: 'Reading speed' });
		await speed.fill('1.5');
		await listen.click();
		const spoken = (await page.evaluate(
			() => (window as unknown as { spoken: unknown[] }).spoken
		)) as { text: string; lang: string; rate: number }[];
		expect(spoken).toHaveLength(1);
		expect(spoken[0].text).toMatch(/^Es vergonzoso que la «preocupación» de la OEA/);
		expect(spoken[0].lang).toBe('es-ES');
		expect(spoken[0].rate).toBe(1.5);
		await context.close();
	});
});

describe('study mode', () => {
	it('marks unknown words quietly, stops marking a word marked known, and reads with Space', async () => {
		const context = await browser.newContext({
			locale: 'en-US',
			viewport: { width: 1280, height: 900 }
		});
		await context.addInitScript(stubSpeech, [{ lang: 'es-ES', name: 'Mónica' }]);
		const { page, row } = await openLaMosca(context);
		await page.getByRole('button', { name: 'Study mode' }).click();
		await poll(() => page.url()).toContain('study=1');
		await poll(() => highlighted(page, 'puente-unknown')).toContain('pasados');

		// The toolbar is at the top: back down to the pair.
		await row.scrollIntoViewIfNeeded();
		const word = await wordPoint(row.locator('.cell-es'), 'pasados');
		await page.mouse.click(word.x, word.y);
		const dialog = page.getByRole('dialog', { name: 'Dictionary: pasados' });
		await poll(() => dialog.isVisible()).toBe(true);
		await dialog.getByRole('button', { name: 'Known' }).click();
		await poll(() => dialog.getByRole('status').textContent()).toBe('Marked as known');
		await poll(() => highlighted(page, 'puente-unknown')).not.toContain('pasados');
		await page.keyboard.press('Escape');
		await poll(() => dialog.isVisible()).toBe(false);

		// Space reads the active pair's left column (English: no voice here), Shift+Space the right.
		// (The pointer makes the pair under it active: bring it back over this one.)
		await row.locator('.cell-es').hover({ position: { x: 2, y: 2 } });
		await row.focus();
		await page.keyboard.press('Space');
		await page.keyboard.press('Shift+Space');
		const spoken = (await page.evaluate(
			() => (window as unknown as { spoken: unknown[] }).spoken
		)) as { text: string; lang: string }[];
		expect(spoken).toHaveLength(1);
		expect(spoken.at(-1)?.lang).toBe('es-ES');
		expect(spoken.at(-1)?.text).toMatch(/^Es vergonzoso/);
		await context.close();
	});
});

describe('themes', () => {
	it('has no serious accessibility violations with the popover open, light and dark', async () => {
		for (const colorScheme of ['light', 'dark'] as const) {
			const context = await browser.newContext({
				locale: 'es-ES',
				colorScheme,
				viewport: { width: 1280, height: 900 }
			});
			const { page, row } = await openLaMosca(context);
			const word = await wordPoint(row.locator('.cell-es'), 'pérdida');
			await page.mouse.click(word.x, word.y);
			const dialog = page.getByRole('dialog', { name: 'Diccionario: pérdida' });
			await poll(() => dialog.isVisible()).toBe(true);
			await poll(() => dialog.locator('.lemma').count()).toBeGreaterThan(0);
			await screenshot(page, `reader-words-popover-${colorScheme}`);
			expect(await seriousAxeViolations(page)).toEqual([]);
			await context.close();
		}
	});
});
