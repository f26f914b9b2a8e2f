// The JSON bodies of the API (/api/align, /api/detect, /api/vocabulary) are read by one parser:
// an object comes back with its fields as sent; anything else is invalid input, and bytes that
// are not UTF-8 are refused rather than read with U+FFFD in them.
import { describe, expect, it } from 'vitest';
import { parseJsonObject } from '$lib/server/json-body';

const utf8 = (text: string) => new TextEncoder().encode(text);

describe('parseJsonObject', () => {
	it('returns an object body with its fields as sent, accents and all', () => {
		expect(
			parseJsonObject(utf8('{"en": "The bridge", "es": "El puente", "presplit": true}'))
		).toEqual({ ok: true, value: { en: 'The bridge', es: 'El puente', presplit: true } });
		expect(parseJsonObject(utf8('  {"text": "Perú, año 2023"}\n'))).toEqual({
			ok: true,
			value: { text: 'Perú, año 2023' }
		});
	});

	it('reads a UTF-16 body by its byte order mark', () => {
		const body = '{"text": "señal"}';
		const le = new Uint8Array([0xff, 0xfe, ...new Uint8Array(Buffer.from(body, 'utf16le'))]);
		const be = new Uint8Array(Buffer.from(body, 'utf16le').swap16());
		expect(parseJsonObject(le)).toEqual({ ok: true, value: { text: 'señal' } });
		expect(parseJsonObject(new Uint8Array([0xfe, 0xff, ...be]))).toEqual({
			ok: true,
			value: { text: 'señal' }
		});
	});

	it('refuses anything but an object, and text that is not JSON, as invalid input', () => {
		for (const body of ['[1, 2]', '"text"', '42', 'null', 'true', '', '{"text": ', 'text=hola'])
			expect(parseJsonObject(utf8(body)), body).toEqual({
				ok: false,
				error: {
					code: 'invalid-input',
					key: 'errors:invalid-input',
					params: { detail: 'expected a JSON object' }
				}
			});
	});

	it('refuses bytes that are not UTF-8 instead of reading them as U+FFFD', () => {
		const latin1 = new Uint8Array([...utf8('{"text": "Per'), 0xfa, ...utf8('"}')]);
		expect(parseJsonObject(latin1)).toMatchObject({ ok: false, error: { code: 'file-not-utf8' } });
	});
});
