// Picks the sentence pairs of the word-alignment gold set from the bundled corpus: the English
// articles and their Spanish translations are paragraph-aligned line by line; a paragraph whose
// two sides split into the same number of sentences gives 1-1 sentence pairs. Two pairs in five of
// 5 to 30 English tokens is kept, in corpus order, so the set spreads over all five articles;
// pairs with the same text on both sides and repeated pairs are then dropped.
// Run: npx tsx eval/words/extract-pairs.ts   (writes en.txt, es.txt and sources.tsv here)
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { segmentSentences } from '../../src/lib/core/text/sentences';

// The tokenisation the gold was made with, frozen here so that the files stay reproducible when
// Puente's tokeniser (src/lib/core/words/tokens.ts) changes: words (inner apostrophes, dotted
// abbreviations), numbers, and each punctuation mark; English clitics split off.
const TOKEN =
	/(\p{N}+(?:[.,:/]\p{N}+)*)|([\p{L}\p{M}]+(?:['’][\p{L}\p{M}]+)*(?:(?:\.\p{L}+)+\.(?!\p{L}))?)|(\S)\3*/gu;
const ENGLISH_CLITIC = /(?:['’](?:s|re|ve|ll|d|m)|n['’]t)$/i;

function tokenize(text: string, lang: 'en' | 'es'): string[] {
	const tokens: string[] = [];
	for (const m of text.matchAll(TOKEN)) {
		const clitic = m[2] && lang === 'en' ? ENGLISH_CLITIC.exec(m[0]) : null;
		if (clitic && clitic.index > 0)
			tokens.push(m[0].slice(0, clitic.index), m[0].slice(clitic.index));
		else tokens.push(m[0]);
	}
	return tokens;
}

const here = dirname(fileURLToPath(import.meta.url));
const corpus = join(here, '../../src/lib/data/corpus');
const en: string[] = [];
const es: string[] = [];
const sources: string[] = [];
let candidate = 0;
const seen = new Set<string>();
for (const file of readdirSync(corpus)
	.filter((f) => f.endsWith('.txt'))
	.sort()) {
	const enLines = readFileSync(join(corpus, file), 'utf8').split('\n');
	const esLines = readFileSync(join(corpus, 'es', file), 'utf8').split('\n');
	enLines.forEach((line, lineIndex) => {
		if (!line.trim()) return;
		const a = segmentSentences(line);
		const b = segmentSentences(esLines[lineIndex] ?? '');
		if (a.length !== b.length) return;
		a.forEach((sentence, k) => {
			const enTokens = tokenize(sentence.text, 'en');
			const esTokens = tokenize(b[k].text, 'es');
			if (enTokens.length < 5 || enTokens.length > 30) return;
			if (candidate++ % 5 >= 2) return;
			// A Spanish passage left untranslated in both files, or a section the article repeats,
			// would only test copying.
			const key = enTokens.join(' ');
			if (key === esTokens.join(' ') || seen.has(key)) return;
			seen.add(key);
			en.push(enTokens.join(' '));
			es.push(esTokens.join(' '));
			sources.push(`${file}\t${lineIndex + 1}\t${k + 1}`);
		});
	});
}
writeFileSync(join(here, 'en.txt'), `${en.join('\n')}\n`);
writeFileSync(join(here, 'es.txt'), `${es.join('\n')}\n`);
writeFileSync(join(here, 'sources.tsv'), `file\tline\tsentence\n${sources.join('\n')}\n`);
console.log(`${en.length} pairs from ${candidate} candidates`);
