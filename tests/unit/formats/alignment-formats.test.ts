import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseBeads, writeBeads } from '$lib/core/formats/beads';
import { readTmx, writeTmx } from '$lib/core/formats/tmx';
import { readTsv, writeTsv } from '$lib/core/formats/tsv';
import { parseAlignmentJson, writeAlignmentJson } from '$lib/core/formats/alignment-json';
import type { Bead } from '$lib/core/types';

const beads: Bead[] = [
	{ en: [0], es: [0], confidence: 0.9 },
	{ en: [1, 2], es: [1], confidence: 0.75 },
	{ en: [3], es: [], confidence: 0.5 },
	{ en: [], es: [2], confidence: 0.25 },
	{ en: [4], es: [3, 4], confidence: 1 }
];
const en = [
	'Hello & welcome.',
	'Tabs\there',
	'and a line\nbreak',
	'Only English <b>.',
	'“Quotes” and 100%'
];
const es = [
	'Hola y bienvenidos.',
	'Tabuladores aquí y un salto',
	'Solo español.',
	'«Comillas»',
	'y 100 %'
];

describe('vecalign beads', () => {
	it('parse ∘ write is the identity (confidence to three decimals)', () => {
		const parsed = parseBeads(writeBeads(beads));
		expect(parsed.ok && parsed.value).toEqual(beads);
	});

	it('reads gold files without a third field and vecalign costs beside them', () => {
		const parsed = parseBeads('[0]:[0]\n[1,2]:[1]\n[3]:[]\n[]:[2]:0.1234\n');
		expect(parsed.ok && parsed.value.map((b) => b.confidence)).toEqual([1, 1, 1, 0.1234]);
	});

	it('rejects a malformed line with its number', () => {
		const parsed = parseBeads('[0]:[0]\n[1 2]:[1\n');
		expect(!parsed.ok && parsed.error).toMatchObject({
			code: 'format-invalid',
			params: { format: 'beads' }
		});
		expect(!parsed.ok && String(parsed.error.params?.detail)).toMatch(/line 2/);
	});
});

describe('TSV', () => {
	it('writes a header of language tags and spreadsheet quoting, and reads the pairs back', () => {
		const text = writeTsv(beads, en, es);
		expect(text.split('\r\n')[0]).toBe('en\tes\tconfidence\treviewed');
		const pairs = readTsv(text);
		expect(pairs).toHaveLength(beads.length);
		expect(pairs[1]).toEqual({
			en: 'Tabs\there and a line\nbreak',
			es: 'Tabuladores aquí y un salto',
			confidence: 0.75
		});
		expect(pairs[2]).toEqual({ en: 'Only English <b>.', es: '', confidence: 0.5 });
	});
});

describe('TMX 1.4b', () => {
	const tmx = writeTmx(beads, en, es);

	it('round-trips the translation pairs with their confidence', () => {
		const read = readTmx(tmx);
		if (!read.ok) throw new Error(JSON.stringify(read.error));
		expect(read.value.srcLang).toBe('en');
		expect(read.value.units).toEqual([
			{ en: 'Hello & welcome.', es: 'Hola y bienvenidos.', confidence: 0.9 },
			{ en: 'Tabs\there and a line\nbreak', es: 'Tabuladores aquí y un salto', confidence: 0.75 },
			{ en: '“Quotes” and 100%', es: '«Comillas» y 100 %', confidence: 1 }
		]);
	});

	it('is valid against the TMX 1.4b DTD', () => {
		const dtd = new URL('../../fixtures/formats/tmx14.dtd', import.meta.url).pathname;
		let xmllint = true;
		try {
			execFileSync('xmllint', ['--version'], { stdio: 'ignore' });
		} catch {
			xmllint = false;
		}
		if (!xmllint || !existsSync(dtd)) return expect(tmx).toContain('<tmx version="1.4">');
		const file = join(mkdtempSync(join(tmpdir(), 'puente-tmx-')), 'out.tmx');
		writeFileSync(file, tmx);
		expect(() =>
			execFileSync('xmllint', ['--noout', '--dtdvalid', dtd, file], { stdio: 'pipe' })
		).not.toThrow();
	});

	it('gives a format-invalid UserError for malformed XML and for XML that is not TMX', () => {
		for (const bad of [
			'<tmx><header></tmx>',
			'<?xml version="1.0"?><html><body/></html>',
			'not xml at all <'
		]) {
			const read = readTmx(bad);
			expect(!read.ok && read.error).toMatchObject({
				code: 'format-invalid',
				key: 'errors:format-invalid',
				params: { format: 'TMX' }
			});
		}
	});

	it('rejects a variant without a language', () => {
		const read = readTmx(
			'<tmx version="1.4"><header srclang="en"/><body><tu><tuv><seg>x</seg></tuv></tu></body></tmx>'
		);
		expect(!read.ok && String(read.error.params?.detail)).toMatch(/xml:lang/);
	});
});

describe('alignment JSON', () => {
	it('round-trips beads with confidences and texts', () => {
		const parsed = parseAlignmentJson(writeAlignmentJson(beads, en, es));
		if (!parsed.ok) throw new Error(parsed.error.code);
		expect(parsed.value.beads.map(({ en, es, confidence }) => ({ en, es, confidence }))).toEqual(
			beads
		);
		expect(parsed.value.beads[1].enText).toBe('Tabs\there and a line\nbreak');
	});

	it('rejects JSON that is not an alignment', () => {
		const parsed = parseAlignmentJson('{"beads": 3}');
		expect(!parsed.ok && parsed.error.code).toBe('format-invalid');
	});
});
