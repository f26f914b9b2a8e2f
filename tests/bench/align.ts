// Sentence-alignment benchmark: Puente's `align` command beside Gale-Church and hunalign (alone,
// with the FreeDict en-es dictionary with and without -realign, and with the project's Apertium +
// FreeDict pairs; the error ratio is against the best of them), in the same run, on the real dev sets of eval/align
// (Debian documents, hand-aligned), the synthetic Bible dev cases and Text+Berg (a test: report,
// never tune), scored by the shared vecalign-compatible scorer; then wall time and peak memory
// on a generated 10,000-unit case.
// Run with `npm run bench:align` from the repository root; `npm run bench:align -- --quick`
// skips the scale section.
// hunalign is a baseline only and is not shipped: the bench runs $HUNALIGN or `hunalign` on PATH.
// REALIGN_PASSES=N sets how many learn-and-realign rounds the in-process rows
// (puente+dictionary, puente+dictionary matching) make on an English/Spanish pair, to compare
// with the command's own (the puente row): `REALIGN_PASSES=2 npm run bench:align -- --quick`.
import { execFileSync, spawnSync } from 'node:child_process';
import {
	existsSync,
	mkdirSync,
	mkdtempSync,
	readdirSync,
	readFileSync,
	writeFileSync
} from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { gunzipSync } from 'node:zlib';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { alignTexts, loadAlignDictionary } from '../../src/lib/core/align/align-texts';
import { COST } from '../../src/lib/core/align/align-sentences';
import { translationPairs } from '../../src/lib/core/dictionary';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const shared = resolve(root, '../shared');
const evalDir = join(shared, 'eval');
const puente = join(root, 'src/cli/puente.js');
const galeChurch = join(evalDir, 'tools/gale-church.mjs');
const scorer = join(evalDir, 'tools/score-align.mjs');
const work = mkdtempSync(join(tmpdir(), 'puente-bench-align-'));
const quick = process.argv.includes('--quick');
if (process.env.REALIGN_PASSES) COST.lexiconRealignPasses = Number(process.env.REALIGN_PASSES);

interface CaseSet {
	name: string;
	dir: string;
	files: [string, string];
	languages?: string;
	/** Report per case, not only pooled. */
	perCase?: boolean;
}

const sets: CaseSet[] = [
	{
		name: 'Real dev (en-es)',
		dir: join(root, 'eval/align'),
		files: ['en.txt', 'es.txt'],
		perCase: true
	},
	{ name: 'Bible dev (en-es)', dir: join(evalDir, 'align/dev'), files: ['en.txt', 'es.txt'] },
	{
		name: 'Text+Berg (de-fr, test)',
		dir: join(evalDir, 'align/textberg'),
		files: ['src.txt', 'tgt.txt'],
		languages: 'de,fr'
	}
];

// hunalign in the configurations a fair baseline needs: alone, with FreeDict (what the hidden
// set's baseline uses), with FreeDict and -realign (its second pass on a learned dictionary,
// which these short documents make worse), and with the project's Apertium + FreeDict pairs.
type Hunalign = 'hunalign' | 'hunalign+dict' | 'hunalign+dict -realign' | 'hunalign+apertium';
type Aligner =
	'puente' | 'puente+dictionary' | 'puente+dictionary matching' | 'gale-church' | Hunalign;
const HUNALIGNS: Hunalign[] = [
	'hunalign',
	'hunalign+dict',
	'hunalign+dict -realign',
	'hunalign+apertium'
];
// puente+dictionary: the aligner given the bilingual dictionary (loadAlignDictionary: en-es only,
// so on de-fr it must equal puente), run in this process, as the align command would run with
// it; puente+dictionary matching: also matching words through it when scoring beads (off in
// the code: it costs F1 here).
const ALIGNERS: Aligner[] = [
	'puente',
	'puente+dictionary',
	'puente+dictionary matching',
	'gale-church',
	...HUNALIGNS
];
const isHunalign = (a: Aligner): a is Hunalign => (HUNALIGNS as string[]).includes(a);

// ------------------------------------------------------------------------------------------
// hunalign: found, never built here.

function findHunalign(): string | null {
	if (process.env.HUNALIGN) return existsSync(process.env.HUNALIGN) ? process.env.HUNALIGN : null;
	const found = spawnSync('sh', ['-c', 'command -v hunalign'], { encoding: 'utf8' });
	return found.status === 0 ? found.stdout.trim() : null;
}
const hunalign = findHunalign();

/** dictd's base-64 numbers (index offsets and lengths). */
function dictdNumber(text: string): number {
	const digits = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
	let n = 0;
	for (const c of text) n = n * 64 + digits.indexOf(c);
	return n;
}

/** Headword -> translations of one installed FreeDict dictd database. */
function readFreedict(name: string): Array<[string, string[]]> {
	const base = `/usr/share/dictd/${name}`;
	if (!existsSync(`${base}.index`)) return [];
	const data = gunzipSync(readFileSync(`${base}.dict.dz`));
	const entries: Array<[string, string[]]> = [];
	for (const line of readFileSync(`${base}.index`, 'utf8').split('\n')) {
		const [head, offset, length] = line.split('\t');
		if (!length || head.startsWith('00-database') || head.startsWith('00database')) continue;
		const start = dictdNumber(offset);
		const body = data.subarray(start, start + dictdNumber(length)).toString('utf8');
		const translations = body
			.split('\n')
			.slice(1)
			.map((l) => l.trim().replace(/^\d+\.\s*/, ''))
			.filter((l) => l && !l.startsWith('/'))
			.flatMap((l) => l.split(/\s*[,;]\s*/))
			.filter(Boolean);
		entries.push([head, translations]);
	}
	return entries;
}

/**
 * hunalign's dictionary ("target @ source" per line; here es @ en) from the installed FreeDict
 * en-es and es-en databases (apt-get install dict-freedict-eng-spa dict-freedict-spa-eng),
 * lower-cased and tokenized like the text hunalign reads. Data conversion at run time.
 */
function freedictForHunalign(): string | null {
	const pairs = new Set<string>();
	const clean = (s: string) => tokenize(s.replace(/\([^)]*\)/g, ' '));
	for (const [en, translations] of readFreedict('freedict-eng-spa'))
		for (const es of translations)
			if (clean(es) && clean(en)) pairs.add(`${clean(es)} @ ${clean(en)}`);
	for (const [es, translations] of readFreedict('freedict-spa-eng'))
		for (const en of translations)
			if (clean(es) && clean(en)) pairs.add(`${clean(es)} @ ${clean(en)}`);
	if (pairs.size === 0) return null;
	const file = join(work, 'freedict-en-es.dic');
	writeFileSync(file, [...pairs].join('\n') + '\n');
	return file;
}

/** hunalign reads tokenized text: words and punctuation apart, lower case. */
function tokenize(line: string): string {
	return line
		.toLowerCase()
		.replace(/([\p{L}\p{N}])([^\p{L}\p{N}\s])/gu, '$1 $2')
		.replace(/([^\p{L}\p{N}\s])([\p{L}\p{N}])/gu, '$1 $2')
		.replace(/\s+/g, ' ')
		.trim();
}

/**
 * hunalign's dictionary from the project's own data (src/lib/core/dictionary: Apertium eng-spa
 * and FreeDict, multi-word entries included), tokenized like the text.
 */
function apertiumForHunalign(): string {
	const pairs = new Set<string>();
	for (const [en, es] of translationPairs({ multiword: true }))
		if (tokenize(en) && tokenize(es)) pairs.add(`${tokenize(es)} @ ${tokenize(en)}`);
	const file = join(work, 'apertium-freedict-en-es.dic');
	writeFileSync(file, [...pairs].join('\n') + '\n');
	return file;
}

const emptyDictionary = join(work, 'empty.dic');
writeFileSync(emptyDictionary, '');
const freedict = hunalign ? freedictForHunalign() : null;
const apertium = hunalign ? apertiumForHunalign() : null;

/** hunalign's ladder (rungs "i j score") -> vecalign beads; deletions one line a bead. */
function ladderToBeads(ladder: string, nEn: number, nEs: number): string {
	const rungs = ladder
		.trim()
		.split('\n')
		.filter(Boolean)
		.map((l) => l.split(/\s+/).slice(0, 2).map(Number));
	if (rungs.length === 0 || rungs[rungs.length - 1][0] !== nEn) rungs.push([nEn, nEs]);
	const beads: string[] = [];
	const range = (a: number, b: number) => Array.from({ length: b - a }, (_, k) => a + k);
	for (let k = 0; k + 1 < rungs.length; k++) {
		const en = range(rungs[k][0], rungs[k + 1][0]);
		const es = range(rungs[k][1], rungs[k + 1][1]);
		if (en.length && es.length) beads.push(`[${en.join(',')}]:[${es.join(',')}]`);
		else {
			for (const i of en) beads.push(`[${i}]:[]`);
			for (const j of es) beads.push(`[]:[${j}]`);
		}
	}
	return beads.join('\n') + '\n';
}

function runHunalign(dictionary: string, realign: boolean, en: string, es: string): string {
	const tokenized = [en, es].map((file, k) => {
		const out = join(work, `hunalign-input-${k}.txt`);
		const lines = readFileSync(file, 'utf8').replace(/\n$/, '').split('\n');
		writeFileSync(out, lines.map(tokenize).join('\n') + '\n');
		return { out, n: lines.length };
	});
	const result = spawnSync(
		hunalign as string,
		[...(realign ? ['-realign'] : []), dictionary, tokenized[0].out, tokenized[1].out],
		{ encoding: 'utf8', maxBuffer: 1 << 28 }
	);
	if (result.status !== 0) throw new Error(`hunalign failed on ${en}: ${result.stderr}`);
	return ladderToBeads(result.stdout, tokenized[0].n, tokenized[1].n);
}

// ------------------------------------------------------------------------------------------

function alignerCommand(aligner: Aligner, en: string, es: string, languages?: string): string[] {
	if (aligner === 'gale-church') return [galeChurch, en, es];
	return [puente, 'align', en, es, '--presplit', ...(languages ? ['--languages', languages] : [])];
}

/** False when this aligner cannot run on this set (hunalign missing, no de-fr dictionary). */
function available(aligner: Aligner, set: CaseSet): boolean {
	if (aligner === 'puente+dictionary matching') return !set.languages;
	if (aligner === 'hunalign') return hunalign !== null;
	if (aligner === 'hunalign+apertium') return hunalign !== null && !set.languages;
	if (isHunalign(aligner)) return hunalign !== null && freedict !== null && !set.languages;
	return true;
}

async function runAligner(
	aligner: Aligner,
	en: string,
	es: string,
	out: string,
	languages?: string
): Promise<void> {
	if (aligner === 'puente+dictionary' || aligner === 'puente+dictionary matching') {
		const [a, b] = languages?.split(',') ?? ['en', 'es'];
		const result = alignTexts({
			en: readFileSync(en, 'utf8'),
			es: readFileSync(es, 'utf8'),
			presplit: true,
			languages: { en: a, es: b },
			dictionary: await loadAlignDictionary({ en: a, es: b }),
			matchThroughDictionary: aligner === 'puente+dictionary matching'
		});
		if (!result.ok) throw new Error(`${aligner} failed on ${en}: ${result.error.code}`);
		writeFileSync(out, result.value.output);
		return;
	}
	if (isHunalign(aligner)) {
		const dictionary =
			aligner === 'hunalign'
				? emptyDictionary
				: aligner === 'hunalign+apertium'
					? (apertium as string)
					: (freedict as string);
		writeFileSync(out, runHunalign(dictionary, aligner.endsWith('-realign'), en, es));
		return;
	}
	const result = spawnSync('node', alignerCommand(aligner, en, es, languages), {
		cwd: root,
		encoding: 'utf8',
		maxBuffer: 1 << 28
	});
	if (result.status !== 0) throw new Error(`${aligner} failed on ${en}: ${result.stderr}`);
	writeFileSync(out, result.stdout);
}

interface Scores {
	precision_strict: number;
	recall_strict: number;
	f1_strict: number;
	precision_lax: number;
	recall_lax: number;
	f1_lax: number;
}

/** Pooled (micro) scores of a set and the scores of each of its cases. */
function score(goldDir: string, predDir: string): { micro: Scores; cases: Map<string, Scores> } {
	const lines = execFileSync('node', [scorer, goldDir, predDir], { encoding: 'utf8' })
		.trim()
		.split('\n')
		.map((line) => JSON.parse(line));
	const macro = lines.pop();
	return { micro: macro.micro as Scores, cases: new Map(lines.map((l) => [l.case, l as Scores])) };
}

const f = (x: number) => x.toFixed(3);
const cell = (s: Scores | undefined) => (s ? f(s.f1_strict) : 'n/a');
const pooledRows: string[] = [];
const perCaseTables: string[] = [];
for (const set of sets) {
	const cases = readdirSync(set.dir, { withFileTypes: true })
		.filter((d) => d.isDirectory())
		.map((d) => d.name)
		.sort();
	const results = new Map<Aligner, { micro: Scores; cases: Map<string, Scores> }>();
	for (const aligner of ALIGNERS) {
		if (!available(aligner, set)) continue;
		const predDir = join(work, `${set.name.replace(/\W+/g, '-')}-${aligner}`);
		mkdirSync(predDir, { recursive: true });
		for (const c of cases) {
			const [a, b] = set.files.map((file) => join(set.dir, c, file));
			await runAligner(aligner, a, b, join(predDir, `${c}.txt`), set.languages);
		}
		const scored = score(set.dir, predDir);
		results.set(aligner, scored);
		const m = scored.micro;
		pooledRows.push(
			`| ${set.name} | ${aligner} | ${f(m.precision_strict)} | ${f(m.recall_strict)} | **${f(m.f1_strict)}** | ${f(m.precision_lax)} | ${f(m.recall_lax)} | ${f(m.f1_lax)} |`
		);
	}
	if (!set.perCase) continue;
	const shown = ALIGNERS.filter((a) => results.has(a));
	// The error ratio is against hunalign's best configuration on this set (pooled).
	const best = shown
		.filter(isHunalign)
		.sort(
			(a, b) => (results.get(b)?.micro.f1_strict ?? 0) - (results.get(a)?.micro.f1_strict ?? 0)
		)[0];
	const table = [
		`Strict F1 per case, ${set.name}${best ? ` (error ratio = Puente's errors / ${best}'s errors, 1 - F1; ${best} is hunalign's best configuration here)` : ''}\n`,
		`| case | ${shown.join(' | ')} |${best ? ' error ratio |' : ''}`,
		`| --- |${shown.map(() => ' --: |').join('')}${best ? ' --: |' : ''}`
	];
	const ratio = (p: Scores | undefined, b: Scores | undefined) =>
		p && b
			? 1 - b.f1_strict === 0
				? 'n/a'
				: ((1 - p.f1_strict) / (1 - b.f1_strict)).toFixed(2)
			: '';
	for (const c of cases) {
		const row = shown.map((a) => cell(results.get(a)?.cases.get(c)));
		const r = best
			? ` ${ratio(results.get('puente')?.cases.get(c), results.get(best)?.cases.get(c))} |`
			: '';
		table.push(`| ${c} | ${row.join(' | ')} |${r}`);
	}
	const pooled = shown.map((a) => `**${cell(results.get(a)?.micro)}**`);
	const r = best ? ` ${ratio(results.get('puente')?.micro, results.get(best)?.micro)} |` : '';
	table.push(`| pooled (micro) | ${pooled.join(' | ')} |${r}`);
	perCaseTables.push(table.join('\n'));
}
if (!hunalign) console.log('hunalign: not available (set HUNALIGN)\n');
else if (!freedict)
	console.log(
		'hunalign+dict: no FreeDict (apt-get install dict-freedict-eng-spa dict-freedict-spa-eng)\n'
	);
for (const table of perCaseTables) console.log(table + '\n');
console.log('Quality (micro: counts pooled over the cases of a set)\n');
console.log('| set | aligner | strict P | strict R | strict F1 | lax P | lax R | lax F1 |');
console.log('| --- | --- | --: | --: | --: | --: | --: | --: |');
for (const row of pooledRows) console.log(row);
console.log(
	`\nLoad average (1, 5, 15 min) after the quality runs: ${loadavg()
		.map((x) => x.toFixed(2))
		.join(' ')}`
);
if (quick) {
	console.log(`(predictions kept in ${work})`);
	process.exit(0);
}

// Scale: the Bible verse TSVs, concatenated in a shuffled book order several times over, cut
// into a case by the same generator as the dev set (merges, deletions, crossings, omitted passages).
const bibleDir = join(evalDir, 'data/bible');
const books = readdirSync(bibleDir)
	.filter((name) => name.endsWith('.tsv'))
	.map((name) => join(bibleDir, name));
let seed = 7;
const shuffled = () => {
	const copy = [...books];
	for (let k = copy.length - 1; k > 0; k--) {
		seed = (seed * 1103515245 + 12345) % 2147483648;
		const r = seed % (k + 1);
		[copy[k], copy[r]] = [copy[r], copy[k]];
	}
	return copy;
};
const verses = books.reduce(
	(total, book) => total + readFileSync(book, 'utf8').trim().split('\n').length - 1,
	0
);
const rounds = Math.ceil(10_000 / (verses * 0.88));
const inputs = Array.from({ length: rounds }, shuffled).flat();
const bigCase = join(work, 'scale-10k');
execFileSync(
	'node',
	[
		join(evalDir, 'tools/make-bible-cases.mjs'),
		'--out',
		bigCase,
		'--seed',
		'4242',
		'--blocks',
		'8',
		...inputs
	],
	{
		stdio: ['ignore', 'ignore', 'inherit']
	}
);
const countLines = (file: string) => readFileSync(file, 'utf8').split('\n').length - 1;
const enLines = countLines(join(bigCase, 'en.txt'));
const esLines = countLines(join(bigCase, 'es.txt'));

interface Measure {
	seconds: number;
	peakMb: number;
}

/** Whole process, Node start-up included: /usr/bin/time -v when present. */
function measure(aligner: Aligner, out: string): Measure {
	const args = alignerCommand(aligner, join(bigCase, 'en.txt'), join(bigCase, 'es.txt'));
	if (existsSync('/usr/bin/time')) {
		const result = spawnSync('/usr/bin/time', ['-v', 'node', ...args], {
			cwd: root,
			encoding: 'utf8',
			maxBuffer: 1 << 28
		});
		if (result.status !== 0)
			throw new Error(`${aligner} failed on the scale case: ${result.stderr}`);
		writeFileSync(out, result.stdout);
		const wall = /Elapsed \(wall clock\) time.*: (?:(\d+):)?(\d+):([\d.]+)/.exec(result.stderr);
		const rss = /Maximum resident set size \(kbytes\): (\d+)/.exec(result.stderr);
		if (!wall || !rss) throw new Error('could not read /usr/bin/time output');
		const seconds = Number(wall[1] ?? 0) * 3600 + Number(wall[2]) * 60 + Number(wall[3]);
		return { seconds, peakMb: Number(rss[1]) / 1024 };
	}
	const started = performance.now();
	const result = spawnSync('node', args, { cwd: root, encoding: 'utf8', maxBuffer: 1 << 28 });
	const seconds = (performance.now() - started) / 1000;
	if (result.status !== 0) throw new Error(`${aligner} failed on the scale case: ${result.stderr}`);
	writeFileSync(out, result.stdout);
	// Without /usr/bin/time, the largest child's peak as Node reports it.
	return { seconds, peakMb: process.resourceUsage().maxRSS / 1024 };
}

const scaleDir = join(work, 'scale-pred');
mkdirSync(scaleDir, { recursive: true });
const timing: Record<'puente' | 'gale-church', Measure & { f1: number }> = {} as never;
// Three runs each, interleaved, median kept: one busy moment on a shared machine skews less.
const RUNS = 3;
const runs: Record<'puente' | 'gale-church', Measure[]> = { 'gale-church': [], puente: [] };
const loadBefore = loadavg();
for (let r = 0; r < RUNS; r++)
	for (const aligner of ['gale-church', 'puente'] as const)
		runs[aligner].push(measure(aligner, join(scaleDir, `${aligner}.txt`)));
const loadAfter = loadavg();
const median = (values: number[]) => [...values].sort((a, b) => a - b)[values.length >> 1];
for (const aligner of ['gale-church', 'puente'] as const) {
	const pred = join(scaleDir, `${aligner}.txt`);
	const m: Measure = {
		seconds: median(runs[aligner].map((x) => x.seconds)),
		peakMb: Math.max(...runs[aligner].map((x) => x.peakMb))
	};
	const quality = JSON.parse(
		execFileSync('node', [scorer, bigCase, pred], { encoding: 'utf8' }).trim().split('\n')[0]
	);
	timing[aligner] = { ...m, f1: quality.f1_strict };
}
console.log(
	`\nScale: generated case of ${enLines} × ${esLines} units (whole process, Node start-up included; median of ${RUNS} runs, peak memory the largest)\n`
);
console.log('| aligner | wall time (s) | runs (s) | peak memory (MB) | strict F1 on this case |');
console.log('| --- | --: | --- | --: | --: |');
for (const aligner of ['gale-church', 'puente'] as const) {
	const t = timing[aligner];
	const all = runs[aligner].map((x) => x.seconds.toFixed(2)).join(', ');
	console.log(
		`| ${aligner} | ${t.seconds.toFixed(2)} | ${all} | ${t.peakMb.toFixed(0)} | ${f(t.f1)} |`
	);
}
const load = (l: number[]) => l.map((x) => x.toFixed(2)).join(' ');
console.log(`\nLoad average (1, 5, 15 min) before: ${load(loadBefore)}; after: ${load(loadAfter)}`);
console.log(
	`\nPuente / Gale-Church wall time: ${(timing.puente.seconds / timing['gale-church'].seconds).toFixed(2)}×`
);
console.log(
	`Targets: strict F1 ≥ 0.97 Bible dev, ≥ 0.85 Text+Berg; 10,000 × 10,000 under 3 s, peak under 500 MB.`
);
console.log(`(predictions kept in ${work})`);
