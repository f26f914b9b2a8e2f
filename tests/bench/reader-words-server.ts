// Does lighting a word's counterparts keep the server answering? The built server (`npm start`'s
// entry, a temp store) with a synthetic book of PAIRS pairs (2,000 by default): the first
// GET /doc/<slug>/words of the book learns its translations (in the word-links worker), and
// meanwhile a small request is timed every 25 ms; beside it, the same small requests with
// nothing else running (the baseline), and a second word request (cached aligner).
// Run: npx tsx tests/bench/reader-words-server.ts (after `npx vite build`; PAIRS=500 for a
// shorter run). Prints numbers; asserts nothing.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { insertBook } from './sample-book';
import { startServer, waitForAnalysis } from './server-process';

const root = resolve(import.meta.dirname, '../..');
const PAIRS = Number(process.env.PAIRS ?? 2000);
if (!existsSync(join(root, 'build/handler.js'))) {
	console.error('No production build: run `npx vite build` first.');
	process.exit(1);
}

const dir = mkdtempSync(join(tmpdir(), 'puente-bench-words-'));
const dbPath = join(dir, 'bench.db');
const server = await startServer(dbPath, {}, { stderr: 'ignore' });
const base = server.base;
try {
	insertBook(dbPath, PAIRS);
	await waitForAnalysis(`${base}/doc/bench-en/status`, 500);
	const reader = (await (await fetch(`${base}/doc/bench-en/reader.json`)).json()) as {
		alignments: { id: number; kind: string; version: number }[];
	};
	const alignment = reader.alignments.find((a) => a.kind === 'translation')!;
	const words = (bead: number) =>
		`${base}/doc/bench-en/words?alignment=${alignment.id}&bead=${bead}&v=${alignment.version}`;

	/** Times GET /doc/bench-en/status every 25 ms until `until` settles; returns the times (ms). */
	async function pings(until: Promise<unknown>): Promise<number[]> {
		let done = false;
		void until.then(() => (done = true));
		const times: number[] = [];
		while (!done) {
			const started = performance.now();
			await fetch(`${base}/doc/bench-en/status`).then((r) => r.arrayBuffer());
			times.push(performance.now() - started);
			await new Promise((r) => setTimeout(r, 25));
		}
		return times;
	}
	const describe = (times: number[]) => {
		const sorted = [...times].sort((a, b) => a - b);
		const median = sorted[Math.floor(sorted.length / 2)] ?? 0;
		return `median ${median.toFixed(1)} ms, worst ${(sorted.at(-1) ?? 0).toFixed(1)} ms (${times.length} requests)`;
	};

	const idle = await pings(new Promise((r) => setTimeout(r, 2000)));
	let started = performance.now();
	const first = fetch(words(1)).then((r) => r.json());
	const during = await pings(first);
	const firstMs = performance.now() - started;
	started = performance.now();
	await fetch(words(2)).then((r) => r.json());
	const secondMs = performance.now() - started;

	console.log(
		`A book of ${PAIRS} pairs: the first word request took ${firstMs.toFixed(0)} ms (learning the book), the next ${secondMs.toFixed(0)} ms`
	);
	console.log(`GET /doc/<slug>/status, nothing else running (baseline): ${describe(idle)}`);
	console.log(`GET /doc/<slug>/status during the first word request:    ${describe(during)}`);
	console.log(
		`load average: ${loadavg()
			.map((x) => x.toFixed(2))
			.join(' ')}`
	);
} finally {
	server.process.kill();
	rmSync(dir, { recursive: true, force: true });
}
