// /api/vocabulary through its handlers on a real SQLite file: saving (once per text and
// language), marking, removing, the share of a text known, input refused with translated
// messages, and writes refused unless they are same-origin JSON.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Cookies } from '@sveltejs/kit';

const dir = mkdtempSync(join(tmpdir(), 'puente-vocabulary-api-'));
vi.stubEnv('PUENTE_DB', join(dir, 'puente.db'));

// Imported after PUENTE_DB is set: the handlers open the store on first use.
const api = await import('../../../src/routes/api/vocabulary/+server');
const { getDb } = await import('$lib/server/db');
const { insertDocument, storeDetection } = await import('$lib/server/documents');
const { detectLanguages } = await import('$lib/core/detect');
const { LEARNER_COOKIE } = await import('$lib/server/learner');

afterAll(() => {
	getDb().close();
	rmSync(dir, { recursive: true, force: true });
	vi.unstubAllEnvs();
});

/** A browser's cookie jar for one learner. */
function jar(): Cookies & { store: Map<string, string> } {
	const store = new Map<string, string>();
	return {
		store,
		get: (name: string) => store.get(name),
		set: (name: string, value: string) => void store.set(name, value),
		delete: (name: string) => void store.delete(name),
		getAll: () => [...store].map(([name, value]) => ({ name, value })),
		serialize: () => ''
	} as unknown as Cookies & { store: Map<string, string> };
}

const ORIGIN = 'http://localhost:3000';

async function call(
	method: 'GET' | 'POST' | 'PATCH' | 'DELETE',
	cookies: Cookies,
	{
		query = '',
		body,
		headers = {},
		lang = 'en'
	}: { query?: string; body?: unknown; headers?: Record<string, string>; lang?: 'en' | 'es' } = {}
) {
	const url = new URL(`${ORIGIN}/api/vocabulary${query}`);
	const request = new Request(url, {
		method,
		headers: body === undefined ? headers : { 'content-type': 'application/json', ...headers },
		body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body)
	});
	const handler = api[method];
	const response = (await handler({
		request,
		url,
		cookies,
		locals: { lang, theme: 'system', user: null }
	} as never)) as Response;
	const text = await response.text();
	return { status: response.status, body: text ? JSON.parse(text) : null };
}

const SLUG = 'protest-note';
beforeAll(async () => {
	// The dictionary (3 MB) loads on the first lemma; load it here, not inside the first test's time.
	const { lemmaOfText } = await import('$lib/server/vocabulary');
	await lemmaOfText('casas', 'es');
	const text =
		'Los manifestantes marcharon hacia Lima. Los manifestantes pidieron elecciones.\n\nThe protesters marched to Lima.';
	const id = insertDocument(getDb(), { slug: SLUG, title: 'Note', origin: 'user', text });
	storeDetection(getDb(), id, detectLanguages(text), 'test', null);
}, 60_000);

describe('POST /api/vocabulary', () => {
	it('saves a word with its lemma from the dictionary, and gives the learner a cookie', async () => {
		const cookies = jar();
		const { status, body } = await call('POST', cookies, {
			body: {
				text: 'marcharon',
				lang: 'es',
				translation: 'marched',
				context: 'Los manifestantes marcharon hacia Lima.',
				document: SLUG
			}
		});
		expect(status).toBe(201);
		expect(body.item).toMatchObject({
			text: 'marcharon',
			lang: 'es',
			lemma: 'marchar',
			translation: 'marched',
			status: 'learning'
		});
		expect(cookies.store.get(LEARNER_COOKIE)).toMatch(/^[0-9a-f-]{36}$/);
	});

	it('saving again updates the same item (case aside) instead of adding one', async () => {
		const cookies = jar();
		const first = await call('POST', cookies, { body: { text: 'Marcharon', lang: 'es' } });
		const second = await call('POST', cookies, {
			body: { text: 'marcharon', lang: 'es', translation: 'they marched', status: 'known' }
		});
		expect(second.status).toBe(200);
		expect(second.body.item.id).toBe(first.body.item.id);
		expect(second.body.item).toMatchObject({ translation: 'they marched', status: 'known' });
		const words = await call('GET', cookies);
		expect(words.body.known).toContain('marchar');
		expect(words.body.known).toContain('marcharon');
	});

	it('keeps learners apart', async () => {
		const a = jar();
		const b = jar();
		await call('POST', a, { body: { text: 'elecciones', lang: 'es', status: 'known' } });
		expect((await call('GET', b)).body).toEqual({ known: [], learning: [], share: null });
	});

	it('refuses bad input with a message in the request language', async () => {
		const cookies = jar();
		const missing = await call('POST', cookies, { body: { lang: 'es' }, lang: 'es' });
		expect(missing.status).toBe(400);
		expect(missing.body.error.code).toBe('invalid-input');
		expect(missing.body.error.message).toMatch(/falta el texto/);
		const french = await call('POST', cookies, { body: { text: 'maison', lang: 'fr' } });
		expect(french.body.error.message).toContain('“fr” is not a language');
		const long = await call('POST', cookies, {
			body: { text: 'casa', lang: 'es', translation: 'x'.repeat(1001) },
			lang: 'es'
		});
		expect(long.body.error.message).toContain('traducción');
		expect(long.body.error.message).toContain('1000');
		const notJson = await call('POST', cookies, { body: '{"text":' });
		expect(notJson.status).toBe(400);
		// Nothing was saved by any of these.
		expect(cookies.store.size).toBe(0);
	});

	it('refuses a write that is not JSON, or that comes from another site', async () => {
		const cookies = jar();
		const form = await call('POST', cookies, {
			body: 'text=casa&lang=es',
			headers: { 'content-type': 'application/x-www-form-urlencoded' }
		});
		expect(form.status).toBe(403);
		expect(form.body.error.message).toContain('application/json');
		const crossSite = await call('POST', cookies, {
			body: { text: 'casa', lang: 'es' },
			headers: { origin: 'https://evil.example' }
		});
		expect(crossSite.status).toBe(403);
		const sameSite = await call('POST', cookies, {
			body: { text: 'casa', lang: 'es' },
			headers: { origin: ORIGIN }
		});
		expect(sameSite.status).toBe(201);
	});
});

describe('PATCH and DELETE /api/vocabulary', () => {
	it('marks a word known without saving it first, then back to new', async () => {
		const cookies = jar();
		const known = await call('PATCH', cookies, {
			body: { text: 'pidieron', lang: 'es', status: 'known' }
		});
		expect(known.status).toBe(200);
		expect(known.body.item).toMatchObject({ text: 'pidieron', lemma: 'pedir', status: 'known' });
		const back = await call('PATCH', cookies, {
			body: { text: 'pidieron', lang: 'es', status: 'new' }
		});
		expect(back.body.item).toMatchObject({ id: known.body.item.id, status: 'new' });
		const bad = await call('PATCH', cookies, {
			body: { text: 'pidieron', lang: 'es', status: 'mastered' }
		});
		expect(bad.status).toBe(400);
	});

	it('removes an item of this learner only', async () => {
		const owner = jar();
		const other = jar();
		const saved = await call('POST', owner, { body: { text: 'hacia', lang: 'es' } });
		const id = saved.body.item.id;
		await call('POST', other, { body: { text: 'otra', lang: 'es' } });
		expect((await call('DELETE', other, { query: `?id=${id}` })).status).toBe(404);
		expect((await call('DELETE', owner, { query: '?id=abc' })).status).toBe(400);
		expect((await call('DELETE', owner, { query: `?id=${id}` })).status).toBe(204);
		expect((await call('DELETE', owner, { query: `?id=${id}` })).status).toBe(404);
	});
});

describe('GET /api/vocabulary?document=', () => {
	it('gives the share of the text’s distinct word lemmas the learner knows', async () => {
		const cookies = jar();
		const before = await call('GET', cookies, { query: `?document=${SLUG}` });
		expect(before.status).toBe(200);
		const total = before.body.share.total;
		// manifestante, marchar, hacia, el, pedir, elección (Spanish), protester, march, to, the (English)
		expect(total).toBeGreaterThanOrEqual(8);
		expect(before.body.share.known).toBe(0);
		// Known by any form: "manifestante" covers "manifestantes" twice, "marchar" covers "marcharon".
		await call('PATCH', cookies, { body: { text: 'manifestante', lang: 'es', status: 'known' } });
		await call('POST', cookies, { body: { text: 'marcharon', lang: 'es', status: 'known' } });
		await call('POST', cookies, { body: { text: 'hacia', lang: 'es' } });
		const after = await call('GET', cookies, { query: `?document=${SLUG}` });
		expect(after.body.share).toEqual({ known: 2, total });
		expect(after.body.learning).toEqual(['hacia']);
	});

	it('answers 404 for a text that does not exist', async () => {
		expect((await call('GET', jar(), { query: '?document=no-such-text' })).status).toBe(404);
	});
});
