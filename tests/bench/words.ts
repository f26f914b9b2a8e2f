// Word-alignment benchmark: Puente's `align-words` beside baselines run the same way in the same
// run, scored by alignment error rate (Och & Ney 2003), precision and recall on two hand-made
// golds (sure and possible links): eval/words (105 sentence pairs of the bundled news corpus) and
// eval/words/doc (40 pairs of Debian documentation from eval/align); then the cost per sentence
// pair of the function the reader calls.
// Run with `npm run bench:words` from the repository root.
//
// The gold is a dev set: its figures are reported, constants are never tuned to it.
// fast_align and eflomal are baselines only and are not shipped: the bench runs the binaries named
// by $FAST_ALIGN (fast_align) and $EFLOMAL (eflomal's C program, src/eflomal in its repository) and
// says "not available" without them. Both are trained on the gold sentences plus every other 1-1
// sentence pair of the same documents, as they would be used, run in both directions and
// symmetrised with grow-diag-final-and.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { segmentSentences } from '../../src/lib/core/text/sentences';
import { WordKnowledge, lexicalScore } from '../../src/lib/core/words/features';
import { alignPretokenised } from '../../src/lib/core/words/pharaoh';
import { loadWordResources } from '../../src/lib/core/words/resources';
import { WordAligner } from '../../src/lib/core/words/align';
import { termsFromGlossary } from '../../src/lib/core/words/phrases';
import { tokenizeSentence, tokensOfLine } from '../../src/lib/core/words/tokens';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const goldDir = join(root, 'eval/words');
const work = mkdtempSync(join(tmpdir(), 'puente-bench-words-'));

type Links = Set<string>;

function readLines(path: string): string[] {
	const lines = readFileSync(path, 'utf8').split('\n');
	if (lines[lines.length - 1] === '') lines.pop();
	return lines;
}

function parseLinks(line: string): { sure: Links; possible: Links } {
	const sure = new Set<string>();
	const possible = new Set<string>();
	for (const link of line.split(/\s+/).filter(Boolean)) {
		const sep = link.includes('?') ? '?' : '-';
		const [i, j] = link.split(sep);
		const key = `${Number(i)}-${Number(j)}`;
		possible.add(key);
		if (sep === '-') sure.add(key);
	}
	return { sure, possible };
}

interface DevSet {
	name: string;
	en: string[];
	es: string[];
	gold: Array<{ sure: Links; possible: Links }>;
	/** Other sentence pairs of the same documents (tokenised), for training. */
	rest: Array<[string, string]>;
}

function readGold(dir: string): Pick<DevSet, 'en' | 'es' | 'gold'> {
	const en = readLines(join(dir, 'en.txt'));
	const es = readLines(join(dir, 'es.txt'));
	const gold = readLines(join(dir, 'gold.txt')).map(parseLinks);
	if (en.length !== es.length || en.length !== gold.length)
		throw new Error(`${dir}: en.txt, es.txt and gold.txt differ in line count`);
	return { en, es, gold };
}

const tokens = (text: string, lang: 'en' | 'es') =>
	tokenizeSentence(text, lang)
		.map((t) => t.text)
		.join(' ');

/** Every other 1-1 sentence pair of the corpus's paragraph-aligned translations, tokenised. */
function corpusRest(goldPlaces: Set<string>): Array<[string, string]> {
	const corpus = join(root, 'src/lib/data/corpus');
	const pairs: Array<[string, string]> = [];
	for (const file of readdirSync(corpus)
		.filter((f) => f.endsWith('.txt'))
		.sort()) {
		const enLines = readFileSync(join(corpus, file), 'utf8').split('\n');
		const esLines = readFileSync(join(corpus, 'es', file), 'utf8').split('\n');
		enLines.forEach((line, k) => {
			const a = segmentSentences(line);
			const b = segmentSentences(esLines[k] ?? '');
			if (a.length === 0 || a.length !== b.length) return;
			a.forEach((s, n) => {
				if (goldPlaces.has(`${file}\t${k + 1}\t${n + 1}`)) return;
				const en = tokens(s.text, 'en');
				const es = tokens(b[n].text, 'es');
				if (en && es) pairs.push([en, es]);
			});
		});
	}
	return pairs;
}

/** Every other 1-1 bead of the documentation dev sets the doc gold was drawn from. */
function documentationRest(goldPlaces: Set<string>): Array<[string, string]> {
	const pairs: Array<[string, string]> = [];
	const cases = new Set([...goldPlaces].map((place) => place.split('\t')[0]));
	for (const name of cases) {
		const dir = join(root, 'eval/align', name);
		const enLines = readLines(join(dir, 'en.txt'));
		const esLines = readLines(join(dir, 'es.txt'));
		for (const bead of readLines(join(dir, 'gold.txt'))) {
			const m = /^\[(\d+)\]:\[(\d+)\]$/.exec(bead);
			if (!m || goldPlaces.has(`${name}\t${m[1]}\t${m[2]}`)) continue;
			const en = tokens(enLines[Number(m[1])], 'en');
			const es = tokens(esLines[Number(m[2])], 'es');
			if (en && es) pairs.push([en, es]);
		}
	}
	return pairs;
}

const places = (dir: string) => new Set(readLines(join(dir, 'sources.tsv')).slice(1));
const newsDir = goldDir;
const docDir = join(goldDir, 'doc');
const devSets: DevSet[] = [
	{ name: 'news (eval/words)', ...readGold(newsDir), rest: corpusRest(places(newsDir)) },
	{
		name: 'documentation (eval/words/doc)',
		...readGold(docDir),
		rest: documentationRest(places(docDir))
	}
];

interface Score {
	aer: number;
	precision: number;
	recall: number;
	links: number;
}

function score(predicted: string[], gold: DevSet['gold']): Score {
	let a = 0;
	let s = 0;
	let aS = 0;
	let aP = 0;
	predicted.forEach((line, k) => {
		const links = new Set(line.split(/\s+/).filter(Boolean));
		a += links.size;
		s += gold[k].sure.size;
		for (const link of links) {
			if (gold[k].sure.has(link)) aS++;
			if (gold[k].possible.has(link)) aP++;
		}
	});
	return { aer: 1 - (aS + aP) / (a + s), precision: aP / a, recall: aS / s, links: a };
}

/** Koehn's grow-diag-final-and over two directional alignments of one pair. */
function growDiagFinalAnd(forward: string, reverse: string): string {
	const f = new Set(forward.split(/\s+/).filter(Boolean));
	const r = new Set(reverse.split(/\s+/).filter(Boolean));
	const union = new Set([...f, ...r]);
	const alignment = new Set([...f].filter((l) => r.has(l)));
	const enAligned = new Set<number>();
	const esAligned = new Set<number>();
	const add = (l: string) => {
		const [i, j] = l.split('-').map(Number);
		alignment.add(l);
		enAligned.add(i);
		esAligned.add(j);
	};
	for (const l of alignment) add(l);
	const neighbours = [
		[-1, 0],
		[0, -1],
		[1, 0],
		[0, 1],
		[-1, -1],
		[-1, 1],
		[1, -1],
		[1, 1]
	];
	for (let added = true; added;) {
		added = false;
		for (const l of [...alignment]) {
			const [i, j] = l.split('-').map(Number);
			for (const [di, dj] of neighbours) {
				const ni = i + di;
				const nj = j + dj;
				const key = `${ni}-${nj}`;
				if (!union.has(key) || alignment.has(key)) continue;
				if (!enAligned.has(ni) || !esAligned.has(nj)) {
					add(key);
					added = true;
				}
			}
		}
	}
	for (const direction of [f, r]) {
		for (const l of direction) {
			const [i, j] = l.split('-').map(Number);
			if (!enAligned.has(i) && !esAligned.has(j)) add(l);
		}
	}
	return [...alignment]
		.map((l) => l.split('-').map(Number))
		.sort((x, y) => x[0] - y[0] || x[1] - y[1])
		.map(([i, j]) => `${i}-${j}`)
		.join(' ');
}

/** Each Spanish token linked to the English token at the same relative position. */
function diagonal(en: string, es: string): string {
	const m = en.split(' ').length;
	const n = es.split(' ').length;
	const links: string[] = [];
	for (let j = 0; j < n; j++)
		links.push(`${Math.min(m - 1, Math.floor(((j + 0.5) * m) / n))}-${j}`);
	return links.sort((a, b) => Number(a.split('-')[0]) - Number(b.split('-')[0])).join(' ');
}

function run(command: string, args: string[], stdout?: string): boolean {
	const result = spawnSync(command, args, { encoding: 'utf8', maxBuffer: 1 << 28 });
	if (result.status !== 0) {
		console.error(`${command} failed: ${result.stderr?.slice(0, 400) ?? result.error}`);
		return false;
	}
	if (stdout) writeFileSync(stdout, result.stdout);
	return true;
}

function fastAlign(
	binary: string,
	set: DevSet,
	trainEn: string[],
	trainEs: string[]
): string[] | null {
	const corpus = join(work, 'fast_align.en-es');
	writeFileSync(
		corpus,
		trainEn.map((en, k) => `${en.toLowerCase()} ||| ${trainEs[k].toLowerCase()}\n`).join('')
	);
	const fwd = join(work, 'fa.fwd');
	const rev = join(work, 'fa.rev');
	if (!run(binary, ['-i', corpus, '-d', '-o', '-v'], fwd)) return null;
	if (!run(binary, ['-i', corpus, '-d', '-o', '-v', '-r'], rev)) return null;
	const f = readLines(fwd);
	const r = readLines(rev);
	return set.en.map((_, k) => growDiagFinalAnd(f[k] ?? '', r[k] ?? ''));
}

/** eflomal's C program reads numbered tokens: "sentences vocabulary" then "length ids…" a line. */
function eflomalText(lines: string[], path: string): void {
	const ids = new Map<string, number>();
	const body = lines.map((line) => {
		const tokens = line.toLowerCase().split(' ').filter(Boolean);
		const numbers = tokens.map((t) => {
			if (!ids.has(t)) ids.set(t, ids.size);
			return ids.get(t);
		});
		return tokens.length < 0x400 ? `${tokens.length} ${numbers.join(' ')}` : '0';
	});
	writeFileSync(path, `${lines.length} ${ids.size}\n${body.join('\n')}\n`);
}

function eflomal(
	binary: string,
	set: DevSet,
	trainEn: string[],
	trainEs: string[]
): string[] | null {
	const src = join(work, 'eflomal.en');
	const tgt = join(work, 'eflomal.es');
	eflomalText(trainEn, src);
	eflomalText(trainEs, tgt);
	// The iteration counts eflomal's Python wrapper chooses for a corpus of this size.
	const iterations = Math.max(2, Math.round(5000 / Math.sqrt(trainEn.length)));
	const quarter = Math.max(1, Math.floor(iterations / 4));
	const fwd = join(work, 'ef.fwd');
	const rev = join(work, 'ef.rev');
	const args = ['-m', '3', '-s', src, '-t', tgt, '-n', '3', '-N', '0.2', '-q'];
	args.push('-1', String(Math.max(2, quarter)), '-2', String(quarter), '-3', String(iterations));
	if (!run(binary, [...args, '-f', fwd, '-r', rev])) return null;
	const f = readLines(fwd);
	const r = readLines(rev);
	return set.en.map((_, k) => growDiagFinalAnd(f[k] ?? '', r[k] ?? ''));
}

const resources = await loadWordResources();

/** Dictionary and position only: each Spanish token to the nearest English token the dictionary pairs it with. */
function dictionaryAndPosition(set: DevSet): string[] {
	const knowledge = new WordKnowledge(resources);
	return set.en.map((enLine, k) => {
		const en = tokensOfLine(enLine).map((t) => knowledge.facts(t, 'en'));
		const es = tokensOfLine(set.es[k]).map((t) => knowledge.facts(t, 'es'));
		const links: Array<[number, number]> = [];
		es.forEach((f, j) => {
			let best = -1;
			let bestDistance = Infinity;
			en.forEach((e, i) => {
				if (lexicalScore(e, f) < 1) return;
				const distance = Math.abs(i / en.length - j / es.length);
				if (distance < bestDistance) [best, bestDistance] = [i, distance];
			});
			if (best >= 0) links.push([best, j]);
		});
		return links
			.sort((a, b) => a[0] - b[0] || a[1] - b[1])
			.map(([i, j]) => `${i}-${j}`)
			.join(' ');
	});
}

function puenteOn(set: DevSet, en: string[], es: string[]): string[] {
	const result = alignPretokenised(`${en.join('\n')}\n`, `${es.join('\n')}\n`, resources);
	if (!result.ok) throw new Error(result.error.code);
	return result.value.slice(0, set.en.length);
}

function evaluate(set: DevSet): void {
	const trainEn = [...set.en, ...set.rest.map((p) => p[0])];
	const trainEs = [...set.es, ...set.rest.map((p) => p[1])];
	const systems: Array<[string, () => string[] | null]> = [
		['diagonal', () => set.en.map((en, k) => diagonal(en, set.es[k]))],
		['dictionary + position', () => dictionaryAndPosition(set)],
		[
			'Puente, each pair alone',
			() => {
				const aligner = new WordAligner(resources);
				return set.en.map((en, k) =>
					aligner
						.alignTokens(tokensOfLine(en), tokensOfLine(set.es[k]))
						.links.map((l) => `${l.en}-${l.es}`)
						.join(' ')
				);
			}
		],
		['Puente align-words, gold file only', () => puenteOn(set, set.en, set.es)],
		['Puente align-words, gold + rest', () => puenteOn(set, trainEn, trainEs)],
		[
			'fast_align (gdfa), gold + rest',
			() =>
				process.env.FAST_ALIGN ? fastAlign(process.env.FAST_ALIGN, set, trainEn, trainEs) : null
		],
		[
			'eflomal (gdfa), gold + rest',
			() => (process.env.EFLOMAL ? eflomal(process.env.EFLOMAL, set, trainEn, trainEs) : null)
		]
	];
	console.log(
		`\n${set.name}: ${set.en.length} pairs, ` +
			`${set.gold.reduce((n, g) => n + g.sure.size, 0)} sure and ` +
			`${set.gold.reduce((n, g) => n + g.possible.size - g.sure.size, 0)} possible links; ` +
			`"+ rest" trains on ${trainEn.length} sentence pairs of the same documents`
	);
	console.log('system                                   AER    precision  recall  links   seconds');
	for (const [name, align] of systems) {
		const started = performance.now();
		const predicted = align();
		const seconds = ((performance.now() - started) / 1000).toFixed(2);
		if (!predicted) {
			const variable = name.startsWith('fast') ? 'FAST_ALIGN' : 'EFLOMAL';
			console.log(`${name.padEnd(40)} not available (set ${variable})`);
			continue;
		}
		const s = score(predicted, set.gold);
		console.log(
			`${name.padEnd(40)} ${s.aer.toFixed(3)}  ${s.precision.toFixed(3)}      ${s.recall.toFixed(3)}   ${String(s.links).padStart(5)}   ${seconds.padStart(7)}`
		);
	}
}

console.log('Word alignment, hand-made dev sets (reported, never tuned to)');
for (const set of devSets) evaluate(set);

// The reader's cost: one aligner per document (learning from its pairs, with the glossary's
// terms), then one call per pair on screen; a pair shown again is remembered. Word lookups are
// shared by all aligners of the process, so the first pass over a document's pairs is warm.
const news = devSets[0];
const documentPairs = news.en.map((en, k) => ({ en, es: news.es[k] }));
const glossary = JSON.parse(readFileSync(join(root, 'src/lib/data/glossary.json'), 'utf8'));
let started = performance.now();
const aligner = new WordAligner(resources, {
	documentPairs,
	terms: termsFromGlossary(glossary)
});
const learnMs = performance.now() - started;
for (const pair of documentPairs) aligner.align(pair.en, pair.es);
// The first call for a pair, measured over fresh aligners for a second or more (the words are
// known by then, as on a page that has shown a few pairs).
let calls = 0;
started = performance.now();
while (performance.now() - started < 1000 || calls < documentPairs.length) {
	const fresh = new WordAligner(resources, { terms: termsFromGlossary(glossary) });
	for (const pair of documentPairs) fresh.align(pair.en, pair.es);
	calls += documentPairs.length;
}
const firstCall = ((performance.now() - started) * 1000) / calls;
started = performance.now();
for (const pair of documentPairs) aligner.align(pair.en, pair.es);
const againCall = ((performance.now() - started) * 1000) / documentPairs.length;
const meanTokens =
	documentPairs.reduce((n, p) => n + p.en.split(' ').length + p.es.split(' ').length, 0) /
	documentPairs.length;
console.log(
	`\nReader cost: an aligner for a document of ${documentPairs.length} pairs with the glossary's ` +
		`${glossary.length} terms ${learnMs.toFixed(0)} ms; then ${firstCall.toFixed(0)} µs per pair ` +
		`the first time (${meanTokens.toFixed(0)} tokens a pair), ${againCall.toFixed(1)} µs when shown again`
);
console.log(
	`load average: ${loadavg()
		.map((x) => x.toFixed(2))
		.join(' ')}`
);
