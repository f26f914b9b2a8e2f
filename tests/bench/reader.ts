// Browser benchmark: first render of a synthetic 5,000-pair document in the reader, in headless
// Chromium, beside a baseline measured in the same run: the same pairs as plain static HTML.
// Run with `npm run bench:reader` (builds first when needed). Prints numbers; asserts nothing.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { chromium } from 'playwright-core';

const root = resolve(import.meta.dirname, '../..');
const PAIRS = Number(process.env.PAIRS ?? 5000);
const RUNS = 3;

const en = [
	'Protesters from Puno arrived in Lima on Monday to demand the resignation of the president.',
	'The police used tear gas against the march near the Plaza San Martín.',
	'Unions called a national strike for Thursday.'
];
const es = [
	'Manifestantes de Puno llegaron a Lima el lunes para exigir la renuncia de la presidenta.',
	'La policía usó gases lacrimógenos contra la marcha cerca de la Plaza San Martín.',
	'Los sindicatos convocaron un paro nacional para el jueves.'
];
const sentence = (list: string[], i: number) => `${list[i % list.length].slice(0, -1)} (${i + 1}).`;

function freePort(): Promise<number> {
	return new Promise((done) => {
		const s = createServer().listen(0, '127.0.0.1', () => {
			const a = s.address();
			s.close(() => done(typeof a === 'object' && a ? a.port : 0));
		});
	});
}

if (!existsSync(join(root, 'build/handler.js'))) {
	const r = spawnSync(
		process.execPath,
		[join(root, 'node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'warn'],
		{
			cwd: root,
			stdio: 'inherit'
		}
	);
	if (r.status !== 0) process.exit(r.status ?? 1);
}

const dir = mkdtempSync(join(tmpdir(), 'puente-bench-'));
const dbPath = join(dir, 'bench.db');
const port = await freePort();
const server = spawn(process.execPath, [join(root, 'src/cli/start.js')], {
	env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', PUENTE_DB: dbPath },
	stdio: 'ignore'
});
const base = `http://127.0.0.1:${port}`;
for (let i = 0; i < 300; i++) {
	try {
		if ((await fetch(base + '/api/documents')).ok) break;
	} catch {
		/* starting */
	}
	await new Promise((r) => setTimeout(r, 100));
}

// A pair of documents, one sentence a paragraph, and a 1-1 alignment stored directly: this
// measures the reader, not the aligner (which has its own benchmark).
const enText = Array.from({ length: PAIRS }, (_, i) => sentence(en, i)).join('\n\n');
const esText = Array.from({ length: PAIRS }, (_, i) => sentence(es, i)).join('\n\n');
const db = new Database(dbPath);
const enId = db
	.prepare(
		"INSERT INTO documents (slug, title, origin, text) VALUES ('bench-en', 'Bench', 'user', ?)"
	)
	.run(enText).lastInsertRowid;
db.prepare(
	"INSERT INTO documents (slug, title, origin, translation_of, text) VALUES ('bench-es', 'Banco', 'user', ?, ?)"
).run(enId, esText);
db.close();

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
// Warm-up: detection and alignment are computed and stored on the first visit.
const warm = Date.now();
await page.goto(`${base}/doc/bench-en?view=parallel`, { timeout: 300_000 });
const firstVisit = Date.now() - warm;

// Long main-thread tasks are what a reader feels as jank; record them from the first byte.
await page.addInitScript(() => {
	const w = window as unknown as { longest: number };
	w.longest = 0;
	new PerformanceObserver((list) => {
		for (const entry of list.getEntries()) w.longest = Math.max(w.longest, entry.duration);
	}).observe({ type: 'longtask', buffered: true });
});

/** First paint, load, the moment every pair is in the DOM (rows render progressively), longest task. */
async function measure(url: string): Promise<Timing> {
	await page.goto(url, { waitUntil: 'load', timeout: 120_000 });
	await page.waitForFunction((n) => document.querySelectorAll('tr, .row').length >= n, PAIRS, {
		timeout: 120_000,
		polling: 'raf'
	});
	return page.evaluate(() => {
		const paint = performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? NaN;
		const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
		const longest = (window as unknown as { longest: number }).longest;
		return { fcp: paint, load: nav.loadEventEnd, all: performance.now(), longest };
	});
}

const staticHtml = `<!doctype html><html><body><table>${Array.from(
	{ length: PAIRS },
	(_, i) => `<tr><td>${sentence(en, i)}</td><td>${sentence(es, i)}</td></tr>`
).join('')}</table></body></html>`;
writeFileSync(join(dir, 'static.html'), staticHtml);

const median = (xs: number[]) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)];
type Timing = { fcp: number; load: number; all: number; longest: number };
const puente: Timing[] = [];
const baseline: Timing[] = [];
for (let i = 0; i < RUNS; i++) {
	puente.push(await measure(`${base}/doc/bench-en?view=parallel`));
	baseline.push(await measure(`file://${join(dir, 'static.html')}`));
}
await page.goto(`${base}/doc/bench-en?view=parallel`);
await page.waitForFunction((n) => document.querySelectorAll('.row').length >= n, PAIRS, {
	timeout: 120_000
});
const renderedRows = await page.locator('.row').count();

const summary = (xs: Timing[]) => ({
	fcp: median(xs.map((x) => x.fcp)),
	load: median(xs.map((x) => x.load)),
	all: median(xs.map((x) => x.all)),
	longest: median(xs.map((x) => x.longest))
});
const p = summary(puente);
const b = summary(baseline);
console.log(
	`reader benchmark: ${PAIRS} pairs (${renderedRows} rows rendered), Chromium headless, median of ${RUNS}`
);
console.log(`first visit (detect + align + render): ${firstVisit} ms`);
const row = (name: string, x: Timing) =>
	`${name.padEnd(16)}  ${x.fcp.toFixed(0).padStart(16)}   ${x.load.toFixed(0).padStart(9)}   ${x.all.toFixed(0).padStart(13)}   ${x.longest.toFixed(0).padStart(16)}`;
const ratio = (key: keyof Timing) => (p[key] / b[key]).toFixed(2);
console.log('system            first paint (ms)   load (ms)   all rows (ms)   longest task (ms)');
console.log(row('puente reader', p));
console.log(row('static html', b));
console.log(
	`${'ratio'.padEnd(16)}  ${ratio('fcp').padStart(16)}   ${ratio('load').padStart(9)}   ${ratio('all').padStart(13)}`
);

await browser.close();
server.kill();
rmSync(dir, { recursive: true, force: true });
