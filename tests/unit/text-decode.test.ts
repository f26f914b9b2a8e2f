import { describe, expect, it } from 'vitest';
import { checkUserText, decodeUserBytes, MAX_INPUT_BYTES } from '../../src/lib/core/text/decode';

const bytes = (s: string) => new TextEncoder().encode(s);

describe('decodeUserBytes', () => {
	it('decodes UTF-8 and drops a byte order mark', () => {
		const result = decodeUserBytes(new Uint8Array([0xef, 0xbb, 0xbf, ...bytes('¿Qué pasó?')]));
		expect(result).toEqual({ ok: true, value: '¿Qué pasó?' });
	});

	it('refuses empty and blank text', () => {
		for (const input of ['', '  \n\t ']) {
			const result = decodeUserBytes(bytes(input));
			expect(result.ok || result.error.code).toBe('text-empty');
		}
	});

	it('refuses Latin-1 text that is not UTF-8', () => {
		const latin1 = new Uint8Array([0x50, 0x65, 0x72, 0xfa, 0x20, 0x61, 0xf1, 0x6f]); // "Perú año"
		const result = decodeUserBytes(latin1);
		expect(result.ok || result.error.code).toBe('file-not-utf8');
	});

	it('refuses binary files', () => {
		const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]);
		const result = decodeUserBytes(png);
		expect(result.ok || result.error.code).toBe('file-binary');
	});

	it('refuses more than 5 MB', () => {
		const big = new Uint8Array(MAX_INPUT_BYTES + 1).fill(0x61);
		const result = decodeUserBytes(big);
		expect(result.ok || result.error.code).toBe('text-too-large');
	});
});

describe('checkUserText at the 5 MB limit', () => {
	// The limit is in UTF-8 bytes, whatever the characters: a text of exactly 5 MB passes, one
	// byte more does not, with 2-, 3- and 4-byte characters (a 4-byte one is two UTF-16 units).
	const cases: [string, number][] = [
		['ñ', 2],
		['€', 3],
		['😀', 4]
	];
	for (const [char, size] of cases)
		it(`counts ${char} as ${size} bytes`, () => {
			const fill = char.repeat(Math.floor(MAX_INPUT_BYTES / size));
			const exact = fill + 'a'.repeat(MAX_INPUT_BYTES % size);
			expect(new TextEncoder().encode(exact).length).toBe(MAX_INPUT_BYTES);
			expect(checkUserText(exact).ok).toBe(true);
			const over = checkUserText(exact + 'a');
			expect(over.ok || over.error.code).toBe('text-too-large');
			expect(decodeUserBytes(bytes(exact)).ok).toBe(true);
		});
});
