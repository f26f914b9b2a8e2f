// Benchmark of the language detector on two sets, beside two baselines measured in the same
// run (franc and eld, each labelling Intl.Segmenter sentences alone): the shared synthetic dev
// documents and the real dev set in eval/detect (Spanish Debian documentation that leaves
// headings, paragraphs, options and table cells in English; see eval/detect/README.md).
// Scores come from the shared scorer; throughput is warm and includes segmentation.
//   npm run bench:detect               tables (pooled, per document, by language)
//   npm run bench:detect -- --errors   also Puente's wrong sentences on the real set
//   npm run bench:detect -- --cases DIR  another set built the same way (a held-out set), added
import { execFileSync } from 'node:child_process';
import {
	existsSync,
	mkdirSync,
	mkdtempSync,
	readdirSync,
	readFileSync,
	rmSync,
	writeFileSync
} from 'node:fs';
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
const sets: Array<{ name: string; dir: string }> = [
	{ name: 'synthetic dev', dir: resolve(repoRoot, '../shared/eval/detect/dev') },
	{ name: 'real dev', dir: resolve(repoRoot, 'eval/detect') }
];
if (casesArg > 0) sets.push({ name: 'extra', dir: resolve(process.argv[casesArg + 1]) });
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

interface CaseScore {
	case: string;
	sentences: number;
	sentence_accuracy: number;
	boundary_f1: number;
	gold_boundaries: number;
	by_lang: Record<string, number>;
}
interface Score {
	cases: CaseScore[];
	sentence_accuracy: number;
	boundary_f1: number;
	micro: {
		sentences: number;
		sentence_accuracy: number;
		boundary_f1: number;
		gold_boundaries: number;
		by_lang: Record<string, number>;
	};
}

function score(goldDir: string, predDir: string): Score {
	const lines = execFileSync('node', [scorer, goldDir, predDir], { encoding: 'utf8' })
		.trim()
		.split('\n')
		.map((l) => JSON.parse(l));
	const macro = lines.pop();
	return { ...macro, cases: lines };
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

function printErrors(dir: string, docs: Map<string, string>): void {
	for (const [name, text] of docs) {
		const gold = readFileSync(join(dir, name, 'gold.jsonl'), 'utf8')
			.trim()
			.split('\n')
			.map((l) => JSON.parse(l) as Run);
		const detection = detectLanguages(text);
		for (const g of gold) {
			// The label covering most of the gold sentence's characters, as the scorer reads it.
			const covering = detection.sentences.filter((s) => s.start < g.end && s.end > g.start);
			const share = new Map<string, number>();
			for (const s of covering)
				share.set(
					s.lang,
					(share.get(s.lang) ?? 0) + Math.min(s.end, g.end) - Math.max(s.start, g.start)
				);
			const label = [...share].sort((a, b) => b[1] - a[1])[0]?.[0] ?? 'none';
			if (label !== g.lang) {
				const conf = covering.map((s) => `${s.lang} ${s.confidence.toFixed(2)}`).join(' / ');
				const joined = covering.some((s) => s.start < g.start || s.end > g.end) ? ' [joined]' : '';
				console.log(
					`${name} gold ${g.lang} got ${label} (${conf})${joined} ${JSON.stringify(text.slice(g.start, g.end).slice(0, 120))}`
				);
			}
		}
	}
}

function readCases(dir: string): Map<string, string> {
	const cases = readdirSync(dir)
		.filter((d) => existsSync(join(dir, d, 'gold.jsonl')))
		.sort();
	return new Map(cases.map((c) => [c, readFileSync(join(dir, c, 'doc.txt'), 'utf8')]));
}

function printTable(header: string[], table: string[][]): void {
	const widths = header.map((h, i) => Math.max(h.length, ...table.map((row) => row[i].length)));
	const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i])).join(' | ')} |`;
	console.log(line(header));
	console.log(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`);
	for (const row of table) console.log(line(row));
}

const f3 = (x: number | undefined) => (x === undefined ? '-' : x.toFixed(3));
const byLang = (b: Record<string, number>) =>
	['en', 'es', 'und'].map((l) => `${l} ${f3(b[l])}`).join(' ');

function main(): void {
	console.log(`load average at start: ${readFileSync('/proc/loadavg', 'utf8').trim()}`);
	const work = mkdtempSync(join(tmpdir(), 'puente-bench-detect-'));
	const speedTexts: string[] = [];
	try {
		for (const set of sets) {
			const docs = readCases(set.dir);
			if (set.name === 'synthetic dev') speedTexts.push(...docs.values());
			const scores = systems.map((system) => {
				const predDir = join(work, `${set.name}-${system.name}`.replace(/\W+/g, '-'));
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
				return score(set.dir, predDir);
			});
			const kb = [...docs.values()].reduce((n, t) => n + Buffer.byteLength(t), 0) / 1024;
			const { sentences, gold_boundaries } = scores[0].micro;
			console.log(
				`\n## ${set.name}: ${set.dir} (${docs.size} documents, ${sentences} sentences, ${gold_boundaries} switches, ${kb.toFixed(0)} KB)`
			);
			printTable(
				[
					'system',
					'sent acc (pooled)',
					'switch F1 (pooled)',
					'sent acc (macro)',
					'switch F1 (macro)',
					'by gold language (pooled)'
				],
				systems.map((system, k) => [
					system.name,
					f3(scores[k].micro.sentence_accuracy),
					f3(scores[k].micro.boundary_f1),
					f3(scores[k].sentence_accuracy),
					f3(scores[k].boundary_f1),
					byLang(scores[k].micro.by_lang)
				])
			);
			const [p, ...baselines] = scores;
			for (const [k, b] of baselines.entries())
				console.log(
					`Puente / ${systems[k + 1].name}: sentence accuracy x${(p.micro.sentence_accuracy / b.micro.sentence_accuracy).toFixed(3)}, ` +
						`switch F1 x${(p.micro.boundary_f1 / b.micro.boundary_f1).toFixed(3)}`
				);
			if (set.name !== 'synthetic dev') {
				console.log('Per document: sentence accuracy / switch F1 (en, es, und accuracy of Puente)');
				printTable(
					[
						'document',
						'sentences',
						'switches',
						...systems.map((s) => s.name),
						'Puente by language'
					],
					p.cases.map((c, i) => [
						c.case,
						String(c.sentences),
						String(c.gold_boundaries),
						...scores.map(
							(sc) => `${f3(sc.cases[i].sentence_accuracy)} / ${f3(sc.cases[i].boundary_f1)}`
						),
						byLang(c.by_lang)
					])
				);
				if (process.argv.includes('--errors')) printErrors(set.dir, docs);
			}
		}
	} finally {
		rmSync(work, { recursive: true, force: true });
	}

	const corpus = readdirSync(corpusDir)
		.filter((f) => f.endsWith('.txt'))
		.map((f) => readFileSync(join(corpusDir, f), 'utf8'))
		.join('\n\n');
	const large = `${corpus}\n\n`.repeat(Math.ceil((1024 * 1024) / Buffer.byteLength(corpus)));
	console.log(
		`\n## Throughput, warm KB/s (synthetic dev documents; a ${(Buffer.byteLength(large) / 1024).toFixed(0)} KB document of the bundled corpus)`
	);
	const speeds = systems.map((s) => [throughput(s, speedTexts), throughput(s, [large])]);
	printTable(
		['system', 'KB/s dev', 'KB/s 1 MB'],
		systems.map((s, k) => [s.name, speeds[k][0].toFixed(0), speeds[k][1].toFixed(0)])
	);
	console.log(`load average at end: ${readFileSync('/proc/loadavg', 'utf8').trim()}`);
}

main();
