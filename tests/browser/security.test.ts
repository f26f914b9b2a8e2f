// Safe by default, checked against the real server: every page carries a Content-Security-Policy
// and the reader works under it without one violation; a request under another Host name (DNS
// rebinding) is refused and changes nothing; the language switch never leaves the app; a form
// body that cannot be read answers 400 with a message.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { request as httpRequest } from 'node:http';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { baseURL, launchChromium } from './chromium';

let browser: Browser;
let context: BrowserContext;
let page: Page;
/** Console errors and `securitypolicyviolation` events, in the order they happened. */
let violations: string[] = [];

beforeAll(async () => {
	browser = await launchChromium();
	context = await browser.newContext({ locale: 'en-US', viewport: { width: 1280, height: 900 } });
	// Injected through the DevTools protocol, so the page's own CSP does not block the listener.
	await context.addInitScript(() => {
		document.addEventListener('securitypolicyviolation', (e) =>
			console.error(`CSP violation: ${e.violatedDirective} ${e.blockedURI} ${e.sample}`)
		);
	});
	page = await context.newPage();
	page.on('console', (message) => {
		if (message.type() === 'error' && /content security policy|csp violation/i.test(message.text()))
			violations.push(message.text());
	});
});

afterAll(async () => {
	await browser?.close();
});

interface RawResponse {
	status: number;
	headers: Record<string, string | string[] | undefined>;
	body: string;
}

/** A request with headers fetch() will not send as given (Host, Referer). */
function raw(
	path: string,
	options: { method?: string; headers?: Record<string, string>; body?: string | Buffer } = {}
): Promise<RawResponse> {
	const url = new URL(path, baseURL());
	return new Promise((done, reject) => {
		const req = httpRequest(
			url,
			{ method: options.method ?? 'GET', headers: options.headers },
			(res) => {
				let body = '';
				res.setEncoding('utf8');
				res.on('data', (chunk) => (body += chunk));
				res.on('end', () => done({ status: res.statusCode ?? 0, headers: res.headers, body }));
			}
		);
		req.on('error', reject);
		req.end(options.body);
	});
}

const glossaryCount = async () => {
	const response = await fetch(`${baseURL()}/api/glossary`);
	return ((await response.json()) as { entries: unknown[] }).entries.length;
};

const READER = '/doc/brutal-repression-la-mosca';
const PAGES = [
	'/',
	READER,
	`${READER}/history`,
	'/add',
	'/glossary',
	'/glossary/cards',
	'/review',
	'/progress',
	'/settings'
];

describe('security', () => {
	for (const path of PAGES)
		it(`sends a Content-Security-Policy with no inline scripts on ${path}`, async () => {
			const response = await raw(path);
			expect(response.status).toBe(200);
			const csp = String(response.headers['content-security-policy']);
			const directive = (name: string) =>
				csp
					.split(';')
					.map((d) => d.trim())
					.find((d) => d.startsWith(name + ' '));
			expect(directive('script-src')).toMatch(/'nonce-[A-Za-z0-9+/=]+'/);
			expect(directive('script-src')).not.toContain('unsafe-inline');
			expect(directive('frame-ancestors')).toBe("frame-ancestors 'none'");
			expect(directive('object-src')).toBe("object-src 'none'");
			expect(response.headers['x-content-type-options']).toBe('nosniff');
			expect(response.headers['referrer-policy']).toBe('same-origin');
		});

	it('gives every response its own nonce', async () => {
		const nonce = async () =>
			/'nonce-([^']+)'/.exec(String((await raw('/')).headers['content-security-policy']))?.[1];
		const [first, second] = [await nonce(), await nonce()];
		expect(first).toBeTruthy();
		expect(first).not.toBe(second);
	});

	it('reads a text in every view and opens a glossary term without a CSP violation', async () => {
		violations = [];
		await page.goto(`${baseURL()}/doc/brutal-repression-la-mosca?view=original`);
		for (const view of ['Side by side', 'One language', 'Original']) {
			const radio = page.getByRole('radio', { name: view });
			await radio.click();
			// The views switch in the page: the script SvelteKit started under its nonce runs.
			await expect.poll(() => radio.getAttribute('aria-checked')).toBe('true');
		}
		await page.locator('button.term').first().focus();
		await page.keyboard.press('Enter');
		const popover = page.locator('.glossary-popover');
		await expect.poll(() => popover.evaluate((el) => el.matches(':popover-open'))).toBe(true);
		// Its position is a style attribute, which the policy allows (style-src-attr).
		expect(await popover.getAttribute('style')).toMatch(/top: \d/);
		await page.keyboard.press('Escape');
		// Every other page, once the reader (visited above) is left.
		for (const path of PAGES.filter((path) => path !== READER)) {
			await page.goto(baseURL() + path);
			await page.waitForLoadState('networkidle');
		}
		expect(violations).toEqual([]);
	});

	it('cannot be framed by another page', async () => {
		const framer = await context.newPage();
		await framer.setContent(`<iframe src="${baseURL()}/glossary"></iframe>`);
		const frame = framer.frames()[1];
		await expect.poll(() => frame?.url()).toBeTruthy();
		// Chromium shows its own error page in place of Puente's glossary.
		await framer.waitForTimeout(500);
		expect(await frame.locator('h1', { hasText: 'Glossary' }).count()).toBe(0);
		await framer.close();
	});

	it('refuses a request under another Host name, and the glossary stays as it was', async () => {
		const before = await glossaryCount();
		const attacker = 'attacker.example:3202';
		const home = await raw('/', { headers: { Host: attacker, 'Accept-Language': 'es' } });
		expect(home.status).toBe(421);
		expect(home.body).toContain('«attacker.example»');
		expect(home.body).toContain('ALLOWED_HOSTS');
		const post = await raw('/glossary/new', {
			method: 'POST',
			headers: {
				Host: attacker,
				Origin: `http://${attacker}`,
				'Content-Type': 'application/x-www-form-urlencoded'
			},
			body: 'type=place&es=Trampa&en=Trap&explanationEn=x&explanationEs=x'
		});
		expect(post.status).toBe(421);
		expect(await glossaryCount()).toBe(before);
		// The names of this computer are answered as usual.
		expect((await raw('/api/documents', { headers: { Host: 'localhost' } })).status).toBe(200);
	});

	it('sends the language switch back only to paths of this app', async () => {
		const origin = new URL(baseURL()).origin;
		const switchLanguage = (headers: Record<string, string>) =>
			raw('/settings?/language', {
				method: 'POST',
				headers: {
					Origin: origin,
					Accept: 'text/html',
					'Content-Type': 'application/x-www-form-urlencoded',
					...headers
				},
				body: 'lang=en'
			});
		const landing = async (headers: Record<string, string>) => {
			const response = await switchLanguage(headers);
			expect(response.status).toBe(303);
			return new URL(String(response.headers.location), baseURL());
		};
		for (const referer of [
			`${origin}//evil.example/x`,
			'//evil.example/x',
			'http://evil.example/x',
			'not a url'
		])
			expect((await landing({ Referer: referer })).origin, referer).toBe(origin);
		expect((await landing({ Referer: `${origin}/glossary?q=oea` })).pathname).toBe('/glossary');

		// In the browser: a page at //evil.example/x (the app's not-found page) switches language.
		await page.goto(`${baseURL()}//evil.example/x`);
		await page.getByRole('button', { name: 'Español' }).click();
		await expect.poll(() => page.locator('html').getAttribute('lang')).toBe('es');
		expect(new URL(page.url()).origin).toBe(origin);
		await page.getByRole('button', { name: 'English' }).click();
		await expect.poll(() => page.locator('html').getAttribute('lang')).toBe('en');
	});

	it('answers a form body that cannot be read with 400 and a message, and stores nothing', async () => {
		const before = await glossaryCount();
		const response = await raw('/glossary/new', {
			method: 'POST',
			headers: {
				Origin: new URL(baseURL()).origin,
				Accept: 'text/html',
				'Accept-Language': 'en',
				'Content-Type': 'multipart/form-data; boundary=XyZ'
			},
			body: '--XyZ\r\nContent-Disposition: form-data; name="es"\r\n\r\nTrampa'
		});
		expect(response.status).toBe(400);
		expect(response.body).toContain('This form could not be read');
		expect(await glossaryCount()).toBe(before);
	});
});
