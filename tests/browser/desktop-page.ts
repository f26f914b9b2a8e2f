// The page most browser test files walk through in order: Chromium with one English desktop page
// (1280x900) in the light theme (or another, or none set). The hooks are registered in the
// calling file, so the browser opens before its first test and closes after its last. Beside it,
// a context of a test's own in another theme and language, for the light/dark/Spanish checks.
import { afterAll, beforeAll } from 'vitest';
import type { Browser, BrowserContext, BrowserContextOptions, Page } from 'playwright-core';
import type { Theme } from '../../src/lib/theme';
import { baseURL, launchChromium } from './chromium';

export interface DesktopPage {
	browser: Browser;
	context: BrowserContext;
	page: Page;
}

/**
 * Opens the page before the file's tests and hands it to `opened` (for the file's variables).
 * `theme: 'system'` sets no theme cookie, for a file that walks the theme switch from a first
 * visit's state (system → light → dark).
 */
export function useDesktopPage(
	opened: (session: DesktopPage) => void,
	{ theme = 'light' }: { theme?: Theme } = {}
): void {
	let browser: Browser | undefined;
	beforeAll(async () => {
		browser = await launchChromium();
		const context = await browser.newContext({
			locale: 'en-US',
			viewport: { width: 1280, height: 900 }
		});
		if (theme !== 'system')
			await context.addCookies([{ name: 'puente-theme', value: theme, url: baseURL() }]);
		opened({ browser, context, page: await context.newPage() });
	});
	afterAll(async () => {
		await browser?.close();
	});
}

/** A context of its own in `theme` and `lang`, set by the site's own cookies (a desktop by default). */
export async function themedContext(
	browser: Browser,
	theme: 'light' | 'dark',
	lang: 'en' | 'es',
	options: BrowserContextOptions = { viewport: { width: 1280, height: 900 } }
): Promise<BrowserContext> {
	const context = await browser.newContext(options);
	await context.addCookies([
		{ name: 'puente-theme', value: theme, url: baseURL() },
		{ name: 'puente-lang', value: lang, url: baseURL() }
	]);
	return context;
}
