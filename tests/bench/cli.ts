// The `puente align` command against Gale-Church's script, whole process (Node's start-up
// included), in the same run, at 1,000 and 10,000 units per side: median of 3 interleaved runs,
// each on a case no earlier run of that process saw (every run gets its own generated case).
// Before timing, one run on a two-line pair builds the command's bundle (the first run after a
// change does; a person's later runs find it). Then where the fixed cost goes: Node alone, the
// command on a two-line pair, and the same run's modules and tables timed inside the process.
// Run with `npx tsx tests/bench/cli.ts`. Prints numbers; asserts nothing.
import { execFileSync, spawnSync } from 'node:child_process';
import {
	existsSync,
	mkdirSync,
	mkdtempSync,
	readdirSync,
	readFileSync,
	realpathSync,
	writeFileSync
} from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '../..');
// The real path: Gale-Church's script runs only when it is the main module, by its own path.
const evalDir = realpathSync(resolve(root, '../shared/eval'));
const puente = join(root, 'src/cli/puente.js');
const galeChurch = join(evalDir, 'tools/gale-church.mjs');
const work = mkdtempSync(join(tmpdir(), 'puente-bench-cli-'));
const RUNS = Number(process.env.RUNS ?? 3);
const SIZES = (process.env.SIZES ?? '1000,10000').split(',').map(Number);

const load = () =>
	loadavg()
		.map((x) => x.toFixed(2))
		.join(' ');

// Cases cut from the Bible verse files in a shuffled book order by the dev set's generator
// (merges, deletions, crossings, omitted passages), as bench:align's scale case.
const bibleDir = join(evalDir, 'data/bible');
const books = readdirSync(bibleDir)
	.filter((name) => name.endsWith('.tsv'))
	.map((name) => join(bibleDir, name));
const verses = books.reduce(
	(total, book) => total + readFileSync(book, 'utf8').trim().split('\n').length - 1,
	0
);

function makeCase(units: number, seed: number): { en: string; es: string; lines: number } {
	let state = seed;
	const shuffled = () => {
		const copy = [...books];
		for (let k = copy.length - 1; k > 0; k--) {
			state = (state * 1103515245 + 12345) % 2147483648;
			const r = state % (k + 1);
			[copy[k], copy[r]] = [copy[r], copy[k]];
		}
		return copy;
	};
	const dir = join(work, `case-${units}-${seed}`);
	const rounds = Math.max(1, Math.ceil(units / (verses * 0.88)));
	const inputs = Array.from({ length: rounds }, shuffled).flat();
	execFileSync(
		'node',
		[
			join(evalDir, 'tools/make-bible-cases.mjs'),
			'--out',
			dir,
			'--seed',
			String(seed),
			'--blocks',
			'8',
			...inputs
		],
		{ stdio: ['ignore', 'ignore', 'inherit'] }
	);
	// The generator writes whole books: keep the first `units` lines of each side.
	const cut = (file: string) => {
		const lines = readFileSync(file, 'utf8').split('\n').slice(0, units);
		writeFileSync(file, lines.join('\n') + '\n');
		return lines.length;
	};
	const lines = Math.min(cut(join(dir, 'en.txt')), cut(join(dir, 'es.txt')));
	return { en: join(dir, 'en.txt'), es: join(dir, 'es.txt'), lines };
}

/** Debian's GNU time, when present: the children's CPU seconds, which a loaded machine inflates less than wall time. */
const gnuTime = existsSync('/usr/bin/time') ? '/usr/bin/time' : undefined;

interface Timing {
	/** Wall seconds of the whole process. */
	wall: number;
	/** User + system CPU seconds of the process, or NaN without GNU time. */
	cpu: number;
}

/** Wall (and CPU) seconds of one whole process. */
function timed(args: string[], expectOutput = true): Timing {
	const started = performance.now();
	const result = gnuTime
		? spawnSync(gnuTime, ['-f', 'cpu %U %S', 'node', ...args], {
				cwd: root,
				encoding: 'utf8',
				maxBuffer: 1 << 28
			})
		: spawnSync('node', args, { cwd: root, encoding: 'utf8', maxBuffer: 1 << 28 });
	const wall = (performance.now() - started) / 1000;
	if (result.status !== 0 || (expectOutput && !result.stdout.trim()))
		throw new Error(`${args.join(' ')} failed or wrote nothing: ${result.stderr}`);
	const cpuLine = /^cpu ([\d.]+) ([\d.]+)$/m.exec(result.stderr);
	return { wall, cpu: cpuLine ? Number(cpuLine[1]) + Number(cpuLine[2]) : NaN };
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[values.length >> 1];

const tiny = join(work, 'tiny');
mkdirSync(tiny);
writeFileSync(join(tiny, 'en.txt'), 'The house is red.\nThe river rose overnight.\n');
writeFileSync(join(tiny, 'es.txt'), 'La casa es roja.\nEl río creció durante la noche.\n');
const tinyArgs = [puente, 'align', join(tiny, 'en.txt'), join(tiny, 'es.txt'), '--presplit'];
timed(tinyArgs); // builds the bundle when the sources changed

console.log(`load average at start: ${load()}`);
console.log(
	'\n| units per side | Gale-Church (s) | puente align (s) | puente / Gale-Church | CPU: Gale-Church, puente (s) | CPU ratio |'
);
console.log('| --: | --- | --- | --: | --- | --: |');
let seed = 100;
for (const units of SIZES) {
	const times: Record<'gc' | 'puente', Timing[]> = { gc: [], puente: [] };
	for (let r = 0; r < RUNS; r++) {
		// A new case for each run, so neither tool meets input it has seen (files in the page
		// cache aside, which both share).
		const c = makeCase(units, seed++);
		times.gc.push(timed([galeChurch, c.en, c.es]));
		times.puente.push(timed([puente, 'align', c.en, c.es, '--presplit']));
	}
	const wall = (list: Timing[]) => list.map((t) => t.wall);
	const cpu = (list: Timing[]) => list.map((t) => t.cpu);
	const show = (list: number[]) =>
		`${median(list).toFixed(2)} (${list.map((t) => t.toFixed(2)).join(', ')})`;
	const ratio = (a: number[], b: number[]) => `${(median(a) / median(b)).toFixed(2)}×`;
	console.log(
		`| ${units} | ${show(wall(times.gc))} | ${show(wall(times.puente))} | ${ratio(wall(times.puente), wall(times.gc))} | ${median(cpu(times.gc)).toFixed(2)}, ${median(cpu(times.puente)).toFixed(2)} | ${ratio(cpu(times.puente), cpu(times.gc))} |`
	);
}

// A batch: BATCH pairs of 1,000 units, Gale-Church's script once per pair against one
// `puente align --pairs` run, which pays its start-up once (issue #12's many small article pairs).
const BATCH = Number(process.env.BATCH ?? 10);
if (BATCH > 0) {
	const cases = Array.from({ length: BATCH }, () => makeCase(1000, seed++));
	const list = join(work, `batch-${seed}.txt`);
	writeFileSync(list, cases.map((c) => `${c.en} ${c.es}\n`).join(''));
	const out = join(work, `batch-${seed}-out`);
	const gc = cases.map((c) => timed([galeChurch, c.en, c.es]));
	const batch = timed([puente, 'align', '--pairs', list, '--out', out, '--presplit'], false);
	const sum = (list: Timing[], key: keyof Timing) => list.reduce((total, t) => total + t[key], 0);
	console.log(
		`\nA batch of ${BATCH} pairs of 1,000 units: Gale-Church once per pair ${sum(gc, 'wall').toFixed(2)} s (CPU ${sum(gc, 'cpu').toFixed(2)}); ` +
			`puente align --pairs, one run, ${batch.wall.toFixed(2)} s (CPU ${batch.cpu.toFixed(2)}): ` +
			`${(batch.wall / sum(gc, 'wall')).toFixed(2)}× (CPU ${(batch.cpu / sum(gc, 'cpu')).toFixed(2)}×)`
	);
}

// Where the fixed cost goes.
const nodeAlone = median(Array.from({ length: RUNS }, () => timed(['-e', ''], false).wall));
const tinyRun = median(Array.from({ length: RUNS }, () => timed(tinyArgs).wall));
const inside = spawnSync('node', [...tinyArgs.slice(0, 1), ...tinyArgs.slice(1)], {
	cwd: root,
	encoding: 'utf8',
	env: { ...process.env, PUENTE_TIMINGS: '1' }
}).stderr.trim();
console.log(
	`\nFixed cost (median of ${RUNS}): node -e '' ${nodeAlone.toFixed(2)} s; puente align on a two-line pair ${tinyRun.toFixed(2)} s`
);
if (inside) console.log(`inside that run: ${inside}`);
console.log(`load average at end: ${load()}`);
