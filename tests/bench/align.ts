// Sentence-alignment benchmark: Puente's `align` command beside the Gale-Church baseline, in the
// same run, on the Bible dev cases and Text+Berg (scored by the shared vecalign-compatible
// scorer), then wall time and peak memory of both on a generated 10,000-unit case.
// Run with `npm run bench:align` from the repository root.
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
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const shared = resolve(root, '../shared');
const evalDir = join(shared, 'eval');
const puente = join(root, 'src/cli/puente.js');
const galeChurch = join(evalDir, 'tools/gale-church.mjs');
const scorer = join(evalDir, 'tools/score-align.mjs');
const work = mkdtempSync(join(tmpdir(), 'puente-bench-align-'));

interface CaseSet {
	name: string;
	dir: string;
	files: [string, string];
	languages?: string;
}

const sets: CaseSet[] = [
	{ name: 'Bible dev (en-es)', dir: join(evalDir, 'align/dev'), files: ['en.txt', 'es.txt'] },
	{
		name: 'Text+Berg (de-fr)',
		dir: join(evalDir, 'align/textberg'),
		files: ['src.txt', 'tgt.txt'],
		languages: 'de,fr'
	}
];

type Aligner = 'puente' | 'gale-church';

function alignerCommand(aligner: Aligner, en: string, es: string, languages?: string): string[] {
	if (aligner === 'gale-church') return [galeChurch, en, es];
	return [puente, 'align', en, es, '--presplit', ...(languages ? ['--languages', languages] : [])];
}

function runAligner(
	aligner: Aligner,
	en: string,
	es: string,
	out: string,
	languages?: string
): void {
	const result = spawnSync('node', alignerCommand(aligner, en, es, languages), {
		cwd: root,
		encoding: 'utf8',
		maxBuffer: 1 << 28
	});
	if (result.status !== 0) throw new Error(`${aligner} failed on ${en}: ${result.stderr}`);
	writeFileSync(out, result.stdout);
}

interface Micro {
	precision_strict: number;
	recall_strict: number;
	f1_strict: number;
	precision_lax: number;
	recall_lax: number;
	f1_lax: number;
}

function score(goldDir: string, predDir: string): Micro {
	const lines = execFileSync('node', [scorer, goldDir, predDir], { encoding: 'utf8' })
		.trim()
		.split('\n');
	const macro = JSON.parse(lines[lines.length - 1]);
	return macro.micro as Micro;
}

const f = (x: number) => x.toFixed(3);
const rows: string[] = [];
for (const set of sets) {
	const cases = readdirSync(set.dir, { withFileTypes: true })
		.filter((d) => d.isDirectory())
		.map((d) => d.name);
	for (const aligner of ['gale-church', 'puente'] as Aligner[]) {
		const predDir = join(work, `${set.name.replace(/\W+/g, '-')}-${aligner}`);
		mkdirSync(predDir, { recursive: true });
		for (const c of cases) {
			const [a, b] = set.files.map((file) => join(set.dir, c, file));
			runAligner(aligner, a, b, join(predDir, `${c}.txt`), set.languages);
		}
		const m = score(set.dir, predDir);
		rows.push(
			`| ${set.name} | ${aligner} | ${f(m.precision_strict)} | ${f(m.recall_strict)} | **${f(m.f1_strict)}** | ${f(m.precision_lax)} | ${f(m.recall_lax)} | ${f(m.f1_lax)} |`
		);
	}
}
console.log('Quality (micro: counts pooled over the cases of a set)\n');
console.log('| set | aligner | strict P | strict R | strict F1 | lax P | lax R | lax F1 |');
console.log('| --- | --- | --: | --: | --: | --: | --: | --: |');
for (const row of rows) console.log(row);

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
const timing: Record<Aligner, Measure & { f1: number }> = {} as never;
// Three runs each, interleaved, median kept: one busy moment on a shared machine skews less.
const RUNS = 3;
const runs: Record<Aligner, Measure[]> = { 'gale-church': [], puente: [] };
const loadBefore = loadavg();
for (let r = 0; r < RUNS; r++)
	for (const aligner of ['gale-church', 'puente'] as Aligner[])
		runs[aligner].push(measure(aligner, join(scaleDir, `${aligner}.txt`)));
const loadAfter = loadavg();
const median = (values: number[]) => [...values].sort((a, b) => a - b)[values.length >> 1];
for (const aligner of ['gale-church', 'puente'] as Aligner[]) {
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
for (const aligner of ['gale-church', 'puente'] as Aligner[]) {
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
