// One ASCII slug maker for documents' addresses and glossary entries' TBX ids.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { asciiSlug } from '../../../src/lib/core/text/slug';
import { slugify } from '../../../src/lib/server/contribute';
import { exportTbx, readTbx } from '../../../src/lib/core/formats/tbx';
import type { GlossaryEntry } from '../../../src/lib/core/glossary/types';

describe('asciiSlug', () => {
	it('drops accents, splits ligatures, joins words with single hyphens', () => {
		expect(asciiSlug('Año de Perú')).toBe('ano-de-peru');
		expect(asciiSlug('  ¡Toma de Lima!  ')).toBe('toma-de-lima');
		expect(asciiSlug('ﬁesta — Ñandú')).toBe('fiesta-nandu');
		expect(asciiSlug('OEA/OAS')).toBe('oea-oas');
	});

	it('is empty when nothing is left, and never ends in a hyphen when cut', () => {
		expect(asciiSlug('Ελλάδα')).toBe('');
		expect(asciiSlug('¿!?')).toBe('');
		expect(asciiSlug('abc def', 4)).toBe('abc');
	});

	it('gives only a-z, 0-9 and single inner hyphens, within the length, for any text', () => {
		fc.assert(
			fc.property(fc.string({ unit: 'grapheme', maxLength: 80 }), fc.nat(70), (text, max) => {
				const slug = asciiSlug(text, max);
				expect(slug).toMatch(/^(?:[a-z0-9]+(?:-[a-z0-9]+)*)?$/);
				expect(slug.length).toBeLessThanOrEqual(max);
			})
		);
	});

	it("documents' slugs keep their own fallbacks: never empty, never all digits", () => {
		expect(slugify('Ελλάδα')).toBe('text');
		expect(slugify('2023')).toBe('text-2023');
		expect(slugify('Año de Perú')).toBe('ano-de-peru');
	});

	it('a TBX round trip keeps the ids the slug made', () => {
		const entry = {
			id: 'toma-de-lima',
			type: 'event',
			es: 'Toma de Lima',
			en: 'Takeover of Lima',
			variants: [],
			explanation: { en: 'A march on the capital.', es: 'Una marcha a la capital.' }
		} as unknown as GlossaryEntry;
		const first = readTbx(exportTbx([entry]));
		if (!first.ok) throw new Error('unreadable');
		const again = readTbx(exportTbx(first.value.entries));
		if (!again.ok) throw new Error('unreadable');
		expect(again.value.entries).toEqual(first.value.entries);
		expect(first.value.entries.map((e) => e.id)).toEqual(['toma-de-lima']);
	});
});
