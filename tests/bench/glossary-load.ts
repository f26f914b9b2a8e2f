// A large glossary imported through the glossary page, beside a small one in the same run: the
// import's answer time, the first GET / after it, GET / latency while the texts containing the
// changed terms are re-analysed, and the time until every text is analysed again. Issue #13 asks
// that a 50,000-entry glossary leave the library answering. Each size gets a fresh store and a
// fresh server process (no warm caches). Prints numbers; asserts nothing.
// Run: `npm run bench:glossary-load` (SIZES=100,50000 by default).
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Papa from 'papaparse';
import { GLOSSARY_CSV_COLUMNS } from '../../src/lib/core/formats/glossary-csv';
import { startServer } from './server-process';

const SIZES = (process.env.SIZES ?? '100,50000').split(',').map(Number);
const loadavg = () => readFileSync('/proc/loadavg', 'utf8').trim();

// The first entries are words the corpus uses, so the texts that contain them are analysed again
// with the whole glossary's matcher; the rest are made up.
const WORDS_IN_THE_CORPUS = [
	['gobierno', 'government'],
	['protesta', 'protest'],
	['policía', 'police'],
	['huelga', 'strike'],
	['presidente', 'president']
];

/** A glossary of `n` entries, each with a Spanish and an English form. */
function glossaryCsv(n: number): string {
	const rows = Array.from({ length: n }, (_, i) => ({
		id: `bench-term-${i}`,
		type: 'concept',
		es: WORDS_IN_THE_CORPUS[i]?.[0] ?? `término de prueba ${i}`,
		en: WORDS_IN_THE_CORPUS[i]?.[1] ?? `bench term ${i}`,
		variants: '',
		// Short, so that 50,000 entries stay under the 5 MB limit on an import.
		explanation_en: `Entry ${i}.`,
		explanation_es: `Entrada ${i}.`,
		first_occurrence_document: '',
		first_occurrence_quote: ''
	}));
	return Papa.unparse({
		fields: [...GLOSSARY_CSV_COLUMNS],
		data: rows.map((r) => GLOSSARY_CSV_COLUMNS.map((c) => r[c]))
	});
}

async function timed<T>(work: () => Promise<T>): Promise<[T, number]> {
	const started = performance.now();
	const value = await work();
	return [value, performance.now() - started];
}

/** Latencies of sequential GET / for `ms` milliseconds. */
async function libraryLatencies(base: string, ms: number): Promise<number[]> {
	const latencies: number[] = [];
	const end = Date.now() + ms;
	while (Date.now() < end) {
		const [, t] = await timed(async () => (await fetch(`${base}/`)).text());
		latencies.push(t);
	}
	return latencies.sort((a, b) => a - b);
}

/** Milliseconds until no text is pending analysis (polled through the documents API). */
async function untilAnalysed(base: string): Promise<number> {
	const started = performance.now();
	for (;;) {
		const docs = (await (await fetch(`${base}/api/documents`)).json()) as {
			documents: { analysis?: string }[];
		};
		if (docs.documents.every((d) => d.analysis !== 'pending')) return performance.now() - started;
		await new Promise((r) => setTimeout(r, 250));
	}
}

const ms = (x: number) => x.toFixed(0);
console.log(`load average at start: ${loadavg()}`);
console.log(
	'| entries | CSV | import answered (ms) | first GET / after (ms) | GET / p50 / p99 for 5 s after (ms) | texts analysed again after (ms) |'
);
console.log('|--:|--:|--:|--:|--:|--:|');
for (const n of SIZES) {
	const dir = mkdtempSync(join(tmpdir(), 'puente-bench-glossary-'));
	const server = await startServer(join(dir, 'bench.db'));
	try {
		await untilAnalysed(server.base);
		const csv = glossaryCsv(n);
		const form = new FormData();
		form.set('file', new File([csv], 'glossary.csv', { type: 'text/csv' }));
		form.set('format', 'csv');
		const [answer, importMs] = await timed(() =>
			fetch(`${server.base}/glossary?/import`, {
				method: 'POST',
				body: form,
				headers: { origin: server.base, 'x-sveltekit-action': 'true' }
			})
		);
		// An enhanced form's answer: { type: 'success' | 'failure', data } (devalue-encoded data).
		const result = (await answer.json()) as { type: string; data?: string };
		if (result.type !== 'success')
			throw new Error(`import answered ${answer.status} ${result.type}: ${result.data}`);
		const [, firstMs] = await timed(async () => (await fetch(`${server.base}/`)).text());
		const after = await libraryLatencies(server.base, 5000);
		const analysedMs = await untilAnalysed(server.base);
		const p = (q: number) => after[Math.min(after.length - 1, Math.floor(q * after.length))];
		console.log(
			`| ${n.toLocaleString('en')} | ${(csv.length / 1024 / 1024).toFixed(1)} MB | ${ms(importMs)} | ${ms(firstMs)} | ${ms(p(0.5))} / ${ms(p(0.99))} | ${ms(analysedMs)} |`
		);
	} finally {
		await server.stop();
		rmSync(dir, { recursive: true, force: true });
	}
}
console.log(`load average at end: ${loadavg()}`);
process.exit(0);
