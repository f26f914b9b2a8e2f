import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { segmentParagraphs, segmentSentences, tokenize } from '../../../src/lib/core/text';

const texts = (input: string) => segmentSentences(input).map((s) => s.text);

describe('segmentSentences', () => {
	it('keeps exact offsets into the original string, emoji and line ends included', () => {
		const input = '  Hola 👋 amigos. ¿Cómo están?\r\n\r\nFine, thanks!  ';
		const sentences = segmentSentences(input);
		expect(sentences.map((s) => s.text)).toEqual([
			'Hola 👋 amigos.',
			'¿Cómo están?',
			'Fine, thanks!'
		]);
		for (const s of sentences) expect(input.slice(s.start, s.end)).toBe(s.text);
		expect(sentences.map((s) => s.paragraph)).toEqual([0, 0, 1]);
	});

	it('does not end a sentence at titles and abbreviations', () => {
		expect(texts('Lo dijo el Sr. García a la Sra. Pérez en EE. UU. ayer. Luego se fue.')).toEqual([
			'Lo dijo el Sr. García a la Sra. Pérez en EE. UU. ayer.',
			'Luego se fue.'
		]);
		expect(texts('Dr. Smith met the U.S. Embassy staff, e.g. the consul. He left.')).toEqual([
			'Dr. Smith met the U.S. Embassy staff, e.g. the consul.',
			'He left.'
		]);
		expect(texts('Hay frutas, p. ej. mangos, peras, etc. y nada más.')).toHaveLength(1);
	});

	it('ends a sentence after an acronym when a typical opener follows', () => {
		expect(texts('Se reunieron en EE. UU. El presidente no habló.')).toEqual([
			'Se reunieron en EE. UU.',
			'El presidente no habló.'
		]);
	});

	it('keeps decimals, percentages and ellipses inside the sentence', () => {
		expect(
			texts('He won with 50.13% of the vote... and then nothing. More than 8.8 million voted.')
		).toEqual([
			'He won with 50.13% of the vote... and then nothing.',
			'More than 8.8 million voted.'
		]);
	});

	it('handles Spanish openers and quotes of both traditions', () => {
		expect(texts('¿Quién lo sabe? ¡Nadie! Dijo «basta». Luego: “ya está.” Fin.')).toEqual([
			'¿Quién lo sabe?',
			'¡Nadie!',
			'Dijo «basta».',
			'Luego: “ya está.”',
			'Fin.'
		]);
	});

	it('splits sentences glued without a space, but not addresses or acronyms', () => {
		expect(texts('a bitter fight to the end.The only winners are the oligarchy.')).toEqual([
			'a bitter fight to the end.',
			'The only winners are the oligarchy.'
		]);
		expect(texts('See www.facebook.com/La.Mosca and the U.S.A. today.')).toHaveLength(1);
	});

	it('makes a headline line its own sentence but joins hard-wrapped lines', () => {
		expect(texts('Dispatch #0\nSunday, January 22')).toEqual(['Dispatch #0', 'Sunday, January 22']);
		const wrapped =
			'People object to undemocratic representations and leaders that\n' +
			'support the needs of the poor are driven out of office by the\n' +
			'operations.';
		expect(texts(wrapped)).toHaveLength(1);
	});

	it('segments a 1 MB document without losing text', () => {
		const article = readFileSync('src/lib/data/corpus/brutal-repression-la-mosca.txt', 'utf8');
		const big = `${article}\n\n`.repeat(Math.ceil(1_000_000 / article.length));
		const sentences = segmentSentences(big);
		const letters = (s: string) => s.replace(/[^\p{L}]/gu, '').length;
		expect(sentences.reduce((n, s) => n + letters(s.text), 0)).toBe(letters(big));
		for (let i = 1; i < sentences.length; i++)
			expect(sentences[i].start).toBeGreaterThanOrEqual(sentences[i - 1].end);
	});
});

describe('segmentParagraphs', () => {
	it('splits at blank lines, even with spaces on them', () => {
		const input = 'One.\nStill one.\n \n\nTwo.';
		expect(segmentParagraphs(input).map((p) => input.slice(p.start, p.end))).toEqual([
			'One.\nStill one.',
			'Two.'
		]);
	});
});

describe('tokenize', () => {
	it('tells words from numbers, addresses and handles, with offsets', () => {
		const input = 'Mira www.lamosca.pe/video, escribe a info@puente.org: #OEA ganó 50.13% (Perú’s)';
		const tokens = tokenize(input);
		expect(tokens.map((t) => `${t.kind}:${t.text}`)).toEqual([
			'word:Mira',
			'url:www.lamosca.pe/video',
			'word:escribe',
			'word:a',
			'email:info@puente.org',
			'handle:#OEA',
			'word:ganó',
			'number:50.13%',
			'word:Perú’s'
		]);
		for (const t of tokens) expect(input.slice(t.start, t.end)).toBe(t.text);
	});
});

describe('segmentSentences on text without sentence ends', () => {
	it('still returns every word of a long line with no punctuation, in order', () => {
		const words = Array.from({ length: 20_000 }, (_, i) => `palabra${i}`);
		const line = words.join(' ');
		const sentences = segmentSentences(line);
		expect(sentences.flatMap((s) => s.text.split(' '))).toEqual(words);
		for (const s of sentences) expect(line.slice(s.start, s.end)).toBe(s.text);
	});
});

describe('segmentSentences on technical text', () => {
	it('ends a sentence beside a line with no words, whatever the next line starts with', () => {
		expect(texts('Valores por defecto\nV:0, I:1\nse usan siempre')).toEqual([
			'Valores por defecto',
			'V:0, I:1',
			'se usan siempre'
		]);
		expect(texts('The table follows\n----------\nand then the text')).toEqual([
			'The table follows',
			'----------',
			'and then the text'
		]);
	});

	it('ends a sentence after a label of one or two words without a stop', () => {
		expect(texts('Nota\neste valor se lee al arrancar.')).toEqual([
			'Nota',
			'este valor se lee al arrancar.'
		]);
		expect(texts('NAME\nrenice - alter priority of running processes')).toEqual([
			'NAME',
			'renice - alter priority of running processes'
		]);
		// With a stop, a short line is the end of a wrapped sentence, not a label.
		expect(texts('This is read\nat boot time.\nand later')).toEqual([
			'This is read\nat boot time.\nand later'
		]);
	});

	it('sets a heading in capitals apart on both sides, but not a long line in capitals', () => {
		expect(texts('nice(1), syscall(2)\nVÉASE TAMBIÉN\nnice(1), renice(1)')).toEqual([
			'nice(1), syscall(2)',
			'VÉASE TAMBIÉN',
			'nice(1), renice(1)'
		]);
		const licence =
			'THIS SOFTWARE IS PROVIDED BY THE AUTHORS AND CONTRIBUTORS "AS IS" AND ANY\n' +
			'EXPRESS OR IMPLIED WARRANTIES ARE DISCLAIMED.';
		expect(texts(licence)).toHaveLength(1);
	});

	it('keeps a man page header one sentence', () => {
		const header = 'RENICE(1)                    User Commands                    RENICE(1)';
		expect(texts(`${header}\n\nNAME\n       renice - alter priority`)).toEqual([
			header,
			'NAME',
			'renice - alter priority'
		]);
	});
});
