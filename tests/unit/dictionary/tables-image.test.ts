// The image of the dictionary's tables that `puente` keeps beside its bundle must give back
// exactly the tables that indexing the JSON data makes: a lookup is a function of its tables, so
// equal tables answer every word as before.
import { describe, expect, it } from 'vitest';
import data from '../../../src/lib/data/dictionary/dictionary.json';
import { dictionaryImage } from '../../../src/lib/core/dictionary';
import {
	imageSources,
	isTablesImage,
	parseTables,
	tablesFromImage,
	tablesImage,
	type LanguageSource,
	type LanguageTables
} from '../../../src/lib/core/dictionary/tables';

const sources = data as unknown as Record<'en' | 'es', LanguageSource> & {
	sources: Record<string, string>;
};

/**
 * Every field of two languages' tables equal: typed arrays compared as bytes (a deep toEqual of
 * arrays of 130,000 numbers takes seconds), the rest as toEqual does.
 */
function expectSameTables(read: LanguageTables, parsed: LanguageTables): void {
	expect(Object.keys(read).sort()).toEqual(Object.keys(parsed).sort());
	for (const key of Object.keys(parsed) as (keyof LanguageTables)[]) {
		const [a, b] = [read[key], parsed[key]];
		if (b instanceof Int32Array) {
			expect(a, key).toBeInstanceOf(Int32Array);
			const bytes = (x: Int32Array) => Buffer.from(x.buffer, x.byteOffset, x.byteLength);
			expect(bytes(a as Int32Array).equals(bytes(b)), key).toBe(true);
		} else expect(a, key).toEqual(b);
	}
}

describe("the dictionary tables' image", () => {
	const image = dictionaryImage();

	it('gives back the tables indexing the data makes, in both languages', () => {
		for (const lang of ['en', 'es'] as const) {
			const parsed = parseTables(sources[lang]);
			const read = tablesFromImage(image, lang);
			expect(read.lemmaText).toBe(parsed.lemmaText);
			expect(read.suffixText).toBe(parsed.suffixText);
			expect(read.lineStart.length).toBeGreaterThan(30_000);
			expectSameTables(read, parsed);
		}
	});

	it('keeps the sources and survives an unaligned copy of its bytes', () => {
		expect(imageSources(image)).toEqual(sources.sources);
		const shifted = new Uint8Array(image.length + 1);
		shifted.set(image, 1);
		const unaligned = shifted.subarray(1);
		expect(isTablesImage(unaligned)).toBe(true);
		expectSameTables(tablesFromImage(unaligned, 'es'), parseTables(sources.es));
		// As the command reads it: a Node Buffer, whose slice() does not copy, and its decoder.
		const decode = (text: Uint8Array) =>
			Buffer.from(text.buffer, text.byteOffset, text.length).toString('utf16le');
		expectSameTables(tablesFromImage(Buffer.from(image), 'en', decode), parseTables(sources.en));
	});

	it('is told apart from other bytes', () => {
		expect(isTablesImage(new Uint8Array(0))).toBe(false);
		expect(isTablesImage(new TextEncoder().encode('{"en": {}}'))).toBe(false);
		const other = tablesImage({}, {});
		expect(isTablesImage(other)).toBe(true);
		expect(() => tablesFromImage(image.subarray(4), 'en')).toThrow();
	});
});
