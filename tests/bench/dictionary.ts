// Dictionary coverage benchmark: the share of the bundled corpus's word tokens (English articles,
// and their Spanish translations) that get at least one translation, names left out, per language;
// beside a baseline measured in the same run: the same dictionary looked up without morphology
// (only tokens that are themselves a lemma). Also the cost of loading the dictionary, which the
// CLI pays at start-up, and of looking words up (total, and the slowest word, over every lookup the
// coverage count makes). Misses are printed most frequent first so the gaps are visible.
// Run with `npm run bench:dictionary`. Prints numbers; asserts nothing.
import { readdirSync, readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { resolve } from 'node:path';
import { performance } from 'node:perf_hooks';

const root = resolve(import.meta.dirname, '../..');
const MISSES_SHOWN = 40;

const heapBefore = process.memoryUsage().heapUsed;
const importStart = performance.now();
const { lookup } = await import('../../src/lib/core/dictionary');
const imported = performance.now();
lookup('casa', 'es');
const spanishReady = performance.now();
lookup('house', 'en');
const englishReady = performance.now();
const heapAfter = process.memoryUsage().heapUsed;

console.log(
	`Dictionary load (first lookup in each language pays for its tables; load average ${loadavg()
		.map((n) => n.toFixed(1))
		.join(' ')}):`
);
console.log(`  import of the data module  ${(imported - importStart).toFixed(0)} ms`);
console.log(`  Spanish tables             ${(spanishReady - imported).toFixed(0)} ms`);
console.log(`  English tables             ${(englishReady - spanishReady).toFixed(0)} ms`);
console.log(`  total                      ${(englishReady - importStart).toFixed(0)} ms`);
console.log(`  heap growth                ${((heapAfter - heapBefore) / 1e6).toFixed(1)} MB`);

/** This thread's CPU time in ms (Linux), which a loaded machine's waits do not inflate as they do wall time. */
function threadCpuMs(): number {
	try {
		return Number(readFileSync('/proc/thread-self/schedstat', 'utf8').split(' ')[0]) / 1e6;
	} catch {
		return NaN;
	}
}

// What the aligner asks (learn.ts), before anything else has warmed the look-ups up: the concept
// keys of each distinct word of the corpus, folded as the aligner folds them. `puente align`
// pays this on every run, for a few thousand words.
{
	const { dictionaryConceptKeys } = await import('../../src/lib/core/align/dictionary-concepts');
	const { foldForSearch } = await import('../../src/lib/core/text/fold');
	console.log("\nThe aligner's concept keys, first call per folded word (tables already loaded):");
	for (const lang of ['en', 'es'] as const) {
		const words = new Set<string>();
		for (const text of corpusTexts(lang))
			for (const [word] of text.matchAll(/\p{L}+/gu)) words.add(foldForSearch(word));
		const start = performance.now();
		const cpuStart = threadCpuMs();
		let withKeys = 0;
		for (const word of words) if (dictionaryConceptKeys(lookup, word, lang).length) withKeys++;
		const ms = performance.now() - start;
		const cpu = threadCpuMs() - cpuStart;
		console.log(
			`  ${lang}  ${words.size} words (${withKeys} with concepts)  ${ms.toFixed(0)} ms (main thread CPU ${cpu.toFixed(0)} ms)  ${((1000 * ms) / words.size).toFixed(1)} µs a word`
		);
	}
}

type Language = 'en' | 'es';

function corpusTexts(lang: Language): string[] {
	const dir = resolve(root, 'src/lib/data/corpus', lang === 'en' ? '.' : 'es');
	return readdirSync(dir)
		.filter((f) => f.endsWith('.txt'))
		.sort()
		.map((f) => readFileSync(resolve(dir, f), 'utf8'));
}

interface Token {
	word: string;
	sentenceStart: boolean;
}

/** Words (letters, with inner apostrophes), each marked when it opens a sentence or a line. */
function tokens(text: string): Token[] {
	const found: Token[] = [];
	// Web addresses are not words of either language, nor are ordinal signs after digits (7.ª).
	const prose = text.replace(/\b(?:https?:\/\/|www\.)\S+|\S+\.(?:com|org|net)\b\S*/g, ' ');
	for (const m of prose.matchAll(/(?<![\d.])\p{L}+(?:['’]\p{L}+)*/gu)) {
		if (/^[ºª]/.test(m[0])) continue;
		const before = prose.slice(Math.max(0, m.index - 4), m.index);
		const sentenceStart =
			m.index === 0 || /(^|[.!?:;\n]|[.!?:]["“”'‘’«(])[\s"“'‘«¿¡(—–-]*$/.test(before);
		found.push({ word: m[0], sentenceStart });
	}
	return found;
}

const other = { en: 'es', es: 'en' } as const;
const isCapitalised = (word: string) => word[0] !== word[0].toLowerCase();

/** Every lookup the coverage count makes, timed: the reader and the vocabulary count do the same. */
const lookupTimes: { word: string; lang: Language; ms: number }[] = [];
function timedLookup(word: string, lang: Language) {
	const start = performance.now();
	const entries = lookup(word, lang);
	lookupTimes.push({ word, lang, ms: performance.now() - start });
	return entries;
}

function measure(lang: Language) {
	let words = 0;
	let names = 0;
	let foreign = 0;
	let translated = 0;
	let baseline = 0;
	const misses = new Map<string, number>();
	for (const text of corpusTexts(lang)) {
		for (const { word, sentenceStart } of tokens(text)) {
			words++;
			const entries = timedLookup(word, lang);
			// A name: capitalised in mid-sentence, or capitalised and unknown to the dictionary.
			if (isCapitalised(word) && (!sentenceStart || entries.length === 0)) {
				names++;
				continue;
			}
			// A word of the other language quoted in this one ("la Toma de Lima" in an English
			// article): not a gap of this direction.
			if (entries.length === 0 && timedLookup(word, other[lang]).length > 0) {
				foreign++;
				continue;
			}
			const lower = word.toLowerCase();
			if (entries.some((e) => e.translations.length > 0)) translated++;
			else misses.set(lower, (misses.get(lower) ?? 0) + 1);
			if (entries.some((e) => e.translations.length > 0 && e.lemma.toLowerCase() === lower))
				baseline++;
		}
	}
	return { words, names, foreign, counted: words - names - foreign, translated, baseline, misses };
}

const pct = (n: number, d: number) => `${((100 * n) / d).toFixed(1)}%`;

console.log('\nCoverage: non-name tokens with at least one translation (target >= 95%)');
console.log(
	'lang  tokens  names  foreign  counted  dictionary  baseline (lemmas only, no morphology)'
);
const results = (['en', 'es'] as const).map((lang) => ({ lang, ...measure(lang) }));
for (const r of results) {
	console.log(
		`${r.lang}    ${String(r.words).padStart(6)}  ${String(r.names).padStart(5)}  ${String(r.foreign).padStart(7)}  ${String(r.counted).padStart(7)}  ${pct(r.translated, r.counted).padStart(10)}  ${pct(r.baseline, r.counted).padStart(8)}`
	);
}
{
	const total = lookupTimes.reduce((sum, t) => sum + t.ms, 0);
	const sorted = lookupTimes.map((t) => t.ms).sort((a, b) => a - b);
	const slowest = lookupTimes.reduce((a, b) => (b.ms > a.ms ? b : a));
	console.log(
		`\nLookup time over the corpus's tokens (${lookupTimes.length} lookups, both languages, tables already loaded):`
	);
	console.log(`  total                      ${total.toFixed(0)} ms`);
	console.log(
		`  mean per lookup            ${((1000 * total) / lookupTimes.length).toFixed(1)} µs`
	);
	console.log(
		`  99th percentile            ${(1000 * sorted[Math.floor(0.99 * (sorted.length - 1))]).toFixed(1)} µs`
	);
	console.log(
		`  slowest                    ${slowest.ms.toFixed(2)} ms (${slowest.word}, ${slowest.lang}; may include a garbage collection)`
	);
	// A single slow lookup may be a pause of the process, not the word: the 20 slowest are timed
	// again, 5 times each, and the word with the highest median is the real worst case.
	const worst = [...lookupTimes]
		.sort((a, b) => b.ms - a.ms)
		.slice(0, 20)
		.map(({ word, lang }) => {
			const times = Array.from({ length: 5 }, () => {
				const start = performance.now();
				lookup(word, lang);
				return performance.now() - start;
			}).sort((a, b) => a - b);
			return { word, lang, ms: times[2] };
		})
		.reduce((a, b) => (b.ms > a.ms ? b : a));
	console.log(
		`  slowest word, timed again  ${worst.ms.toFixed(2)} ms (${worst.word}, ${worst.lang}; median of 5)`
	);
}
for (const r of results) {
	const top = [...r.misses].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
	console.log(
		`\n${r.lang} misses (${top.length} distinct, ${r.counted - r.translated} tokens), most frequent first:`
	);
	console.log(
		top
			.slice(0, MISSES_SHOWN)
			.map(([w, n]) => `${w} ${n}`)
			.join(', ')
	);
}
