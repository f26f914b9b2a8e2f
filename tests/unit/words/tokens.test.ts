import { describe, expect, it } from 'vitest';
import { tokenizeSentence, tokensOfLine } from '../../../src/lib/core/words/tokens';

/** Expected tokens written as one line, a space between each (no token here holds a space). */
const spaced = (tokens: string) => tokens.split(' ');
const textsOf = (sentence: string, lang: 'en' | 'es') =>
	tokenizeSentence(sentence, lang).map((t) => t.text);

describe('tokenizeSentence', () => {
	it('keeps words, numbers and punctuation, each with offsets into the sentence', () => {
		const sentence = '“Perú’s president,” he said, won 50.13% on June 6, 2021.';
		const tokens = tokenizeSentence(sentence, 'en');
		for (const t of tokens) expect(sentence.slice(t.start, t.end)).toBe(t.text);
		expect(tokens.map((t) => t.text)).toEqual(
			spaced('“ Perú ’s president , ” he said , won 50.13 % on June 6 , 2021 .')
		);
		expect(tokens.find((t) => t.text === '50.13')?.kind).toBe('number');
		expect(tokens.find((t) => t.text === '“')?.kind).toBe('punct');
	});

	it('splits English clitics but not Spanish words or names with an apostrophe', () => {
		expect(textsOf("They don't know O’Dwyer", 'en')).toEqual(spaced("They do n't know O’Dwyer"));
		expect(textsOf('Según EE.UU. y la O’Dwyer', 'es')).toEqual(spaced('Según EE.UU. y la O’Dwyer'));
	});
});

describe('tokenizeSentence on documentation', () => {
	it('keeps paths, file names, host names and options whole, but not prose after a slash', () => {
		expect(
			textsOf('Read /etc/apt/sources.list or www.debian.org/doc with -l, --help at 10am.', 'en')
		).toEqual(
			spaced('Read /etc/apt/sources.list or www.debian.org/doc with -l , --help at 10 am .')
		);
		expect(textsOf('bzip2 v1.0.8 loads pam_unix(8).', 'en')).toEqual(
			spaced('bzip2 v1.0.8 loads pam_unix ( 8 ) .')
		);
		expect(textsOf('Videos /La Mosca, far-right', 'en')).toEqual(
			spaced('Videos / La Mosca , far - right')
		);
	});
});

describe('tokensOfLine', () => {
	it('splits on runs of spaces and tabs, never inside a token', () => {
		const line = 'dos  espacios\ty\u00a0más ';
		const tokens = tokensOfLine(line);
		expect(tokens.map((t) => t.text)).toEqual(['dos', 'espacios', 'y\u00a0más']);
		for (const t of tokens) expect(line.slice(t.start, t.end)).toBe(t.text);
	});

	it('takes the tokens of a pre-tokenised line as given, with their offsets', () => {
		const line = 'la Toma de Lima ( 2023 ) &quot;';
		const tokens = tokensOfLine(line);
		expect(tokens.map((t) => t.text)).toEqual(line.split(' '));
		for (const t of tokens) expect(line.slice(t.start, t.end)).toBe(t.text);
		expect(tokens.map((t) => t.kind)).toEqual(
			spaced('word word word word punct number punct punct')
		);
	});
});
