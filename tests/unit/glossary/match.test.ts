import { describe, expect, it } from 'vitest';
import {
	createGlossaryMatcher,
	findFormConflicts,
	glossarySurfaceForms,
	type GlossaryEntry
} from '../../../src/lib/core/glossary';
import { corpus, glossary } from './corpus';

const matcher = createGlossaryMatcher(glossary);
/** What the reader sees: each match as [the text it covers, the entry]. */
const found = (text: string) =>
	matcher.find(text).map((m) => [text.slice(m.start, m.end), m.entryId]);
const ids = (text: string) => matcher.find(text).map((m) => m.entryId);

describe('glossary matching on sentences from the corpus', () => {
	it('ignores accents: "Perú", "Peru" and "Lopez Obrador" without accents', () => {
		expect(found('Perú, brutal Repression of Massive Resistance')).toEqual([['Perú', 'peru']]);
		expect(found('Protests in Peru’s capital continue')).toEqual([['Peru', 'peru']]);
		expect(found('Andres Manuel Lopez Obrador immediately denounced the coup')).toEqual([
			['Andres Manuel Lopez Obrador', 'lopez-obrador'],
			['coup', 'golpe-de-estado']
		]);
	});

	it('ignores case in terms of several words and lower-case terms', () => {
		expect(found('the dissolution of congress, new elections and a constituent assembly')).toEqual([
			['new elections', 'adelanto-de-elecciones'],
			['constituent assembly', 'asamblea-constituyente']
		]);
		expect(found('Nobody went home since the General Strike started')).toEqual([
			['General Strike', 'huelga-general']
		]);
		expect(found('LA TOMA DE LIMA')).toEqual([['LA TOMA DE LIMA', 'toma-de-lima']]);
	});

	it('needs a capital for one-word names, so Spanish common words stay words', () => {
		expect(ids('Visitamos el castillo, compramos una lima y vimos el arce.')).toEqual([]);
		expect(found('He broke with his party when Castillo was in office')).toEqual([
			['Castillo', 'pedro-castillo']
		]);
		expect(found('PERÚ')).toEqual([['PERÚ', 'peru']]);
	});

	it('prefers the longest term: Peru Libre over Peru, Libertad Avanza over La Libertad', () => {
		expect(found('He broke with his party, Peru Libre, when openly challenged')).toEqual([
			['Peru Libre', 'peru-libre']
		]);
		expect(found('Javier Milei of the growing Libertad Avanza party')).toEqual([
			['Javier Milei', 'javier-milei'],
			['Libertad Avanza', 'la-libertad-avanza']
		]);
		expect(found('sporadic roadblocks have been reported in La Libertad and Amazonas')).toEqual([
			['La Libertad', 'la-libertad'],
			['Amazonas', 'amazonas']
		]);
		expect(found('tearing up the 1993 Fujimorista constitution')).toEqual([
			['1993 Fujimorista constitution', 'constitucion-de-1993']
		]);
		expect(found('the oldest Inca Trail and the Inca Empire')).toEqual([
			['Inca Trail', 'camino-inca'],
			['Inca Empire', 'incas']
		]);
	});

	it('returns non-overlapping matches in order, with UTF-16 offsets into the original text', () => {
		const text = '👋 ¡Qué pena! la «preocupación» de la OEA — golpe de Estado en Perú';
		const matches = matcher.find(text);
		expect(matches.map((m) => text.slice(m.start, m.end))).toEqual([
			'OEA',
			'golpe de Estado',
			'Perú'
		]);
		expect(matches[0]).toEqual({
			start: text.indexOf('OEA'),
			end: text.indexOf('OEA') + 3,
			entryId: 'oea',
			form: 'OEA'
		});
		for (let i = 1; i < matches.length; i++)
			expect(matches[i].start).toBeGreaterThanOrEqual(matches[i - 1].end);
		for (const text of Object.values(corpus)) {
			const all = matcher.find(text);
			for (let i = 1; i < all.length; i++)
				expect(all[i].start).toBeGreaterThanOrEqual(all[i - 1].end);
		}
	});

	it('reads decomposed accents and letters outside the Basic Multilingual Plane as parts of words', () => {
		const decomposed = 'En Peru\u0301 y la OEA';
		expect(found(decomposed)).toEqual([
			['Peru\u0301', 'peru'],
			['OEA', 'oea']
		]);
		expect(ids('𝐏eru Perú𝐱 😀Perú😀')).toEqual(['peru']);
	});

	it('treats digits and spelled numbers alike: 4, Cuatro, four', () => {
		for (const text of [
			'Marcha de los 4 Suyos en Lima',
			'la Marcha de los Cuatro Suyos en Lima',
			'the March of the Four Suyos in Lima',
			'marcha de los cuatro suyos en Lima'
		])
			expect(ids(text), text).toEqual(['marcha-de-los-cuatro-suyos', 'lima']);
		expect(ids('Marcha de los 5 Suyos')).toEqual([]);
	});

	it('folds plural and gender: Fujimoristas, fujimorista, andina, conquistadores, national strikes', () => {
		expect(
			found('indistinguishable from the far-right Fujimoristas she campaigned against')
		).toEqual([['Fujimoristas', 'fujimorismo']]);
		expect(ids('un congresista fujimorista y dos fujimoristas')).toEqual([
			'fujimorismo',
			'fujimorismo'
		]);
		expect(found('todo lo que sucede en la nación andina')).toEqual([['andina', 'andes']]);
		expect(found('among others, the Conquistadores, who enslaved')).toEqual([
			['Conquistadores', 'conquistadores']
		]);
		expect(found('el conquistador llegó')).toEqual([['conquistador', 'conquistadores']]);
		expect(found('calling a series of “national strikes.”')).toEqual([
			['national strikes', 'paro-nacional']
		]);
		expect(found('Aymaras the Moon')).toEqual([['Aymaras', 'aymara']]);
	});

	it('respects word boundaries: not inside other words, but across hyphens and after #', () => {
		expect(ids('LOEAX SPNP PNPs CGTPX')).toEqual([]);
		expect(found('#OEA')).toEqual([['OEA', 'oea']]);
		expect(found('the PNP raided Lima’s San Marcos university')).toEqual([
			['PNP', 'pnp'],
			['Lima', 'lima'],
			['San Marcos university', 'universidad-de-san-marcos']
		]);
		expect(found('threatens coup-Government')).toEqual([['coup', 'golpe-de-estado']]);
	});

	it('matches abbreviations in capitals only: "OAS" is found, "oas" and "Oas" are not', () => {
		expect(found('what the OAS is for')).toEqual([['OAS', 'oea']]);
		expect(ids('the oas of the desert; la oea; Oas; Pnp; celac')).toEqual([]);
	});

	it('does not run a term across a comma, a dash or a blank line', () => {
		expect(ids('San, Marcos')).toEqual([]);
		expect(ids('San\n\nMarcos')).toEqual([]);
		expect(ids('San\nMarcos')).toEqual(['universidad-de-san-marcos']);
		expect(ids('Peru – Libre')).toEqual(['peru']);
	});

	it('reports the glossary form that matched', () => {
		expect(matcher.find('the Organisation of American States')[0].form).toBe(
			'Organisation of American States'
		);
		expect(matcher.find('los Fujimoristas')[0].form).toBe('fujimorista');
	});

	it('finds nothing in an empty text or with an empty glossary', () => {
		expect(matcher.find('')).toEqual([]);
		expect(createGlossaryMatcher([]).find('Perú y la OEA')).toEqual([]);
	});

	it('lists every surface form once, for masking', () => {
		const forms = glossarySurfaceForms(glossary);
		expect(new Set(forms).size).toBe(forms.length);
		expect(forms).toEqual(
			expect.arrayContaining(['OEA', 'OAS', 'Perú', 'Peru', 'Marcha de los 4 Suyos', 'Titiqaqa'])
		);
	});
});

describe('two entries claiming one form', () => {
	const entry = (id: string, es: string, variants: string[] = []): GlossaryEntry => ({
		id,
		type: 'person',
		es,
		en: es,
		variants,
		explanation: { en: 'A. B.', es: 'A. B.' }
	});

	it('gives the text to the first entry and reports the other', () => {
		const entries = [
			entry('alberto-fujimori', 'Alberto Fujimori', ['Fujimori']),
			entry('keiko-fujimori', 'Keiko Fujimori', ['Fujimori'])
		];
		expect(createGlossaryMatcher(entries).find('Fujimori')[0].entryId).toBe('alberto-fujimori');
		expect(findFormConflicts(entries)).toEqual([
			{ entryId: 'keiko-fujimori', form: 'Fujimori', claimedBy: 'alberto-fujimori' }
		]);
	});

	it('counts spellings that fold together as the same form', () => {
		expect(findFormConflicts([entry('a', 'Perú'), entry('b', 'PERU')])).toEqual([
			{ entryId: 'b', form: 'PERU', claimedBy: 'a' }
		]);
		expect(findFormConflicts([entry('a', 'Perú Libre'), entry('b', 'peru libre')])).toEqual([
			{ entryId: 'b', form: 'peru libre', claimedBy: 'a' }
		]);
	});
});
