// Benchmark of the language detector on the shared dev documents, beside two baselines
// measured in the same run: franc and eld, each labelling Intl.Segmenter sentences alone.
// Scores come from the shared scorer; throughput is warm and includes segmentation.
//   npm run bench:detect               table
//   npm run bench:detect -- --errors   also Puente's wrong sentences, to study their causes
//   npm run bench:detect -- --cases DIR  another set built the same way (a held-out set)
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { franc } from 'franc';
import { eld } from 'eld/large';
import { detectLanguages } from '../../src/lib/core/detect';

type Run = { start: number; end: number; lang: string };
type System = { name: string; detect: (text: string) => Run[] };

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const casesArg = process.argv.indexOf('--cases');
const devDir =
	casesArg > 0
		? resolve(process.argv[casesArg + 1])
		: resolve(repoRoot, '../shared/eval/detect/dev');
const scorer = resolve(repoRoot, '../shared/eval/tools/score-detect.mjs');
const corpusDir = resolve(repoRoot, 'src/lib/data/corpus');

const segmenter = new Intl.Segmenter('en', { granularity: 'sentence' });

/** Sentences as the baselines see them: Intl.Segmenter per paragraph, trimmed. */
function baselineSentences(text: string): Run[] {
	const out: Run[] = [];
	const paragraph = /[^\n]+(?:\n(?!\s*\n)[^\n]*)*/g;
	for (let p = paragraph.exec(text); p; p = paragraph.exec(text)) {
		for (const s of segmenter.segment(p[0])) {
			const lead = s.segment.length - s.segment.trimStart().length;
			const body = s.segment.trim();
			if (body)
				out.push({
					start: p.index + s.index + lead,
					end: p.index + s.index + lead + body.length,
					lang: 'und'
				});
		}
	}
	return out;
}

const francPerSentence: System = {
	name: 'franc per sentence',
	detect: (text) =>
		baselineSentences(text).map((s) => {
			const body = text.slice(s.start, s.end);
			const lang = body.length < 10 ? 'und' : franc(body, { only: ['eng', 'spa'] });
			return { ...s, lang: lang === 'eng' ? 'en' : lang === 'spa' ? 'es' : 'und' };
		})
};

eld.setLanguageSubset(['en', 'es']);
const eldPerSentence: System = {
	name: 'eld per sentence',
	detect: (text) =>
		baselineSentences(text).map((s) => {
			const language = eld.detect(text.slice(s.start, s.end)).language;
			return { ...s, lang: language === 'en' || language === 'es' ? language : 'und' };
		})
};

const puente: System = {
	name: 'Puente',
	detect: (text) => detectLanguages(text).runs.map(({ start, end, lang }) => ({ start, end, lang }))
};

const systems = [puente, francPerSentence, eldPerSentence];

interface Score {
	sentence_accuracy: number;
	boundary_f1: number;
	micro: { sentence_accuracy: number; boundary_f1: number; by_lang: Record<string, number> };
}

function score(predDir: string): Score {
	const out = execFileSync('node', [scorer, devDir, predDir], { encoding: 'utf8' })
		.trim()
		.split('\n');
	return JSON.parse(out[out.length - 1]);
}

/**
 * Warm throughput in KB/s: after a warm-up pass, passes for at least 1.5 seconds, and the
 * median pass counts (other work on the machine slows some passes down, never speeds one up).
 */
function throughput(system: System, texts: string[]): number {
	const bytes = texts.reduce((n, t) => n + Buffer.byteLength(t), 0);
	for (const t of texts) system.detect(t);
	const passes: number[] = [];
	const start = performance.now();
	while (performance.now() - start < 1500 || passes.length < 3) {
		const t0 = performance.now();
		for (const t of texts) system.detect(t);
		passes.push(performance.now() - t0);
	}
	passes.sort((a, b) => a - b);
	const median = passes[Math.floor(passes.length / 2)] / 1000;
	return bytes / 1024 / median;
}

function printErrors(cases: string[], docs: Map<string, string>): void {
	for (const name of cases) {
		const text = docs.get(name)!;
		const gold = readFileSync(join(devDir, name, 'gold.jsonl'), 'utf8')
			.trim()
			.split('\n')
			.map((l) => JSON.parse(l) as Run);
		const detection = detectLanguages(text);
		for (const g of gold) {
			const covering = detection.sentences.filter((s) => s.start < g.end && s.end > g.start);
			const label = covering.find((s) => s.start <= g.start && s.end > g.start)?.lang ?? 'none';
			if (label !== g.lang) {
				const conf = covering.map((s) => s.confidence.toFixed(2)).join('/');
				console.log(
					`${name} gold ${g.lang} got ${label} (${conf}) ${JSON.stringify(text.slice(g.start, g.end).slice(0, 160))}`
				);
			}
		}
	}
}

function main(): void {
	const cases = readdirSync(devDir)
		.filter((d) => /^doc-\d+$/.test(d))
		.sort();
	const docs = new Map(cases.map((c) => [c, readFileSync(join(devDir, c, 'doc.txt'), 'utf8')]));
	const corpus = readdirSync(corpusDir)
		.filter((f) => f.endsWith('.txt'))
		.map((f) => readFileSync(join(corpusDir, f), 'utf8'))
		.join('\n\n');
	const large = `${corpus}\n\n`.repeat(Math.ceil((1024 * 1024) / Buffer.byteLength(corpus)));

	const work = mkdtempSync(join(tmpdir(), 'puente-bench-detect-'));
	const rows: Array<{ name: string; score: Score; kbs: number; largeKbs: number }> = [];
	try {
		for (const system of systems) {
			const predDir = join(work, system.name.replace(/\W+/g, '-'));
			mkdirSync(predDir);
			for (const [name, text] of docs) {
				writeFileSync(
					join(predDir, `${name}.jsonl`),
					system
						.detect(text)
						.map((r) => `${JSON.stringify(r)}\n`)
						.join('')
				);
			}
			rows.push({
				name: system.name,
				score: score(predDir),
				kbs: throughput(system, [...docs.values()]),
				largeKbs: throughput(system, [large])
			});
		}
	} finally {
		rmSync(work, { recursive: true, force: true });
	}

	const devKb = [...docs.values()].reduce((n, t) => n + Buffer.byteLength(t), 0) / 1024;
	console.log(
		`Language detection on ${devDir} (${cases.length} documents, ${devKb.toFixed(0)} KB); large input ${(Buffer.byteLength(large) / 1024).toFixed(0)} KB`
	);
	const header = [
		'system',
		'sent acc (macro)',
		'sent acc (micro)',
		'boundary F1 (macro)',
		'boundary F1 (micro)',
		'KB/s dev',
		'KB/s 1 MB'
	];
	const table = rows.map((r) => [
		r.name,
		r.score.sentence_accuracy.toFixed(4),
		r.score.micro.sentence_accuracy.toFixed(4),
		r.score.boundary_f1.toFixed(4),
		r.score.micro.boundary_f1.toFixed(4),
		r.kbs.toFixed(0),
		r.largeKbs.toFixed(0)
	]);
	const widths = header.map((h, i) => Math.max(h.length, ...table.map((row) => row[i].length)));
	const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i])).join(' | ')} |`;
	console.log(line(header));
	console.log(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`);
	for (const row of table) console.log(line(row));

	const [p, ...baselines] = rows;
	for (const b of baselines) {
		console.log(
			`Puente / ${b.name}: sentence accuracy x${(p.score.micro.sentence_accuracy / b.score.micro.sentence_accuracy).toFixed(3)}, ` +
				`boundary F1 (micro) x${(p.score.micro.boundary_f1 / b.score.micro.boundary_f1).toFixed(3)}, ` +
				`speed x${(p.kbs / b.kbs).toFixed(2)} (dev), x${(p.largeKbs / b.largeKbs).toFixed(2)} (1 MB)`
		);
	}
	console.log(`Puente accuracy by gold language (micro): ${JSON.stringify(p.score.micro.by_lang)}`);
	if (process.argv.includes('--errors')) printErrors(cases, docs);
}

main();
