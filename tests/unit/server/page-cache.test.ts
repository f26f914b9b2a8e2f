// The rendered-page cache, through the real hook (hooks.server.ts) on a real SQLite file: the
// page is rendered from the reader page's real load and the edits go through its real action;
// only SvelteKit's rendering is stood in for (HTML of the load's data, with a fresh CSP nonce
// per response in a script and in the header, as SvelteKit does). A kept page is served with a
// fresh nonce, and never after a write from any connection, in another language or theme, to
// a signed-in account, or when the response set a cookie.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { Handle, RequestEvent, ResolveOptions } from '@sveltejs/kit';
import type { Db } from '$lib/server/db';
import { LANGUAGE_COOKIE } from '$lib/i18n/negotiate';
import { THEME_COOKIE } from '$lib/theme';

const dir = mkdtempSync(join(tmpdir(), 'puente-page-cache-'));
const dbPath = join(dir, 'puente.db');
const TEXT =
	'The river rose overnight after three days of heavy rain. By morning the old bridge was closed to traffic.';

let handle: Handle;
let db: Db;
let slug: string;
let documentId: number;
let analysisIdle: () => Promise<void>;
let analysisState: () => string | undefined;
let load: (event: never) => unknown;
let editText: (event: never) => unknown;
let closePool: () => Promise<void>;

beforeAll(async () => {
	vi.stubEnv('PUENTE_AUTH', '');
	vi.stubEnv('PUENTE_DB', dbPath);
	vi.resetModules();
	({ handle } = (await import('../../../src/hooks.server')) as { handle: Handle });
	const { getDb } = await import('$lib/server/db');
	const { addText } = await import('$lib/server/contribute');
	const { analysisFor } = await import('$lib/server/analysis');
	const page = await import('../../../src/routes/doc/[id]/+page.server');
	({ closePool } = await import('$lib/server/analysis-pool'));
	load = page.load as never;
	editText = page.actions.editText as never;
	db = getDb();
	const added = addText(db, { title: 'River', text: TEXT, via: 'paste' });
	if (!added.ok) throw new Error('the text was not added');
	slug = added.slug;
	documentId = added.documentIds[0];
	analysisIdle = () => analysisFor(db).idle();
	analysisState = () => analysisFor(db).states().get(documentId);
	analysisFor(db).kick();
	await analysisIdle();
}, 60_000);

afterAll(async () => {
	await closePool();
	db.close();
	vi.unstubAllEnvs();
	vi.resetModules();
	rmSync(dir, { recursive: true, force: true });
});

/** What SvelteKit's resolve would answer, from the real load and action. */
const kit = vi.fn(async (event: RequestEvent, options?: ResolveOptions): Promise<Response> => {
	if (event.request.method === 'POST') {
		const result = await editText({ request: event.request, locals: event.locals } as never);
		return new Response(JSON.stringify(result), {
			headers: { 'content-type': 'application/json' }
		});
	}
	const data = load({ params: event.params, url: event.url } as never);
	const nonce = randomBytes(16).toString('base64');
	const template =
		`<!doctype html><html lang="%lang%" data-theme="%theme%"><body>` +
		`<pre>${JSON.stringify(data).replaceAll('<', '&lt;')}</pre>` +
		`<script nonce="${nonce}">start()</script></body></html>`;
	const html = options?.transformPageChunk
		? await options.transformPageChunk({ html: template, done: true })
		: template;
	return new Response(html, {
		headers: {
			'content-type': 'text/html',
			'content-security-policy': `script-src 'self' 'nonce-${nonce}'`
		}
	});
});

function eventOf(
	path: string,
	{
		cookies = {},
		method = 'GET',
		body,
		dataRequest = false
	}: {
		cookies?: Record<string, string>;
		method?: string;
		body?: URLSearchParams;
		dataRequest?: boolean;
	} = {}
): RequestEvent {
	const url = new URL(`http://localhost${path}`);
	return {
		request: new Request(url, {
			method,
			headers: { host: 'localhost', origin: 'http://localhost' },
			body
		}),
		url,
		route: { id: '/doc/[id]' },
		params: { id: url.pathname.split('/')[2] },
		locals: {},
		isDataRequest: dataRequest,
		isSubRequest: false,
		cookies: {
			get: (name: string) => cookies[name],
			getAll: () => Object.entries(cookies).map(([name, value]) => ({ name, value })),
			set() {},
			delete() {}
		},
		getClientAddress: () => '127.0.0.1'
	} as unknown as RequestEvent;
}

async function visit(event: RequestEvent, resolve = kit) {
	const before = resolve.mock.calls.length;
	const response = await handle({ event, resolve });
	const html = await response.text();
	const csp = response.headers.get('content-security-policy') ?? '';
	return {
		html,
		rendered: resolve.mock.calls.length > before,
		headerNonce: /'nonce-([^']+)'/.exec(csp)?.[1],
		htmlNonce: /nonce="([^"]+)"/.exec(html)?.[1],
		response
	};
}

const withoutNonce = (html: string) => html.replace(/nonce="[^"]+"/g, 'nonce=""');

describe('the page cache', () => {
	it('serves a second visit without rendering, with a fresh nonce in its HTML and header alike', async () => {
		const first = await visit(eventOf(`/doc/${slug}`));
		const second = await visit(eventOf(`/doc/${slug}`));
		const third = await visit(eventOf(`/doc/${slug}`));
		expect(first.rendered).toBe(true);
		expect(first.html).toContain('overnight');
		expect(second.rendered).toBe(false);
		expect(third.rendered).toBe(false);
		expect(withoutNonce(second.html)).toBe(withoutNonce(first.html));
		for (const hit of [second, third]) {
			expect(hit.htmlNonce).toBeDefined();
			expect(hit.headerNonce).toBe(hit.htmlNonce);
			expect(hit.response.headers.get('content-length')).toBe(String(Buffer.byteLength(hit.html)));
			// The hook's own headers are on a hit as on a render.
			expect(hit.response.headers.get('x-content-type-options')).toBe('nosniff');
		}
		expect(new Set([first.htmlNonce, second.htmlNonce, third.htmlNonce]).size).toBe(3);
	});

	it('keeps each query apart', async () => {
		await visit(eventOf(`/doc/${slug}`));
		const other = await visit(eventOf(`/doc/${slug}?view=original`));
		expect(other.rendered).toBe(true);
	});

	it('renders again after an edit through the form action, and while its analysis runs', async () => {
		const version = (
			db.prepare('SELECT version FROM documents WHERE id = ?').get(documentId) as {
				version: number;
			}
		).version;
		await visit(eventOf(`/doc/${slug}`));
		const form = new URLSearchParams({
			document: String(documentId),
			sentence: '0',
			version: String(version),
			text: 'The lake rose overnight after three days of heavy rain.'
		});
		const posted = await visit(eventOf(`/doc/${slug}?/editText`, { method: 'POST', body: form }));
		expect(posted.html).toContain('saved');
		// The edit asked for a new analysis: pages show its progress, which is not in the store.
		const during = await visit(eventOf(`/doc/${slug}`));
		expect(during.rendered).toBe(true);
		expect(during.html).toContain('lake rose');
		expect((await visit(eventOf(`/doc/${slug}`))).rendered).toBe(true);
		await analysisIdle();
		const after = await visit(eventOf(`/doc/${slug}`));
		expect(after.rendered).toBe(true);
		expect(after.html).toContain('"state":"ready"');
		expect((await visit(eventOf(`/doc/${slug}`))).rendered).toBe(false);
	}, 60_000);

	it('renders again after a write by another connection (the command line, another server)', async () => {
		await visit(eventOf(`/doc/${slug}`));
		expect((await visit(eventOf(`/doc/${slug}`))).rendered).toBe(false);
		const other = new Database(dbPath);
		// A new version of the text with its analysis, both written there: nothing is pending, so
		// only the database's generation can tell the kept page is out of date.
		other.transaction(() => {
			other
				.prepare('UPDATE documents SET title = ?, version = version + 1 WHERE id = ?')
				.run('Flood', documentId);
			other
				.prepare(
					`UPDATE analyses SET target = substr(target, 1, instr(target, ':'))
					   || (SELECT version FROM documents WHERE id = ?) WHERE document_id = ?`
				)
				.run(documentId, documentId);
		})();
		other.close();
		expect(analysisState()).toBe('ready');
		const after = await visit(eventOf(`/doc/${slug}`));
		expect(after.rendered).toBe(true);
		expect(after.html).toContain('Flood');
	});

	it('keeps each language and theme apart', async () => {
		const english = await visit(eventOf(`/doc/${slug}`));
		const spanish = await visit(eventOf(`/doc/${slug}`, { cookies: { [LANGUAGE_COOKIE]: 'es' } }));
		const dark = await visit(eventOf(`/doc/${slug}`, { cookies: { [THEME_COOKIE]: 'dark' } }));
		expect(spanish.rendered).toBe(true);
		expect(spanish.html).toContain('lang="es"');
		expect(dark.rendered).toBe(true);
		expect(dark.html).toContain('data-theme="dark"');
		expect(english.html).toContain('lang="en"');
		expect(
			(await visit(eventOf(`/doc/${slug}`, { cookies: { [LANGUAGE_COOKIE]: 'es' } }))).rendered
		).toBe(false);
	});

	it('renders every data request', async () => {
		await visit(eventOf(`/doc/${slug}`));
		const data = vi.fn(
			async () =>
				new Response('{"type":"data"}', { headers: { 'content-type': 'application/json' } })
		);
		expect((await visit(eventOf(`/doc/${slug}`, { dataRequest: true }), data)).rendered).toBe(true);
		expect((await visit(eventOf(`/doc/${slug}`, { dataRequest: true }), data)).rendered).toBe(true);
	});

	it('never keeps a response that sets a cookie', async () => {
		const setting = vi.fn(async (event: RequestEvent, options?: ResolveOptions) => {
			const response = await kit(event, options);
			response.headers.append('set-cookie', `learner=${randomBytes(8).toString('hex')}`);
			return response;
		});
		const path = `/doc/${slug}?cookie=1`;
		const first = await visit(eventOf(path), setting);
		const second = await visit(eventOf(path), setting);
		expect(second.rendered).toBe(true);
		expect(second.response.headers.get('set-cookie')).not.toBe(
			first.response.headers.get('set-cookie')
		);
	});
});

describe('the page cache and what a page says of itself', () => {
	it('never keeps a page marked private, unstorable or varying', async () => {
		for (const [name, value] of [
			['cache-control', 'private'],
			['cache-control', 'no-store'],
			['vary', 'cookie']
		]) {
			const marked = vi.fn(async (event: RequestEvent, options?: ResolveOptions) => {
				const response = await kit(event, options);
				response.headers.set(name, value);
				return response;
			});
			const path = `/doc/${slug}?marked=${name}-${value}`;
			await visit(eventOf(path), marked);
			expect((await visit(eventOf(path), marked)).rendered, `${name}: ${value}`).toBe(true);
		}
	});
});

describe('the page cache and accounts', () => {
	it('never serves a signed-in request a kept page, nor keeps one', async () => {
		const { PageCache } = await import('$lib/server/page-cache');
		const cache = new PageCache(() => db, {
			routes: new Set(['/doc/[id]']),
			analysisPending: () => false
		});
		const as = (user: { id: string; name: string } | null) => {
			const event = eventOf(`/doc/${slug}`);
			Object.assign(event.locals, { lang: 'en', theme: 'system', user });
			return event;
		};
		const pageOf = (name: string) => async () =>
			new Response(`<p>${name}</p>`, { headers: { 'content-type': 'text/html' } });
		const anonymous = await cache.respond(as(null), pageOf('anyone'));
		expect(await anonymous.text()).toBe('<p>anyone</p>');
		const ada = await cache.respond(as({ id: 'a', name: 'Ada' }), pageOf('Ada'));
		expect(await ada.text()).toBe('<p>Ada</p>');
		const bea = await cache.respond(as({ id: 'b', name: 'Bea' }), pageOf('Bea'));
		expect(await bea.text()).toBe('<p>Bea</p>');
		// The signed-out page is still the one kept; neither account's was.
		const again = await cache.respond(as(null), pageOf('rendered again'));
		expect(await again.text()).toBe('<p>anyone</p>');
	});
});
