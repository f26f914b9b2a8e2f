// Off by default: without PUENTE_AUTH the app is personal, with no account and no check, so a
// post to edit reaches its action as it always did.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Handle, RequestEvent } from '@sveltejs/kit';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { sharedModeFromEnv } from '$lib/server/auth/mode';

afterAll(() => {
	vi.unstubAllEnvs();
	vi.resetModules();
});

describe('the personal app', () => {
	it('reads PUENTE_AUTH as off unless it says on', () => {
		expect(sharedModeFromEnv({})).toBe(false);
		expect(sharedModeFromEnv({ PUENTE_AUTH: '' })).toBe(false);
		expect(sharedModeFromEnv({ PUENTE_AUTH: 'off' })).toBe(false);
		expect(sharedModeFromEnv({ PUENTE_AUTH: 'on' })).toBe(true);
		expect(sharedModeFromEnv({ PUENTE_AUTH: ' ON ' })).toBe(true);
	});

	it('lets a post to edit through to its action with no account', async () => {
		vi.stubEnv('PUENTE_AUTH', '');
		vi.stubEnv('PUENTE_DB', join(mkdtempSync(join(tmpdir(), 'puente-personal-')), 'p.db'));
		vi.resetModules();
		const { handle } = (await import('../../../src/hooks.server')) as { handle: Handle };
		const url = new URL('http://localhost/doc/x?/edit');
		const event = {
			request: new Request(url, {
				method: 'POST',
				headers: { host: 'localhost', origin: 'http://localhost' },
				body: 'kind=review'
			}),
			url,
			route: { id: '/doc/[id]' },
			params: {},
			locals: {},
			cookies: { get: () => undefined, getAll: () => [], set() {}, delete() {} },
			getClientAddress: () => '127.0.0.1'
		} as unknown as RequestEvent;
		const resolve = vi.fn(async () => new Response('the action ran'));
		const response = await handle({ event, resolve });
		expect(resolve).toHaveBeenCalledOnce();
		expect(await response.text()).toBe('the action ran');
		expect(event.locals.user).toBeNull();
	}, 60_000);
});
