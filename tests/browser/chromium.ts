// Debian's Chromium driven by playwright-core: no browser download. Screenshots land in
// tests/browser/screenshots (ignored by git) for a person to look at.
import { chromium, type Browser, type Page } from 'playwright-core';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { inject } from 'vitest';

const CANDIDATES = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'];

export function chromiumPath(): string {
	const found = CANDIDATES.find((p): p is string => !!p && existsSync(p));
	if (!found)
		throw new Error('Chromium not found: apt-get install -y chromium (or set CHROMIUM_PATH)');
	return found;
}

export async function launchChromium(): Promise<Browser> {
	return chromium.launch({
		executablePath: chromiumPath(),
		args: [
			'--no-sandbox',
			'--disable-gpu',
			'--disable-quic',
			'--no-first-run',
			'--disable-background-networking',
			'--disable-component-update',
			'--disable-sync'
		]
	});
}

export const baseURL = () => inject('baseURL');

export const SCREENSHOT_DIR = resolve(import.meta.dirname, 'screenshots');

export async function screenshot(page: Page, name: string): Promise<string> {
	mkdirSync(SCREENSHOT_DIR, { recursive: true });
	const path = join(SCREENSHOT_DIR, `${name}.png`);
	await page.screenshot({ path, fullPage: false });
	return path;
}

const axeSource = readFileSync(
	createRequire(import.meta.url).resolve('axe-core/axe.min.js'),
	'utf8'
);

export interface AxeViolation {
	id: string;
	impact: string | null;
	help: string;
	nodes: { target: string[] }[];
}

/** Runs axe-core in the page and returns its serious and critical violations. */
export async function seriousAxeViolations(page: Page): Promise<AxeViolation[]> {
	// Evaluated through the DevTools protocol, not as a <script>: the pages' Content-Security-Policy
	// (rightly) refuses inline scripts, and the test must not weaken it.
	await page.evaluate(axeSource);
	const violations = (await page.evaluate(async () => {
		// @ts-expect-error axe is injected above
		const result = await window.axe.run(document, { resultTypes: ['violations'] });
		return result.violations;
	})) as AxeViolation[];
	return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}
