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
import { tokenizeSentence } from '../../src/lib/core/words/tokens';

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
			const enTokens = tokenizeSentence(sentence.text, 'en').map((t) => t.text);
			const esTokens = tokenizeSentence(b[k].text, 'es').map((t) => t.text);
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
