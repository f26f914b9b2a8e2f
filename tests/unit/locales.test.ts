// Every UI string exists in both languages: a key in one locale file and not in the other is a
// string some reader would see untranslated.
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '../..');

function keys(value: unknown, prefix = ''): string[] {
	if (value && typeof value === 'object')
		return Object.entries(value).flatMap(([k, v]) => keys(v, prefix ? `${prefix}.${k}` : k));
	return [prefix];
}

/** i18next plural forms differ by language; compare the base key. */
const base = (key: string) => key.replace(/_(zero|one|two|few|many|other)$/, '');

describe('locale files', () => {
	const files = readdirSync(join(root, 'locales/en')).filter((f) => f.endsWith('.json'));

	it('exist in both languages', () => {
		expect(files.length).toBeGreaterThan(0);
		expect(readdirSync(join(root, 'locales/es')).sort()).toEqual(files.sort());
	});

	for (const file of files) {
		it(`${file} has the same keys in English and Spanish`, () => {
			const en = JSON.parse(readFileSync(join(root, 'locales/en', file), 'utf8'));
			const es = JSON.parse(readFileSync(join(root, 'locales/es', file), 'utf8'));
			expect(new Set(keys(es).map(base))).toEqual(new Set(keys(en).map(base)));
		});

		it(`${file} has no empty strings`, () => {
			for (const lang of ['en', 'es']) {
				const data = JSON.parse(readFileSync(join(root, 'locales', lang, file), 'utf8'));
				const empty = keys(data).filter((k) => k.split('.').reduce((o, p) => o[p], data) === '');
				expect(empty, `${lang}/${file}`).toEqual([]);
			}
		});
	}
});
