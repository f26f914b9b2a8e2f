// Server benchmark on loopback, against baselines measured in the same run (a shared machine:
// read the ratios, not the times). Run with `npm run bench:server` (builds first when needed).
// Prints numbers; asserts nothing.
//
// 1. GET / and GET /doc/<slug> of a 5,000-pair book, and the book's reader.json, 10 connections
//    for 10 s each, beside a static server answering the same bytes (requests per second,
//    ratio, p50/p99). Pages are rendered on their first visit and then served from the page
//    cache (src/lib/server/page-cache.ts) while the store does not change: first and second
//    visits are printed before the runs.
// 2. p99 of GET / (10 connections, 10 s) while another client aligns two 4 MB texts.
// 3. Peak server memory (RSS, sampled every 50 ms, and the kernel's high-water mark) while
//    aligning the largest input allowed: two texts just under 5 MB.
// 4. The event loop while a 4 MB translation memory is imported (in this process, no server):
//    its longest stall and p99 delay (monitorEventLoopDelay) with the work in the worker pool
//    (importMemoryInPool, what the server runs) beside the same import on the thread itself.
//
// BENCH_PARTS picks some of them (comma-separated: pages, busy, memory, import; all by default), e.g.
// `BENCH_PARTS=memory npm run bench:server` for the memory figure alone.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import http from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { watchEventLoop } from './event-loop';
import { en, es, insertBook, sentence, textOf } from './sample-book';
import { buildIfMissing, freePort, startServer, waitForAnalysis } from './server-process';

const PAIRS = Number(process.env.PAIRS ?? 5000);
const CONNECTIONS = 10;
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const MB = 1024 * 1024;
const PARTS = new Set((process.env.BENCH_PARTS ?? 'pages,busy,memory,import').split(','));

const loadavg = () => readFileSync('/proc/loadavg', 'utf8').trim();

const serverParts = [...PARTS].some((part) => part !== 'import');
if (serverParts) buildIfMissing();

console.log(`load average at start: ${loadavg()}`);
const dir = mkdtempSync(join(tmpdir(), 'puente-bench-server-'));
const dbPath = join(dir, 'bench.db');
if (PARTS.has('import')) await importPart();
if (!serverParts) {
	rmSync(dir, { recursive: true, force: true });
	process.exit(0);
}

// The book goes in before the server starts: its start-up analyses it in the background.
// (A first start makes the store's tables.)
if (PARTS.has('pages')) {
	await (await startServer(dbPath, {}, { stderr: 'ignore' })).stop();
	insertBook(dbPath, PAIRS);
}

const startedAt = Date.now();
const running = await startServer(dbPath);
const server = running.process;
const base = running.base;
console.log(`server answering ${Date.now() - startedAt} ms after spawn (analysis runs behind)`);
if (PARTS.has('pages')) await pagesPart();
if (PARTS.has('busy')) await busyPart();
if (PARTS.has('memory')) await memoryPart();

console.log(`load average at end: ${loadavg()}`);
server.kill('SIGTERM');
rmSync(dir, { recursive: true, force: true });
process.exit(0);

async function pagesPart(): Promise<void> {
	const ready = await waitForAnalysis(`${base}/doc/bench-en/status`);
	console.log(
		`the ${PAIRS}-pair book analysed in the background: ${ready} ms after the server answered`
	);

	// A page is rendered on its first visit and kept (lib/server/page-cache.ts) until the store
	// changes: the runs below measure kept pages; these two visits show what each costs.
	const visit = async (path: string) => {
		const t = performance.now();
		const body = Buffer.from(await (await fetch(`${base}${path}`)).arrayBuffer());
		return { body, ms: performance.now() - t };
	};
	const rendered = await visit('/doc/bench-en');
	const kept = await visit('/doc/bench-en');
	console.log(
		`GET /doc/bench-en: first visit (rendered) ${rendered.ms.toFixed(1)} ms, second (page cache) ${kept.ms.toFixed(1)} ms`
	);
	const pages: Record<string, Buffer> = {
		'/': (await visit('/')).body,
		'/doc/bench-en': kept.body,
		'/doc/bench-en/reader.json': (await visit('/doc/bench-en/reader.json')).body
	};
	const staticPort = await freePort();
	const staticServer = http
		.createServer((req, res) => {
			const body = pages[req.url ?? '/'] ?? pages['/'];
			res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
			res.end(body);
		})
		.listen(staticPort, '127.0.0.1');
	const staticBase = `http://127.0.0.1:${staticPort}`;
	console.log(
		`library HTML ${(pages['/'].length / 1024).toFixed(0)} KB, book HTML ${(pages['/doc/bench-en'].length / MB).toFixed(1)} MB, book reader.json ${(pages['/doc/bench-en/reader.json'].length / MB).toFixed(1)} MB`
	);

	// CPU per request (the server process's user + system time over the run, / requests): on a
	// shared machine the latencies say how busy it was; this says what a request costs.
	const rows: string[][] = [['', 'req/s', 'p50 ms', 'p99 ms', 'vs static', 'CPU ms/req']];
	for (const [name, path] of [
		['GET /', '/'],
		['GET /doc/bench-en', '/doc/bench-en'],
		['GET /doc/bench-en/reader.json', '/doc/bench-en/reader.json']
	] as const) {
		const baseline = await load(staticBase, path);
		const cpuBefore = cpuMsOf(server.pid!);
		const puente = await load(base, path);
		const cpu = (cpuMsOf(server.pid!) - cpuBefore) / (puente.rps * SECONDS);
		rows.push(
			[`static ${name}`, ...figures(baseline), '', ''],
			[
				`puente ${name}`,
				...figures(puente),
				`${(puente.rps / baseline.rps).toFixed(2)}×`,
				cpu.toFixed(2)
			]
		);
	}
	printTable(rows);
	staticServer.close();
}

// GET / while another client aligns two 4 MB texts.
async function busyPart(): Promise<void> {
	const quiet = await load(base, '/');
	const aligning = align(4 * MB);
	await new Promise((r) => setTimeout(r, 1000));
	const busy = await load(base, '/');
	const aligned = await aligning;
	console.log(
		`GET / p99 alone ${quiet.p99.toFixed(1)} ms; while aligning two 4 MB texts ${busy.p99.toFixed(1)} ms ` +
			`(${busy.rps.toFixed(0)} req/s); the alignment answered ${aligned.status} in ${(aligned.ms / 1000).toFixed(1)} s`
	);
}

// Peak memory while aligning the largest input allowed.
async function memoryPart(): Promise<void> {
	// A small alignment first starts a worker thread (its modules, lexicon and dictionary): the
	// rest of the peak is what the largest input itself costs.
	// The corpus's analysis runs behind at start, in the same pool: wait for it, so the peak is
	// the alignment's and not whatever else the pool happened to be doing at the time.
	await analysisSettled();
	const rssIdle = rssOf(server.pid!);
	await align(64 * 1024);
	const rssBefore = rssOf(server.pid!);
	let peak = rssBefore;
	const sampler = setInterval(() => (peak = Math.max(peak, rssOf(server.pid!))), 50);
	const largest = await align(5 * MB - 64 * 1024);
	clearInterval(sampler);
	const hwm = Number(/VmHWM:\s+(\d+)/.exec(readFileSync(`/proc/${server.pid}/status`, 'utf8'))![1]);
	console.log(
		`two texts of ${((5 * MB - 64 * 1024) / MB).toFixed(2)} MB: answered ${largest.status} in ${(largest.ms / 1000).toFixed(1)} s; ` +
			`server RSS ${(rssIdle / 1024).toFixed(0)} MB idle, ${(rssBefore / 1024).toFixed(0)} MB with a worker started, peak ${(peak / 1024).toFixed(0)} MB sampled, ` +
			`high-water mark ${(hwm / 1024).toFixed(0)} MB`
	);
}

// The event loop while a 4 MB memory is imported: in the worker pool, then on this thread.
async function importPart(): Promise<void> {
	const { openDb } = await import('../../src/lib/server/db');
	const { importMemory, importMemoryInPool } = await import('../../src/lib/server/contribute');
	const { HeavyJobs } = await import('../../src/lib/server/heavy-jobs');
	const { closePool } = await import('../../src/lib/server/analysis-pool');
	const lines: string[] = [];
	let size = 0;
	for (let i = 0; size < 4 * MB; i++) {
		const line = `${sentence(en, i)}\t${sentence(es, i)}`;
		lines.push(line);
		size += Buffer.byteLength(line) + 1;
	}
	const tsv = new TextEncoder().encode(lines.join('\n'));
	const input = () => ({ title: 'Bench', fileName: 'bench.tsv', bytes: tsv.slice() });
	const measure = async (name: string, run: (db: ReturnType<typeof openDb>) => unknown) => {
		const db = openDb(join(dir, `import-${name}.db`));
		const watched = await watchEventLoop(() => run(db));
		db.close();
		console.log(
			`import of a ${(tsv.length / MB).toFixed(1)} MB memory (${lines.length} units) ${name}: ` +
				`${(watched.ms / 1000).toFixed(1)} s; longest wait of a 5 ms timer ${watched.longestGap.toFixed(0)} ms, ` +
				`p99 ${watched.p99Gap.toFixed(0)} ms; ` +
				`monitorEventLoopDelay max ${watched.delayMax.toFixed(0)} ms`
		);
	};
	await measure('in the worker pool', (db) => importMemoryInPool(db, input(), new HeavyJobs(1)));
	await measure('on the event loop', (db) => importMemory(db, input()));
	await closePool();
}

// ── helpers ─────────────────────────────────────────────────────────────────────────────

interface LoadResult {
	rps: number;
	p50: number;
	p99: number;
	errors: number;
}

/** CONNECTIONS keep-alive connections, each sending the next GET when the last one answered. */
async function load(origin: string, path: string): Promise<LoadResult> {
	const agent = new http.Agent({ keepAlive: true, maxSockets: CONNECTIONS });
	const url = new URL(path, origin);
	const latencies: number[] = [];
	let errors = 0;
	const until = Date.now() + SECONDS * 1000;
	const one = () =>
		new Promise<void>((done) => {
			const t = performance.now();
			const req = http.get(url, { agent }, (res) => {
				res.resume();
				res.on('end', () => {
					if (res.statusCode === 200) latencies.push(performance.now() - t);
					else errors++;
					done();
				});
			});
			req.on('error', () => {
				errors++;
				done();
			});
		});
	await Promise.all(
		Array.from({ length: CONNECTIONS }, async () => {
			while (Date.now() < until) await one();
		})
	);
	agent.destroy();
	latencies.sort((a, b) => a - b);
	const at = (q: number) =>
		latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? NaN;
	return { rps: latencies.length / SECONDS, p50: at(0.5), p99: at(0.99), errors };
}

async function align(bytes: number): Promise<{ status: number; ms: number }> {
	const t = Date.now();
	const response = await fetch(`${base}/api/align`, {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify({ en: textOf(en, bytes), es: textOf(es, bytes), format: 'tsv' })
	});
	await response.arrayBuffer();
	return { status: response.status, ms: Date.now() - t };
}

/** Resolves once no document's analysis is pending (polls /api/documents). */
async function analysisSettled(): Promise<void> {
	for (;;) {
		const { documents } = (await (await fetch(`${base}/api/documents`)).json()) as {
			documents: { analysis: string }[];
		};
		if (documents.every((d) => d.analysis !== 'pending')) return;
		await new Promise((r) => setTimeout(r, 200));
	}
}

/** User + system CPU time of a process so far, in ms (/proc/<pid>/stat, clock ticks of 10 ms). */
function cpuMsOf(pid: number): number {
	const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
	return (Number(fields[11]) + Number(fields[12])) * 10;
}

function rssOf(pid: number): number {
	try {
		return Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))![1]);
	} catch {
		return 0;
	}
}

function figures(r: LoadResult): string[] {
	return [
		r.rps.toFixed(0) + (r.errors ? ` (${r.errors} errors)` : ''),
		r.p50.toFixed(1),
		r.p99.toFixed(1)
	];
}

function printTable(table: string[][]): void {
	const widths = table[0].map((_, c) => Math.max(...table.map((row) => row[c].length)));
	for (const row of table) console.log(row.map((cell, c) => cell.padEnd(widths[c])).join('  '));
}
