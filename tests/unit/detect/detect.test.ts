import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { detectLanguages } from '../../../src/lib/core/detect';
import { maskSentence, termMatcher } from '../../../src/lib/core/detect/masking';
import type { Detection } from '../../../src/lib/core/types';

const labelOf = (detection: Detection, fragment: string) => {
	const found = detection.sentences.filter((s) => s.text.includes(fragment));
	expect(found.length, `no sentence holds "${fragment}"`).toBeGreaterThan(0);
	return found.map((s) => s.lang);
};

const english =
	'The protests spread from the southern regions to the capital within a few weeks. ' +
	'Thousands of people travelled by bus and truck to join the demonstrations. ' +
	'The government answered with a state of emergency and a curfew in several provinces.';
const spanish =
	'Las protestas se extendieron desde las regiones del sur hasta la capital en pocas semanas. ' +
	'Miles de personas viajaron en autobús y camión para sumarse a las manifestaciones. ' +
	'El gobierno respondió con un estado de emergencia y un toque de queda en varias provincias.';

describe('detectLanguages: the La Mosca article', () => {
	const text = readFileSync('src/lib/data/corpus/brutal-repression-la-mosca.txt', 'utf8');
	const detection = detectLanguages(text);

	it('finds the Spanish section as one Spanish run', () => {
		const sectionStart = text.indexOf('Es vergonzoso que la «preocupación» de la OEA');
		const lastSpanish = text.indexOf('De ellos, unos están presos');
		const sectionEnd = text.indexOf('\n', lastSpanish);
		const run = detection.runs.find((r) => r.start <= sectionStart && r.end > sectionStart);
		expect(run?.lang).toBe('es');
		expect(run!.end).toBeGreaterThanOrEqual(sectionEnd);
		expect(run!.confidence).toBeGreaterThan(0.9);
	});

	it('keeps the English sentences about the “takeover of Lima” English', () => {
		expect(new Set(labelOf(detection, '“takeover of Lima”'))).toEqual(new Set(['en']));
	});

	it('makes runs that follow each other, do not overlap and cover every sentence', () => {
		let covered = 0;
		detection.runs.forEach((run, i) => {
			if (i > 0) expect(run.start).toBeGreaterThan(detection.runs[i - 1].end);
			expect(run.confidence).toBeGreaterThanOrEqual(0);
			expect(run.confidence).toBeLessThanOrEqual(1);
			for (let k = run.sentenceStart; k < run.sentenceEnd; k++)
				expect(detection.sentences[k].lang).toBe(run.lang);
			covered += run.sentenceEnd - run.sentenceStart;
		});
		expect(covered).toBe(detection.sentences.length);
	});
});

describe('detectLanguages: context', () => {
	it('keeps a Spanish headline line inside an English article', () => {
		const text = `${english}\n\nMilitares en retiro se vinculan a políticos para apoyar la vacancia\n\n${english}`;
		const detection = detectLanguages(text);
		expect(detection.runs.map((r) => r.lang)).toEqual(['en', 'es', 'en']);
		expect(detection.runs[1].start).toBe(text.indexOf('Militares'));
	});

	it('labels short sentences in both languages', () => {
		expect(detectLanguages('drink some coffee').sentences[0].lang).toBe('en');
		expect(detectLanguages('tomar un café').sentences[0].lang).toBe('es');
		expect(detectLanguages('Where is the station?').sentences[0].lang).toBe('en');
		expect(detectLanguages('¿Dónde está la estación?').sentences[0].lang).toBe('es');
	});

	it('lets a sentence with no language evidence follow its neighbours', () => {
		for (const [paragraph, lang] of [
			[english, 'en'],
			[spanish, 'es']
		] as const) {
			const detection = detectLanguages(`${paragraph} Cecilia Gervasi. ${paragraph}`);
			expect(labelOf(detection, 'Cecilia Gervasi')).toEqual([lang]);
			expect(detection.runs).toHaveLength(1);
		}
	});

	it('gives no language to addresses, dates, numbers, handles and separators, without breaking the run around them', () => {
		const lines = [
			'https://www.example.org/peru/2023',
			'12/03/2023',
			'19 de enero de 2023',
			'January 19, 2023',
			'@puente_app',
			'* * *',
			'56'
		];
		const text = [spanish, ...lines, spanish].join('\n\n');
		const detection = detectLanguages(text);
		for (const line of lines) expect(labelOf(detection, line)).toEqual(['und']);
		expect(detection.runs.map((r) => r.lang)).toEqual(['es', 'und', 'es']);
	});
});

describe('detectLanguages: grammar over quoted and named material', () => {
	it('labels a sentence by its grammar, not by what it quotes or names', () => {
		const cases: Array<[string, 'en' | 'es']> = [
			['The crowd chanted “Ni una menos” as the march reached the square.', 'en'],
			['Haz clic en “Save changes” para continuar.', 'es'],
			['Students from la Confederación Campesina del Perú joined the protest.', 'en'],
			['La policía desalojó a los estudiantes de la San Marcos National University.', 'es'],
			['El lema «We Are The World» sonó en la plaza.', 'es']
		];
		for (const [sentence, lang] of cases)
			expect(detectLanguages(sentence).sentences[0].lang, sentence).toBe(lang);
	});

	it('takes glossary terms out of the vote', () => {
		const sentence = 'Thousands joined the marcha de los cuatro suyos last week.';
		const masked = maskSentence(
			sentence,
			0,
			sentence.length,
			termMatcher(['Marcha de los Cuatro Suyos'])
		);
		const termWords = masked.tokens
			.map((t, i) => [t.text, masked.weights[i]] as const)
			.filter(([, w]) => w === 0)
			.map(([t]) => t);
		expect(termWords).toEqual(['marcha', 'de', 'los', 'cuatro', 'suyos']);
		expect(
			detectLanguages(sentence, { protectedTerms: ['Marcha de los Cuatro Suyos'] }).sentences[0]
				.lang
		).toBe('en');
	});

	it('masks capitalised names inside a sentence but not the words of a title-case headline', () => {
		const sentence = 'Officials said Dina Boluarte met La Libertad leaders.';
		const masked = maskSentence(sentence, 0, sentence.length, null);
		const zero = masked.tokens.filter((_, i) => masked.weights[i] === 0).map((t) => t.text);
		expect(zero).toEqual(['Dina', 'Boluarte', 'La', 'Libertad']);
		const headline = 'Massive Peru Protests Continue In Face Of Repression';
		const h = maskSentence(headline, 0, headline.length, null);
		expect(h.weights.every((w) => w === 1)).toBe(true);
	});
});

describe('detectLanguages: inline spans', () => {
	it('marks a Spanish phrase inside an English sentence and an English one inside a Spanish sentence', () => {
		const en = 'Thousands of protesters flocked to the capital for La Toma de Lima last week.';
		const [s] = detectLanguages(en).sentences;
		expect(s.lang).toBe('en');
		expect(s.spans.map((x) => [en.slice(x.start, x.end), x.lang])).toEqual([
			['La Toma de Lima', 'es']
		]);

		const es = 'El informe “State of the Union” fue leído ante el congreso.';
		const [t] = detectLanguages(es).sentences;
		expect(t.lang).toBe('es');
		expect(t.spans.map((x) => [es.slice(x.start, x.end), x.lang])).toEqual([
			['State of the Union', 'en']
		]);
	});

	it('does not mark a person’s name as a foreign phrase', () => {
		const text = 'Pedro Castillo Terrones won the second round of the election.';
		expect(detectLanguages(text).sentences[0].spans).toEqual([]);
	});
});

describe('detectLanguages: edges', () => {
	it('returns nothing for blank text and stays within the string for emoji', () => {
		expect(detectLanguages('  \n\n ')).toEqual({ sentences: [], runs: [] });
		const text = '¡Qué alegría! 🎉🎉 Nos vemos mañana en la plaza.';
		const detection = detectLanguages(text);
		expect(detection.runs).toHaveLength(1);
		expect(detection.runs[0]).toMatchObject({ start: 0, end: text.length, lang: 'es' });
	});
});
