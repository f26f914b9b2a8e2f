// A form action's body that cannot be read becomes a 400 (or 413) the page can show, never a 500.
import { describe, expect, it } from 'vitest';
import { readForm } from '$lib/server/http';

const URL_ = 'http://localhost/glossary?/import';

function multipart(body: BodyInit, boundary: string | null = 'XyZ') {
	return new Request(URL_, {
		method: 'POST',
		headers: {
			'content-type': boundary ? `multipart/form-data; boundary=${boundary}` : 'multipart/form-data'
		},
		body
	});
}

const WELL_FORMED = [
	'--XyZ',
	'Content-Disposition: form-data; name="es"',
	'',
	'Toma de Lima',
	'--XyZ--',
	''
].join('\r\n');

describe('readForm', () => {
	it('reads a well-formed multipart body', async () => {
		const { form, failure } = await readForm(multipart(WELL_FORMED));
		expect(failure).toBeUndefined();
		expect(form?.get('es')).toBe('Toma de Lima');
	});

	it('reads an url-encoded body', async () => {
		const request = new Request(URL_, {
			method: 'POST',
			headers: { 'content-type': 'application/x-www-form-urlencoded' },
			body: 'lang=es&return=%2Fglossary'
		});
		const { form } = await readForm(request);
		expect(form?.get('return')).toBe('/glossary');
	});

	for (const [name, request] of [
		['a body cut off before its closing boundary', () => multipart(WELL_FORMED.slice(0, 60))],
		['a body with another boundary', () => multipart(WELL_FORMED, 'Other')],
		['a multipart type with no boundary', () => multipart(WELL_FORMED, null)],
		['garbage bytes', () => multipart(new Uint8Array([0, 255, 13, 10, 45, 45, 1, 2, 3]))]
	] as const)
		it(`answers 400 with a translated message for ${name}`, async () => {
			const { form, failure } = await readForm(request());
			expect(form).toBeUndefined();
			expect(failure?.status).toBe(400);
			expect(failure?.data).toEqual({
				error: { code: 'invalid-input', key: 'errors:form-unreadable' }
			});
		});

	it('answers 413 when the server cut the body at its size limit', async () => {
		// adapter-node's stream raises a SvelteKitError with status 413 past BODY_SIZE_LIMIT.
		const tooLarge = Object.assign(new Error('request body size exceeded BODY_SIZE_LIMIT'), {
			status: 413
		});
		const body = new ReadableStream({
			start(controller) {
				controller.error(tooLarge);
			}
		});
		const request = new Request(URL_, {
			method: 'POST',
			headers: { 'content-type': 'multipart/form-data; boundary=XyZ' },
			body,
			duplex: 'half'
		} as RequestInit);
		const { failure } = await readForm(request);
		expect(failure?.status).toBe(413);
		expect(failure?.data.error).toEqual({ code: 'text-too-large', key: 'errors:form-too-large' });
	});

	it('puts the error where the page looks for it', async () => {
		const { failure } = await readForm(multipart('not multipart'), (importError) => ({
			importError
		}));
		expect(failure?.status).toBe(400);
		expect(failure?.data.importError.key).toBe('errors:form-unreadable');
	});
});
