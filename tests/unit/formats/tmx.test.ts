import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readTmx, writeTmxUnits, type TranslationUnit } from '$lib/core/formats/tmx';
import { decodeFileBytes } from '$lib/core/formats/encoding';
import {
	fixture,
	fixtureBytes,
	fixtureText,
	hasTranslateToolkit,
	hasXmllint,
	needTool,
	PYTHON
} from './tools';

const read = (text: string, languages?: { en: string; es: string }) => {
	const result = readTmx(text, languages);
	if (!result.ok) throw new Error(String(result.error.params?.detail));
	return result.value;
};
const detailOf = (text: string) => {
	const result = readTmx(text);
	return result.ok ? undefined : result.error.params;
};
const tmxOf = (units: string) =>
	`<?xml version="1.0" encoding="UTF-8"?>\n<tmx version="1.4"><header srclang="en" creationtool="t" creationtoolversion="1" segtype="sentence" o-tmf="t" adminlang="en" datatype="plaintext"/>\n<body>\n${units}\n</body></tmx>\n`;

describe('TMX from the field’s tools', () => {
	it('reads OmegaT level-2 TMX as clean text in order: codes dropped, references decoded, nbsp kept', () => {
		const tmx = read(fixtureText('omegat-level2.tmx'));
		expect(tmx.units.map(({ en, es }) => ({ en, es }))).toEqual([
			{
				en: 'The national strike began on Monday in Puno.',
				es: 'El paro nacional empezó el lunes en Puno.'
			},
			{
				en: 'Click Save to keep your changes.',
				es: 'Pulse Guardar para conservar los cambios.'
			},
			{ en: 'The minister resigned on Tuesday.', es: 'El ministro renunció el martes.' },
			{ en: 'It wasn’t over yet.', es: 'Todavía no había terminado.' },
			{ en: 'Prices rose by 5\u00a0% in Lima.', es: 'Los precios subieron un 5\u00a0% en Lima.' }
		]);
		expect(tmx.languages).toEqual({ en: 'en-US', es: 'es' });
		// bpt+ept, bpt+ept, ph+ph and it, on both sides.
		expect(tmx.notes.inlineCodes).toBe(14);
	});

	it('reads the level-2 TMX that OmegaT 3.6.0 itself exported (omegat-3.6-project)', () => {
		const tmx = read(fixtureText('omegat-3.6-level2.tmx'));
		expect(tmx.units.map(({ en, es }) => ({ en, es }))).toEqual([
			{
				en: 'The national strike began on Monday in Puno.',
				es: 'El paro nacional empezó el lunes en Puno.'
			},
			{ en: 'Click Save to keep your changes.', es: 'Pulse Guardar para conservar los cambios.' },
			{ en: 'It wasn’t over yet.', es: 'Todavía no había terminado.' },
			{ en: 'News from Puno', es: 'Noticias de Puno' },
			{ en: 'Prices rose by 5\u00a0% in Lima.', es: 'Los precios subieron un 5\u00a0% en Lima.' },
			{ en: 'The minister', es: 'El ministro' },
			{ en: 'en', es: 'es' },
			{ en: 'resigned on Tuesday.', es: 'renunció el martes.' }
		]);
		expect(tmx.notes.inlineCodes).toBe(14);
	});

	it('keeps <hi> text where it stands and drops <sub> with the code it belongs to', () => {
		const tmx = read(fixtureText('inline-hi-sub.tmx'));
		expect(tmx.units[0]).toEqual({
			en: 'This is very important news for Peru.',
			es: 'Esta es una noticia muy importante para el Perú.'
		});
		expect(tmx.units[1]).toEqual({ en: 'See the map below.', es: 'Vea el mapa abajo.' });
	});

	it('reads po2tmx output from a Debian .po: line breaks and indentation as written, &#13; as a CR', () => {
		const tmx = read(fixtureText('po2tmx-debian-es.tmx'));
		const options = tmx.units.find((u) => u.en.includes('--files-without-match'))!;
		expect(options.en.split('\n')[0]).toBe(
			'  -L, --files-without-match  print only names of FILEs with no selected lines'
		);
		expect(options.es).toContain(
			'\n                            que no contienen líneas seleccionadas\n'
		);
		expect(tmx.units.some((u) => u.en.includes('ARG1 != ARG2'))).toBe(true);
		const cr = read(fixtureText('po2tmx-cr.tmx'));
		expect(cr.units[0].es).toBe('Pulse Intro\r\npara continuar');
	});

	it('reads a UTF-16 TMX with a BOM (LE and BE) like the UTF-8 one', () => {
		const utf8 = fixtureText('omegat-level2.tmx');
		const utf16 = utf8.replace('encoding="UTF-8"', 'encoding="UTF-16"');
		const le = new Uint8Array([0xff, 0xfe, ...Buffer.from(utf16, 'utf16le')]);
		const be = new Uint8Array(
			[0xfe, 0xff, ...Buffer.from(utf16, 'utf16le')].map((_, i, all) =>
				i < 2 ? all[i] : all[i % 2 === 0 ? i + 1 : i - 1]
			)
		);
		for (const bytes of [le, be]) {
			const decoded = decodeFileBytes(bytes);
			if (!decoded.ok) throw new Error(decoded.error.key);
			expect(read(decoded.value.text).units).toEqual(read(utf8).units);
		}
		expect(decodeFileBytes(fixtureBytes('omegat-level2.tmx')).ok).toBe(true);
	});
});

describe('TMX variants by region', () => {
	const units = tmxOf(`<tu>
  <tuv xml:lang="en-GB"><seg>The colour of the flag</seg></tuv>
  <tuv xml:lang="en"><seg>The color of the flag</seg></tuv>
  <tuv xml:lang="es-419"><seg>El color de la bandera</seg></tuv>
</tu>`);

	it('never lets an en-GB variant replace en silently: a fixed rule chooses, and the other is counted', () => {
		const tmx = read(units);
		expect(tmx.units[0].en).toBe('The color of the flag');
		expect(tmx.notes.otherVariants).toEqual({ 'en-GB': 1 });
		expect(tmx.languages).toEqual({ en: 'en', es: 'es-419' });
		// The same choice whatever the order of the variants.
		const swapped = units.replace(
			/(<tuv xml:lang="en-GB">.*<\/tuv>)\n(\s*<tuv xml:lang="en">.*<\/tuv>)/,
			'$2\n$1'
		);
		expect(read(swapped).units[0].en).toBe('The color of the flag');
	});

	it('reads the variant a caller asks for by its full tag', () => {
		const tmx = read(units, { en: 'en-GB', es: 'es' });
		expect(tmx.units[0].en).toBe('The colour of the flag');
		expect(tmx.notes.otherVariants).toEqual({ en: 1 });
	});

	it('writes the region codes it is given, and reads them back', () => {
		const text = writeTmxUnits([{ en: 'Colour', es: 'Color' }], {
			srcLang: 'en-GB',
			tgtLang: 'es-419'
		});
		expect(text).toContain('<tuv xml:lang="en-GB">');
		expect(read(text).languages).toEqual({ en: 'en-GB', es: 'es-419' });
	});
});

describe('TMX that must be refused, with a line and a column', () => {
	it('refuses a billion-laughs file before anything expands', () => {
		const lol = `<?xml version="1.0"?>
<!DOCTYPE tmx [
  <!ENTITY lol "lol">
  <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
  <!ENTITY lol9 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
]>
<tmx version="1.4"><header srclang="en"/><body><tu><tuv xml:lang="en"><seg>&lol9;</seg></tuv></tu></body></tmx>`;
		expect(detailOf(lol)).toMatchObject({ line: 3, column: 3 });
		expect(String(detailOf(lol)?.detail)).toMatch(/entity declarations/);
	});

	it('refuses an external entity and any entity XML does not define, never keeping it as text', () => {
		const xxe = `<?xml version="1.0"?>\n<!DOCTYPE tmx [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>\n<tmx/>`;
		expect(String(detailOf(xxe)?.detail)).toMatch(/entity declarations/);
		const nbsp = tmxOf('<tu><tuv xml:lang="en"><seg>a&nbsp;b</seg></tuv></tu>');
		expect(detailOf(nbsp)).toMatchObject({ line: 4, column: 30 });
		expect(String(detailOf(nbsp)?.detail)).toMatch(/&nbsp;/);
		expect(detailOf(tmxOf('<tu><tuv xml:lang="en"><seg>&#0;</seg></tuv></tu>'))).toBeDefined();
	});

	it('names the line and column of malformed XML and of a variant without a language', () => {
		expect(detailOf('<tmx>\n<header/>\n<body></tmx>')).toMatchObject({ line: 3 });
		const noLang = tmxOf('<tu>\n<tuv><seg>x</seg></tuv></tu>');
		expect(detailOf(noLang)).toMatchObject({ line: 5, column: 1 });
		expect(String(detailOf(noLang)?.detail)).toMatch(/xml:lang/);
	});
});

describe('TMX round trips', () => {
	const units: TranslationUnit[] = [
		{ en: 'ARG1 != ARG2', es: 'ARG1 != ARG2', confidence: 0.5, reviewed: true },
		{ en: 'Two\nlines and\u00a0a nbsp', es: 'Dos\nlíneas y\u00a0un nbsp', confidence: 0.873 },
		{ en: '  -L, --files-without-match\r\n', es: '  -L, \t<b>&amp;</b> "x"', confidence: 1 },
		{ en: 'It wasn’t 5 < 6 & “so”', es: 'No era ¿así? ¡Sí!' }
	];

	it('write → read is the identity, confidences and review marks included; read → write too', () => {
		const text = writeTmxUnits(units, { srcLang: 'en-US', tgtLang: 'es-ES' });
		const back = read(text);
		expect(back.units).toEqual(units);
		expect(writeTmxUnits(back.units, { srcLang: 'en-US', tgtLang: 'es-ES' })).toBe(text);
	});

	it('is valid against the TMX 1.4b DTD (xmllint)', (context) => {
		if (!needTool(hasXmllint)) return context.skip('xmllint is not installed');
		const file = join(mkdtempSync(join(tmpdir(), 'puente-tmx-')), 'out.tmx');
		writeFileSync(file, writeTmxUnits(units));
		expect(() =>
			execFileSync('xmllint', ['--noout', '--dtdvalid', fixture('tmx14.dtd'), file], {
				stdio: 'pipe'
			})
		).not.toThrow();
	});

	it('is read by translate-toolkit as the same pairs', (context) => {
		if (!needTool(hasTranslateToolkit)) return context.skip('translate-toolkit is not installed');
		const file = join(mkdtempSync(join(tmpdir(), 'puente-tmx-')), 'out.tmx');
		writeFileSync(file, writeTmxUnits(units, { srcLang: 'en-US', tgtLang: 'es-ES' }));
		const script =
			'import json,sys\nfrom translate.storage import tmx\n' +
			'store = tmx.tmxfile.parsefile(sys.argv[1])\n' +
			'print(json.dumps([[u.source, u.target] for u in store.units]))';
		const pairs = JSON.parse(execFileSync(PYTHON, ['-c', script, file], { encoding: 'utf8' }));
		expect(pairs).toEqual(units.map((u) => [u.en, u.es]));
	});
});
