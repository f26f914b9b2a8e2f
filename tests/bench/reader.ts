// Browser benchmark: a synthetic book of PAIRS pairs (20,000 by default) in the reader, in headless
// Chromium, beside a baseline measured in the same run: the same pairs as plain static HTML.
// First contentful paint, the longest main-thread task until the page has settled (for Puente:
// once the book's data has arrived), JS heap, DOM nodes, and scrolling from top to bottom one
// screen per frame (the share of frames that took 50 ms or less). Issue #12's targets at 20,000
// pairs: paint <= 1.5x static, longest task <= 100 ms, heap <= 50 MB, >= 95% of frames <= 50 ms,
// DOM nodes <= 5,000; then, from a trace of a few more loads, the CPU time of the task that
// hydrates the page and of the longest task. Run with `npm run bench:reader` (builds first when
// needed; PAIRS=5000 for a shorter run). Prints numbers; asserts nothing.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { en, es, insertBook, sentence } from './sample-book';
import { buildIfMissing, startServer, waitForAnalysis } from './server-process';

const PAIRS = Number(process.env.PAIRS ?? 20_000);
const RUNS = 3;

buildIfMissing();
const dir = mkdtempSync(join(tmpdir(), 'puente-bench-'));
const dbPath = join(dir, 'bench.db');
const server = await startServer(dbPath, {}, { stderr: 'ignore' });
const base = server.base;

// A text and its translation, one sentence a paragraph, put in the store directly; the server
// detects and aligns them in the background before anything is measured (the aligner has its own
// benchmark).
insertBook(dbPath, PAIRS);

// The server analyses the book in its workers once something asks for it.
const analysed = await waitForAnalysis(`${base}/doc/bench-en/status`, 500);

const browser = await chromium.launch({
	executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
	args: [
		'--no-sandbox',
		'--disable-gpu',
		'--disable-background-networking',
		'--disable-component-update',
		'--no-first-run'
	]
});
const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
const cdp = await page.context().newCDPSession(page);
await cdp.send('Performance.enable');

// Long main-thread tasks are what a reader feels as jank; record them from the first byte.
await page.addInitScript(() => {
	const w = window as unknown as { longest: number; longestAt: number };
	w.longest = 0;
	w.longestAt = 0;
	new PerformanceObserver((list) => {
		for (const entry of list.getEntries())
			if (entry.duration > w.longest) [w.longest, w.longestAt] = [entry.duration, entry.startTime];
	}).observe({ type: 'longtask', buffered: true });
});

type Timing = {
	fcp: number;
	longest: number;
	/** When the longest task began (ms from navigation): beside first paint and settled, what it was. */
	longestAt: number;
	heapMB: number;
	nodes: number;
	settled: number;
};

/**
 * Loads the page and waits until it has settled: the static page at load, Puente once the whole
 * book's data is in (the page is as tall as the book) and a second has passed for what follows.
 */
async function measure(url: string, isPuente: boolean): Promise<Timing> {
	await page.goto('about:blank');
	await page.goto(url, { waitUntil: 'load', timeout: 120_000 });
	if (isPuente)
		await page.waitForFunction((n) => document.documentElement.scrollHeight > n * 25, PAIRS, {
			timeout: 120_000,
			polling: 100
		});
	const settled = await page.evaluate(() => performance.now());
	await page.waitForTimeout(1000);
	await cdp.send('HeapProfiler.collectGarbage');
	const { metrics } = (await cdp.send('Performance.getMetrics')) as {
		metrics: { name: string; value: number }[];
	};
	const metric = (name: string) => metrics.find((m) => m.name === name)?.value ?? NaN;
	const inPage = await page.evaluate(() => ({
		fcp: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? NaN,
		longest: (window as unknown as { longest: number }).longest,
		longestAt: (window as unknown as { longestAt: number }).longestAt,
		nodes: document.getElementsByTagName('*').length
	}));
	return { ...inPage, heapMB: metric('JSHeapUsedSize') / 1024 / 1024, settled };
}

/** Scrolls top to bottom one screen per frame; the time each frame took. */
async function scrollFrames(url: string, isPuente: boolean): Promise<number[]> {
	await measure(url, isPuente);
	// A string, not a function: tsx would wrap named functions in a helper the page lacks.
	return page.evaluate(`new Promise((done) => {
		const frames = [];
		const started = performance.now();
		let last = started;
		window.scrollTo(0, 0);
		function step(now) {
			frames.push(now - last);
			last = now;
			const end = document.documentElement.scrollHeight - window.innerHeight;
			if (window.scrollY >= end - 1 || now - started > 120000) return done(frames.slice(1));
			window.scrollBy(0, window.innerHeight);
			requestAnimationFrame(step);
		}
		requestAnimationFrame(step);
	})`) as Promise<number[]>;
}

const staticHtml = `<!doctype html><html><body><table>${Array.from(
	{ length: PAIRS },
	(_, i) => `<tr><td>${sentence(en, i)}</td><td>${sentence(es, i)}</td></tr>`
).join('')}</table></body></html>`;
writeFileSync(join(dir, 'static.html'), staticHtml);
const puenteUrl = `${base}/doc/bench-en?view=parallel`;
const staticUrl = `file://${join(dir, 'static.html')}`;

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const puente: Timing[] = [];
const baseline: Timing[] = [];
for (let i = 0; i < RUNS; i++) {
	puente.push(await measure(puenteUrl, true));
	baseline.push(await measure(staticUrl, false));
}
const puenteFrames = await scrollFrames(puenteUrl, true);
const staticFrames = await scrollFrames(staticUrl, false);

/**
 * The main thread's task CPU times (thread time, from a Chromium trace: what a load costs, apart
 * from the time a busy machine takes the thread away) in one load of Puente: the task that
 * hydrates the page (the one in which it asks for reader.json's first part) and the longest.
 * Traced loads are apart from the measured ones above: tracing slows a page down.
 */
async function taskCpu(url: string): Promise<{ hydration: number; longest: number }> {
	await page.goto('about:blank');
	await browser.startTracing(page, {
		categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline']
	});
	await page.goto(url, { waitUntil: 'load', timeout: 120_000 });
	await page.waitForFunction((n) => document.documentElement.scrollHeight > n * 25, PAIRS, {
		timeout: 120_000,
		polling: 100
	});
	await page.waitForTimeout(1000);
	type TraceEvent = {
		name: string;
		ph: string;
		pid: number;
		tid: number;
		ts: number;
		dur?: number;
		tdur?: number;
		args?: { data?: { url?: string } };
	};
	const events = (
		JSON.parse((await browser.stopTracing()).toString()) as { traceEvents: TraceEvent[] }
	).traceEvents;
	const ask = events.find(
		(e) => e.name === 'ResourceSendRequest' && /reader\.json\?part=0/.test(e.args?.data?.url ?? '')
	);
	const tasks = events.filter(
		(e) => e.name === 'RunTask' && e.ph === 'X' && e.pid === ask?.pid && e.tid === ask?.tid
	);
	const hydration = tasks.find((t) => ask && t.ts <= ask.ts && ask.ts <= t.ts + (t.dur ?? 0));
	return {
		hydration: (hydration?.tdur ?? NaN) / 1000,
		longest: Math.max(...tasks.map((t) => t.tdur ?? 0)) / 1000
	};
}
const TRACED = 5;
const cpu: { hydration: number; longest: number }[] = [];
for (let i = 0; i < TRACED; i++) cpu.push(await taskCpu(puenteUrl));

const summary = (xs: Timing[]) => ({
	fcp: median(xs.map((x) => x.fcp)),
	longest: median(xs.map((x) => x.longest)),
	longestAt: median(xs.map((x) => x.longestAt)),
	heapMB: median(xs.map((x) => x.heapMB)),
	nodes: median(xs.map((x) => x.nodes)),
	settled: median(xs.map((x) => x.settled))
});
const smooth = (frames: number[]) => frames.filter((f) => f <= 50).length / frames.length;
const p = summary(puente);
const b = summary(baseline);
console.log(
	`reader benchmark: ${PAIRS} pairs, Chromium headless 1280x900, median of ${RUNS} loads; load average ${readFileSync('/proc/loadavg', 'utf8').trim()}`
);
console.log(`the book analysed in the background in ${analysed} ms`);
const cell = (x: number, digits = 0) => x.toFixed(digits).padStart(12);
console.log(
	'system              first paint   settled (ms)   longest task    JS heap (MB)   DOM nodes   frames <= 50 ms (of)'
);
const line = (name: string, x: ReturnType<typeof summary>, frames: number[]) =>
	console.log(
		`${name.padEnd(16)}${cell(x.fcp)}   ${cell(x.settled)}   ${cell(x.longest)}   ${cell(x.heapMB, 1)}   ${cell(x.nodes)}   ${(smooth(frames) * 100).toFixed(1).padStart(6)}% (${frames.length})`
	);
line('puente reader', p, puenteFrames);
line('static html', b, staticFrames);
console.log(
	`longest task began at (ms, median): puente ${p.longestAt.toFixed(0)}, static ${b.longestAt.toFixed(0)}; each puente load's longest task: ${puente.map((x) => `${x.longest.toFixed(0)} ms at ${x.longestAt.toFixed(0)}`).join(', ')}`
);
console.log(
	`ratio (puente / static): first paint ${(p.fcp / b.fcp).toFixed(2)}, heap ${(p.heapMB / b.heapMB).toFixed(2)}, DOM nodes ${(p.nodes / b.nodes).toFixed(3)}; slowest scroll frame ${Math.max(...puenteFrames).toFixed(0)} ms vs ${Math.max(...staticFrames).toFixed(0)} ms`
);
console.log(
	`main thread CPU per task (Chromium trace, median of ${TRACED} more loads): hydration ${median(cpu.map((c) => c.hydration)).toFixed(1)} ms, longest ${median(cpu.map((c) => c.longest)).toFixed(1)} ms; each load's hydration: ${cpu.map((c) => c.hydration.toFixed(0)).join(', ')} ms`
);

await browser.close();
// SIGKILL: a graceful stop waits on the browser's kept-alive connections, and outlives the bench.
server.process.kill('SIGKILL');
rmSync(dir, { recursive: true, force: true });
