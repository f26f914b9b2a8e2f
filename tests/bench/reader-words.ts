// What lighting a word's counterparts costs the reader's server, on the bundled corpus's five
// originals and their translations (detected and sentence-aligned here, as the analysis does):
// GET /doc/<slug>/words keeps one WordAligner per alignment version and the answers per pair
// (src/lib/server/word-links.ts). Baseline in the same run: no per-alignment aligner, so every
// request learns the document's translations again before aligning its pair. Also the DOM nodes
// an element per word would add to a rendered pair, which the CSS Custom Highlight API avoids.
// Run: npx tsx tests/bench/reader-words.ts. Prints numbers; asserts nothing.
import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { detectLanguages } from '../../src/lib/core/detect';
import { alignTranslation, translationSide } from '../../src/lib/core/align/translation';
import { loadWordResources } from '../../src/lib/core/words/resources';
import { WordAligner } from '../../src/lib/core/words/align';
import { termsFromGlossary } from '../../src/lib/core/words/phrases';
import { tokenizeSentence } from '../../src/lib/core/words/tokens';

const root = resolve(import.meta.dirname, '../..');
const corpus = join(root, 'src/lib/data/corpus');
const translations = JSON.parse(readFileSync(join(corpus, 'es/index.json'), 'utf8')) as {
	file: string;
	original: string;
}[];
const glossary = JSON.parse(readFileSync(join(root, 'src/lib/data/glossary.json'), 'utf8'));
const terms = termsFromGlossary(glossary);
const resources = await loadWordResources();
// The baseline rebuilds an aligner per request: a few requests per text are enough to see it.
const BASELINE_REQUESTS = 5;

function sentencesOf(text: string) {
	return detectLanguages(text).sentences;
}

let pairsTotal = 0;
let wordsTotal = 0;
const rows: string[] = [];
for (const entry of translations) {
	const enText = readFileSync(join(corpus, entry.original), 'utf8');
	const esText = readFileSync(join(corpus, 'es', entry.file), 'utf8');
	const enSentences = sentencesOf(enText);
	const esSentences = sentencesOf(esText);
	const beads = alignTranslation(translationSide(enSentences), translationSide(esSentences), {
		anchorPairs: glossary.map((e: { en: string; es: string }) => ({ en: e.en, es: e.es }))
	}).filter((b) => b.en.length && b.es.length);
	const pairs = beads.map((b) => ({
		en: b.en.map((i) => enSentences[i].text).join(' '),
		es: b.es.map((i) => esSentences[i].text).join(' ')
	}));

	// Ours: the first request for the text builds its aligner; each pair is aligned once.
	let started = performance.now();
	const aligner = new WordAligner(resources, { documentPairs: pairs, terms });
	const buildMs = performance.now() - started;
	started = performance.now();
	for (const pair of pairs) aligner.align(pair.en, pair.es);
	const perPairMs = (performance.now() - started) / pairs.length;
	const answers = new Map(pairs.map((p, k) => [k, aligner.align(p.en, p.es)]));
	started = performance.now();
	for (let round = 0; round < 100; round++) for (let k = 0; k < pairs.length; k++) answers.get(k);
	const cachedUs = ((performance.now() - started) * 1000) / (100 * pairs.length);

	// Baseline: every request learns the text again.
	started = performance.now();
	for (let k = 0; k < BASELINE_REQUESTS; k++) {
		const pair = pairs[(k * 7) % pairs.length];
		new WordAligner(resources, { documentPairs: pairs, terms }).align(pair.en, pair.es);
	}
	const baselineMs = (performance.now() - started) / BASELINE_REQUESTS;

	const words = pairs.reduce(
		(n, p) =>
			n +
			tokenizeSentence(p.en, 'en').filter((t) => t.kind !== 'punct').length +
			tokenizeSentence(p.es, 'es').filter((t) => t.kind !== 'punct').length,
		0
	);
	pairsTotal += pairs.length;
	wordsTotal += words;
	rows.push(
		`${entry.original.replace(/\.txt$/, '').padEnd(36)} ${String(pairs.length).padStart(5)}  ` +
			`${baselineMs.toFixed(1).padStart(9)}  ${buildMs.toFixed(1).padStart(9)}  ` +
			`${perPairMs.toFixed(2).padStart(8)}  ${cachedUs.toFixed(2).padStart(9)}`
	);
}

console.log('Word links per request (ms unless said), bundled corpus, one process');
console.log(
	'baseline: learn the text and align the pair on every request (words already looked up);\n' +
		"first: the text's first request with this module (learning, and its words looked up cold);\n" +
		'per pair: later pairs of the text; cached: a pair asked again'
);
console.log(`${'text'.padEnd(36)} pairs  baseline      first  per pair  cached µs`);
for (const row of rows) console.log(row);
console.log(
	`\nAn element per word would add ${(wordsTotal / pairsTotal).toFixed(1)} nodes to every rendered ` +
		`pair (${wordsTotal} over ${pairsTotal} pairs); the highlights add none.`
);
console.log(
	`load average: ${loadavg()
		.map((x) => x.toFixed(2))
		.join(' ')}`
);
