// Redirects built from what a request says (Referer, a return field) stay inside the app.
import { describe, expect, it } from 'vitest';
import { appPath } from '$lib/server/redirect-target';

const APP = 'http://localhost:3000';

describe('the redirect target', () => {
	it('keeps a path of this app with its query and fragment', () => {
		expect(appPath('http://localhost:3000/doc/la-mosca?view=parallel#s3', APP)).toBe(
			'/doc/la-mosca?view=parallel#s3'
		);
		expect(appPath('/glossary?q=oea', APP)).toBe('/glossary?q=oea');
		expect(appPath('/glossary', new URL('/settings', APP))).toBe('/glossary');
	});

	it('never leaves the app', () => {
		for (const candidate of [
			'//evil.example/x',
			'///evil.example/x',
			'/\\evil.example/x',
			'\\\\evil.example/x',
			'http://evil.example/x',
			'https://localhost:3000/',
			'http://localhost:3001/',
			'http://localhost:3000@evil.example/',
			'javascript:alert(1)',
			'data:text/html,<script>alert(1)</script>',
			'\t//evil.example/x'
		])
			expect(appPath(candidate, APP), candidate).toBe('/');
	});

	it('turns a path of this app that looks like another host into a plain path', () => {
		// The Referer of a page at http://localhost:3000//evil.example/x is same-origin, but
		// "Location: //evil.example/x" would send the browser to evil.example.
		for (const referer of [
			'http://localhost:3000//evil.example/x',
			'http://localhost:3000/\\evil.example/x',
			'http://localhost:3000/%2F/evil.example'
		]) {
			const path = appPath(referer, APP);
			expect(path, referer).toMatch(/^\/[^/\\]/);
			expect(new URL(path, APP).origin, referer).toBe(new URL(APP).origin);
		}
	});

	it('gives / for anything that is not a URL or a path from the root, or nothing at all', () => {
		for (const candidate of [
			null,
			undefined,
			'',
			'not a url',
			'glossary',
			'%%%',
			'http://',
			'http://['
		])
			expect(appPath(candidate, APP), String(candidate)).toBe('/');
	});
});
