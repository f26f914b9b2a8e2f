import { beforeAll, describe, expect, it } from 'vitest';
import {
	WordAligner,
	counterparts,
	loadWordResources,
	termsFromGlossary,
	tokensOfLine,
	type WordAlignment,
	type WordResources
} from '../../../src/lib/core/words';

let resources: WordResources;
beforeAll(async () => {
	resources = await loadWordResources();
});

/** The words of the other side linked to `word` (the first token spelled so). */
function partners(alignment: WordAlignment, side: 'en' | 'es', word: string): string[] {
	const index = alignment[side].findIndex((t) => t.text === word);
	expect(index, `${word} is a token`).toBeGreaterThanOrEqual(0);
	const other = side === 'en' ? alignment.es : alignment.en;
	return counterparts(alignment, side, index).map((k) => other[k].text);
}

describe('WordAligner.align', () => {
	it('links inflected forms through their lemmas', () => {
		const a = new WordAligner(resources).align(
			'Thousands of protesters marched to the capital.',
			'Miles de manifestantes marcharon a la capital.'
		);
		expect(partners(a, 'en', 'marched')).toEqual(['marcharon']);
		expect(partners(a, 'es', 'manifestantes')).toEqual(['protesters']);
		expect(partners(a, 'en', 'Thousands')).toEqual(['Miles']);
	});

	it('links a Spanish verb with an attached pronoun to both English words', () => {
		const a = new WordAligner(resources).align(
			'The media began to attack him.',
			'Los medios empezaron a atacarlo.'
		);
		expect(partners(a, 'es', 'atacarlo')).toEqual(['attack', 'him']);
		const b = new WordAligner(resources).align('The pearl is white.', 'La perla es blanca.');
		expect(partners(b, 'es', 'perla')).toEqual(['pearl']);
	});

	it('links synonyms through the dictionary and cognates it does not list', () => {
		const aligner = new WordAligner(resources);
		const a = aligner.align('The president went to jail.', 'El presidente fue a la cárcel.');
		expect(partners(a, 'en', 'jail')).toEqual(['cárcel']);
		const b = aligner.align(
			'An insecure protocol over the Internet.',
			'Un protocolo inseguro sobre Internet.'
		);
		expect(partners(b, 'en', 'insecure')).toEqual(['inseguro']);
	});

	it('reads escaped quotes of pre-tokenised text as quotes', () => {
		const en = tokensOfLine('He said &quot; no &quot; .');
		const es = tokensOfLine('Dijo « no » .');
		const { links } = new WordAligner(resources).alignTokens(en, es);
		const pairs = links.map((l) => `${en[l.en].text} ${es[l.es].text}`);
		expect(pairs).toEqual(expect.arrayContaining(['&quot; «', 'no no', '&quot; »']));
	});

	it('links numbers whatever their decimal mark, and names', () => {
		const a = new WordAligner(resources).align(
			'Pedro Castillo won 50.13% of the vote in 2021.',
			'Pedro Castillo ganó con el 50,13 % de los votos en 2021.'
		);
		expect(partners(a, 'en', '50.13')).toEqual(['50,13']);
		expect(partners(a, 'en', '2021')).toEqual(['2021']);
		expect(partners(a, 'en', 'Castillo')).toEqual(['Castillo']);
		expect(partners(a, 'en', 'won')).toEqual(['ganó']);
	});

	it('gives offsets that light the right words in the original sentences', () => {
		const en = 'Road blockades continue to paralyse much of the country.';
		const es = 'Los bloqueos de carreteras siguen paralizando gran parte del país.';
		const a = new WordAligner(resources).align(en, es);
		const pairs = a.links.map((l) => [
			en.slice(a.en[l.en].start, a.en[l.en].end),
			es.slice(a.es[l.es].start, a.es[l.es].end)
		]);
		expect(pairs).toContainEqual(['blockades', 'bloqueos']);
		expect(pairs).toContainEqual(['country', 'país']);
		for (const l of a.links) expect(l.confidence).toBeGreaterThan(0);
	});

	it('aligns a glossary term as one unit, every word to every word and to nothing else', () => {
		const en = 'The takeover of Lima began on January 19.';
		const es = 'La Toma de Lima empezó el 19 de enero.';
		const aligner = new WordAligner(resources, {
			terms: [{ en: ['takeover of Lima', 'occupation of Lima'], es: ['Toma de Lima'] }]
		});
		const a = aligner.align(en, es);
		expect(a.units).toEqual([{ en: [1, 4], es: [1, 4] }]);
		for (const word of ['takeover', 'of', 'Lima'])
			expect(partners(a, 'en', word)).toEqual(['Toma', 'de', 'Lima']);
		expect(partners(a, 'es', 'de')).toEqual(['takeover', 'of', 'Lima']);
		// The "de" of the date stays outside the unit.
		expect(counterparts(a, 'es', 7).every((i) => i < 1 || i >= 4)).toBe(true);
		expect(partners(a, 'en', '19')).toEqual(['19']);
	});

	it('leaves a word with no counterpart unlinked', () => {
		const aligner = new WordAligner(resources);
		const a = aligner.align('She does not know the answer.', 'Ella no sabe la respuesta.');
		expect(partners(a, 'en', 'does')).toEqual([]);
		expect(partners(a, 'en', 'not')).toEqual(['no']);
		const b = aligner.align('They live in Peru.', 'Viven en el Perú.');
		expect(partners(b, 'es', 'el')).toEqual([]);
		expect(partners(b, 'es', 'Perú')).toEqual(['Peru']);
	});

	it('learns from the document a pair of words no dictionary knows', () => {
		const en = 'I saw the old zorblat there';
		const es = 'vi allí al viejo quixa';
		const alone = new WordAligner(resources).align(en, es);
		expect(partners(alone, 'en', 'zorblat')).toEqual([]);
		const documentPairs = [
			['the zorblat is red', 'el quixa es rojo'],
			['a zorblat and a dog', 'un quixa y un perro'],
			['my zorblat sleeps', 'mi quixa duerme']
		].map(([e, s]) => ({ en: e, es: s }));
		const learned = new WordAligner(resources, { documentPairs }).align(en, es);
		expect(partners(learned, 'en', 'zorblat')).toEqual(['quixa']);
	});

	it('keeps commands, options, file names and paths whole, and links them to themselves', () => {
		const a = new WordAligner(resources).align(
			'Run dpkg -l, then edit sources.list in /etc/apt/.',
			'Ejecute dpkg -l y luego edite sources.list en /etc/apt/.'
		);
		expect(partners(a, 'en', 'dpkg')).toEqual(['dpkg']);
		expect(partners(a, 'en', '-l')).toEqual(['-l']);
		expect(partners(a, 'en', 'sources.list')).toEqual(['sources.list']);
		expect(partners(a, 'en', '/etc/apt/')).toEqual(['/etc/apt/']);
		expect(partners(a, 'en', 'edit')).toEqual(['edite']);
	});
});

describe('glossary terms', () => {
	it('finds a bundled glossary term on both sides and aligns it as one unit', async () => {
		const { default: glossary } = await import('../../../src/lib/data/glossary.json');
		const aligner = new WordAligner(resources, { terms: termsFromGlossary(glossary) });
		const a = aligner.align(
			'Thousands joined the takeover of Lima in January.',
			'Miles se sumaron a la Toma de Lima en enero.'
		);
		const unit = a.units.find((u) => a.en[u.en[0]].text === 'takeover');
		expect(unit).toBeDefined();
		expect(a.es.slice(unit!.es[0], unit!.es[1]).map((t) => t.text)).toEqual(['Toma', 'de', 'Lima']);
		expect(partners(a, 'en', 'January')).toEqual(['enero']);
	});
});
