// How file bytes become text: UTF-8 and UTF-16 recognised, Windows-1252 only when chosen, and
// then only for a file that is not UTF-8 (one choice covers both files of a pair).
import { describe, expect, it } from 'vitest';
import { decodeFileBytes } from '$lib/core/formats/encoding';

const cp1252 = (text: string) =>
	Uint8Array.from([...text].map((c) => (c === '’' ? 0x92 : c.charCodeAt(0))));
const SPANISH = 'El río creció durante la noche; los niños vieron el puente.';

describe('decoding a file', () => {
	it('refuses Windows-1252 bytes unless the person chose that encoding, then reads them', () => {
		const bytes = cp1252(SPANISH);
		expect(decodeFileBytes(bytes)).toMatchObject({ ok: false, error: { code: 'file-not-utf8' } });
		expect(decodeFileBytes(bytes, { encoding: 'windows-1252' })).toMatchObject({
			ok: true,
			value: { text: SPANISH, encoding: 'windows-1252' }
		});
	});

	it('reads a UTF-8 file as UTF-8 even when Windows-1252 was chosen for its pair', () => {
		const text = 'By nine o’clock the stalls are crowded — café, señor.';
		const decoded = decodeFileBytes(new TextEncoder().encode(text), { encoding: 'windows-1252' });
		expect(decoded).toMatchObject({ ok: true, value: { text, encoding: 'utf-8' } });
	});
});
