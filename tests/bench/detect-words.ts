// The detector's word lists (src/lib/core/detect/words.ts, data in src/lib/data/words): what the
// first dictionaryLanguage call of a new process costs (the `puente align` line pays it), what a
// word's first answer costs once the lists are ready, and a digest of the answers to every word
// of both lists, the bundled corpus's words and generated non-words. The script only calls
// dictionaryLanguage, so the same file run in a checkout of an earlier commit gives that commit's
// figures beside these (same digest = identical answers):
//   npx tsx tests/bench/detect-words.ts                 (RUNS=7 new processes by default)
//   git worktree add /tmp/words-before <commit>; ln -s "$PWD/node_modules" /tmp/words-before/
//   cp tests/bench/detect-words.ts /tmp/words-before/tests/bench/ && (cd /tmp/words-before && npx tsx tests/bench/detect-words.ts)
// Prints numbers; asserts nothing.
import { createHash } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { decodeAll } from '../unit/detect/decode-front-coded';
import { corpusWords } from '../unit/detect/corpus-words';

const root = resolve(import.meta.dirname, '../..');
const RUNS = Number(process.env.RUNS ?? 7);
const load = () =>
	loadavg()
		.map((x) => x.toFixed(2))
		.join(' ');
const median = (values: number[]) => [...values].sort((a, b) => a - b)[values.length >> 1];

console.log(`load average at start: ${load()}`);

/** A module of the repo bundled as the CLI bundles it (esbuild, plain JavaScript) into `outfile`. */
const bundleModule = (entry: string, outfile: string) =>
	build({
		entryPoints: [join(root, entry)],
		bundle: true,
		format: 'esm',
		platform: 'node',
		outfile,
		logLevel: 'error'
	});

// Cold: the module bundled as the CLI bundles it (esbuild, plain JavaScript), then in each new
// process: the import, the first call, the second call (another word), and the heap kept.
const work = mkdtempSync(join(tmpdir(), 'puente-bench-words-'));
const bundle = join(work, 'words.mjs');
await bundleModule('src/lib/core/detect/words.ts', bundle);
const child = join(work, 'child.mjs');
writeFileSync(
	child,
	`globalThis.gc();
const heap0 = process.memoryUsage().heapUsed;
const cpu = () => { const u = process.cpuUsage(); return (u.user + u.system) / 1000; };
const t0 = performance.now();
const { dictionaryLanguage } = await import(${JSON.stringify(pathToFileURL(bundle).href)});
const t1 = performance.now();
const c1 = cpu();
dictionaryLanguage('house');
const c2 = cpu();
const t2 = performance.now();
dictionaryLanguage('consultarlos');
const t3 = performance.now();
globalThis.gc();
const heap1 = process.memoryUsage().heapUsed;
console.log(JSON.stringify({ importMs: t1 - t0, firstMs: t2 - t1, firstCpuMs: c2 - c1, secondMs: t3 - t2, heapKb: (heap1 - heap0) / 1024 }));
`
);
const cold: Array<Record<string, number>> = [];
for (let r = 0; r < RUNS; r++) {
	const out = spawnSync('node', ['--expose-gc', child], { encoding: 'utf8' });
	if (out.status !== 0) throw new Error(out.stderr);
	cold.push(JSON.parse(out.stdout));
}
const coldMedian = (key: string) => median(cold.map((c) => c[key]));
console.log(
	`\nCold, median of ${RUNS} new processes (bundle ${(statSync(bundle).size / 1024).toFixed(0)} KB):` +
		`\n  import ${coldMedian('importMs').toFixed(1)} ms; first call ${coldMedian('firstMs').toFixed(2)} ms` +
		` (all: ${cold.map((c) => c.firstMs.toFixed(1)).join(', ')}; CPU ${coldMedian('firstCpuMs').toFixed(1)} ms); second call ${coldMedian('secondMs').toFixed(3)} ms;` +
		` heap kept after both ${coldMedian('heapKb').toFixed(0)} KB`
);

// A long text of many distinct words: the Bible verses of the shared eval data (English, then
// Spanish), detected whole in a new process, then again (every word's answer cached). Cold: the
// lists' first use is in the first pass (the CLI's case); warm: the bundled corpus was detected
// first, so the lists and the code are in use already (a server's case). CPU milliseconds,
// median of RUNS processes of each, taken in turn.
const bibleDir = resolve(root, '../shared/eval/data/bible');
const columns = (column: number) =>
	readdirSync(bibleDir)
		.filter((name) => name.endsWith('.tsv'))
		.sort()
		.flatMap((name) =>
			readFileSync(join(bibleDir, name), 'utf8')
				.trim()
				.split('\n')
				.slice(1)
				.map((line) => line.split('\t')[column])
		)
		.join('\n');
const bible = join(work, 'bible.txt');
writeFileSync(bible, `${columns(1)}\n\n${columns(2)}\n`);
const corpusText = join(work, 'corpus.txt');
writeFileSync(
	corpusText,
	readdirSync(join(root, 'src/lib/data/corpus'))
		.filter((name) => name.endsWith('.txt'))
		.map((name) => readFileSync(join(root, 'src/lib/data/corpus', name), 'utf8'))
		.join('\n\n')
);
const detectBundle = join(work, 'detect.mjs');
await bundleModule('src/lib/core/detect/index.ts', detectBundle);
const detectChild = join(work, 'detect-child.mjs');
writeFileSync(
	detectChild,
	`import { readFileSync } from 'node:fs';
const cpu = () => { const u = process.cpuUsage(); return (u.user + u.system) / 1000; };
const { detectLanguages } = await import(${JSON.stringify(pathToFileURL(detectBundle).href)});
const text = readFileSync(${JSON.stringify(bible)}, 'utf8');
if (process.argv[2] === 'warm') detectLanguages(readFileSync(${JSON.stringify(corpusText)}, 'utf8'));
const c0 = cpu();
const runs = detectLanguages(text).runs.length;
const c1 = cpu();
detectLanguages(text);
const c2 = cpu();
console.log(JSON.stringify({ firstCpuMs: c1 - c0, againCpuMs: c2 - c1, runs }));
`
);
const long: Record<'cold' | 'warm', Array<Record<string, number>>> = { cold: [], warm: [] };
for (let r = 0; r < RUNS; r++)
	for (const mode of ['cold', 'warm'] as const) {
		const out = spawnSync('node', [detectChild, mode], { encoding: 'utf8' });
		if (out.status !== 0) throw new Error(out.stderr);
		long[mode].push(JSON.parse(out.stdout));
	}
console.log(
	`\nLong text (${(statSync(bible).size / 1024).toFixed(0)} KB of Bible verses, ${long.cold[0].runs} runs), median of ${RUNS} new processes:`
);
for (const mode of ['cold', 'warm'] as const) {
	const runs = long[mode];
	const at = (key: string) => median(runs.map((c) => c[key])).toFixed(0);
	console.log(
		`  ${mode}: detectLanguages first pass CPU ${at('firstCpuMs')} ms (all: ${runs.map((c) => c.firstCpuMs.toFixed(0)).join(', ')});` +
			` second pass CPU ${at('againCpuMs')} ms`
	);
}

// Every word of both lists, read from the data files (restart marks "," read as "shares nothing").
function listWords(file: string): string[] {
	const source = readFileSync(join(root, 'src/lib/data/words', file), 'utf8');
	return decodeAll(/export default '([^']*)'/.exec(source)![1]);
}
const listed = [...listWords('en.ts'), ...listWords('es.ts')];

const corpus = [...new Set(corpusWords(join(root, 'src/lib/data/corpus')))];

// Non-words (most of them) made from every third listed word: a plural, a lost first letter, a
// changed last letter, a digit inside.
const generated: string[] = [];
listed.forEach((w, i) => {
	if (i % 3) return;
	generated.push(`${w}s`, w.slice(1), `${w.slice(0, -1)}x`, `${w.slice(0, 2)}4${w.slice(2)}`);
});

const { dictionaryLanguage } = await import('../../src/lib/core/detect/words');
/** Milliseconds of this process's CPU (wall time is noise on a loaded machine). */
const cpuMs = () => {
	const u = process.cpuUsage();
	return (u.user + u.system) / 1000;
};
dictionaryLanguage('house'); // lists ready before the warm timings

/** Each word's first answer (the per-word cache answers the later ones): time and digest. */
function answerAll(words: string[]): {
	usPerWord: number;
	cpuUsPerWord: number;
	digest: string;
	counts: string;
} {
	const answers: string[] = [];
	const start = performance.now();
	const startCpu = cpuMs();
	for (const w of words) answers.push(String(dictionaryLanguage(w)));
	const usPerWord = ((performance.now() - start) * 1000) / words.length;
	const cpuUsPerWord = ((cpuMs() - startCpu) * 1000) / words.length;
	const counts = new Map<string, number>();
	for (const a of answers) counts.set(a, (counts.get(a) ?? 0) + 1);
	const hash = createHash('sha256');
	words.forEach((w, i) => hash.update(`${w}\t${answers[i]}\n`));
	return {
		usPerWord,
		cpuUsPerWord,
		digest: hash.digest('hex').slice(0, 16),
		counts: [...counts].map(([a, n]) => `${a} ${n}`).join(', ')
	};
}

const row = (name: string, words: string[]) => {
	const r = answerAll(words);
	console.log(
		`| ${name} | ${words.length} | ${r.usPerWord.toFixed(2)} | ${r.cpuUsPerWord.toFixed(2)} | ${r.counts} | ${r.digest} |`
	);
};
console.log('\n| words | count | µs per word | CPU µs per word | answers | digest |');
console.log('| --- | --: | --: | --: | --- | --- |');
row('bundled corpus, first answers (JIT warming)', corpus);
row('bundled corpus again (cached answers)', corpus);
row('both lists, first answers', listed);
row('generated non-words, first answers', generated);

// The same rules (uncached) over Sets of the decoded words and over the front-coded lists at
// a few restart spacings, in turn in this one process, on every third listed word made anew (a
// tokenizer's strings have no hash yet). Only where words.ts has listedLanguage (this commit on).
const words = await import('../../src/lib/core/detect/words');
if ('listedLanguage' in words) {
	const { indexRestarts, listHas } = await import('../../src/lib/core/detect/front-coded');
	const { listedLanguage } = words;
	const english = listWords('en.ts');
	const spanish = listWords('es.ts');
	const frontCode = (list: string[], every: number) => {
		let out = '';
		list.forEach((w, i) => {
			let k = 0;
			if (i % every === 0) out += ',';
			else {
				while (k < w.length && list[i - 1][k] === w[k]) k++;
				out += String(k);
			}
			out += w.slice(k);
		});
		return out;
	};
	const englishSet = new Set(english);
	const spanishSet = new Set(spanish);
	type Lists = Parameters<typeof listedLanguage>[1];
	const variants: Array<{ name: string; lists: Lists; kb: number }> = [
		{
			name: 'Sets (as before)',
			lists: { en: (w) => englishSet.has(w), es: (w) => spanishSet.has(w) },
			kb: 0
		}
	];
	for (const every of [8, 16, 32]) {
		const en = indexRestarts(frontCode(english, every));
		const es = indexRestarts(frontCode(spanish, every));
		variants.push({
			name: `restart every ${every} words${every === 16 ? ' (shipped)' : ''}`,
			lists: { en: (w) => listHas(en, w), es: (w) => listHas(es, w) },
			kb: (en.data.length + es.data.length) / 1024
		});
	}
	const sample = listed.filter((_, i) => i % 3 === 0);
	const times = variants.map(() => [] as number[]);
	for (let round = 0; round < 5; round++)
		variants.forEach((v, n) => {
			const fresh = sample.map((w) => ` ${w}`.slice(1));
			const start = cpuMs();
			for (const w of fresh) listedLanguage(w, v.lists);
			times[n].push(((cpuMs() - start) * 1000) / fresh.length);
		});
	console.log(
		`\nThe same rules over each kind of list, ${sample.length} words, 5 rounds in turn (CPU µs per word):`
	);
	variants.forEach((v, n) =>
		console.log(
			`  ${v.name}: median ${median(times[n]).toFixed(2)} (${times[n].map((t) => t.toFixed(2)).join(', ')})` +
				(v.kb ? `; both lists ${v.kb.toFixed(0)} KB` : '')
		)
	);
}
console.log(`load average at end: ${load()}`);
