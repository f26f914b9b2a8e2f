// GET /api/dictionary through its handler: inflected forms found in both directions, an unknown
// word answered with no entries, and bad parameters refused with a translated 400.
import { describe, expect, it } from 'vitest';
import { GET } from '../../../src/routes/api/dictionary/+server';
import { lookupQuery } from '$lib/server/dictionary';

interface Entry {
	lemma: string;
	pos: string;
	translations: string[];
}

const get = async (query: string, lang: 'en' | 'es' = 'en') => {
	const response = (await GET({
		url: new URL(`http://localhost/api/dictionary?${query}`),
		locals: { lang }
	} as never)) as Response;
	return { status: response.status, body: await response.json() };
};

describe('GET /api/dictionary', () => {
	it('finds a Spanish verb form under its infinitive, with translations', async () => {
		const { status, body } = await get('q=marcharon&from=es');
		expect(status).toBe(200);
		const marchar = (body.entries as Entry[]).find((e) => e.lemma === 'marchar');
		expect(marchar?.pos).toBe('verb');
		expect(marchar?.translations.length).toBeGreaterThan(0);
	});

	it('finds an English plural under its singular, translated into Spanish', async () => {
		const { body } = await get('q=protesters&from=en');
		const protester = (body.entries as Entry[]).find((e) => e.lemma === 'protester');
		expect(protester?.translations).toContain('manifestante');
	});

	it('answers an unknown word with no entries', async () => {
		expect(await get('q=xyzzyplugh&from=es')).toEqual({ status: 200, body: { entries: [] } });
	});

	it('looks in the language asked for', async () => {
		const { body } = await get('q=marcharon&from=en');
		expect((body.entries as Entry[]).some((e) => e.lemma === 'marchar')).toBe(false);
	});

	it.each([
		['from=es', 'queryMissing'],
		['q=%20%20&from=es', 'queryMissing'],
		[`q=${'a'.repeat(101)}&from=es`, 'queryTooLong'],
		['q=casa', 'languageUnknown'],
		['q=casa&from=fr', 'languageUnknown']
	])('refuses %s with a 400 and a message', async (query) => {
		const { status, body } = await get(query);
		expect(status).toBe(400);
		expect(body.error.code).toBe('invalid-input');
		expect(body.error.message).toMatch(/\p{L}{3}/u);
		expect(body.error.message).not.toMatch(/glossary:|dictionary\./);
	});

	it('says why in the caller’s language', async () => {
		const en = await get('q=casa&from=fr', 'en');
		const es = await get('q=casa&from=fr', 'es');
		expect(en.body.error.message).toContain('fr');
		expect(es.body.error.message).toContain('fr');
		expect(es.body.error.message).not.toBe(en.body.error.message);
	});

	it('accepts a 100-character query', async () => {
		expect((await get(`q=${'a'.repeat(100)}&from=es`)).status).toBe(200);
	});
});

describe('lookupQuery (the glossary page when nothing matches)', () => {
	it('looks a phrase up word by word when the phrase is unknown, in both languages', async () => {
		const rondas = await lookupQuery('rondas campesinas');
		expect(rondas.find((l) => l.word === 'rondas' && l.from === 'es')?.entries[0].lemma).toBe(
			'ronda'
		);
		const patrols = await lookupQuery('peasant patrols');
		expect(
			patrols.find((l) => l.word === 'patrols' && l.from === 'en')?.entries[0].translations
		).toContain('patrulla');
	});

	it('returns nothing for an empty or unknown query', async () => {
		expect(await lookupQuery('   ')).toEqual([]);
		expect(await lookupQuery('xyzzyplugh')).toEqual([]);
	});
});
