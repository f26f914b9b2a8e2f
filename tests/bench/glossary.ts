// Glossary matching benchmark: ~1 MB of text (the bundled corpus repeated) against 1,000 terms
// (the shipped glossary plus generated multiword names), beside a naive baseline measured in
// the same run: one case-insensitive regex per form scanned over the whole text.
// Run with `npm run bench:glossary`. Prints numbers; asserts nothing.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createGlossaryMatcher, entryForms, type GlossaryEntry } from '../../src/lib/core/glossary';

const root = resolve(import.meta.dirname, '../..');
const TARGET_CHARS = 1 << 20;
const TERMS = 1000;
const RUNS = 7;
const BASELINE_RUNS = 3;

const glossary: GlossaryEntry[] = JSON.parse(
	readFileSync(resolve(root, 'src/lib/data/glossary.json'), 'utf8')
);
const corpusFiles: { file: string }[] = JSON.parse(
	readFileSync(resolve(root, 'src/lib/data/corpus/index.json'), 'utf8')
);
const corpus = corpusFiles
	.map(({ file }) => readFileSync(resolve(root, 'src/lib/data/corpus', file), 'utf8'))
	.join('\n\n');
let text = '';
while (text.length < TARGET_CHARS) text += corpus + '\n\n';

// Plausible names of the kind a growing glossary gains: organisations and offices per place.
// Several begin with words the corpus uses often ("National", "Lima"), so the trie is walked, not just probed.
const places = [
	'Puno',
	'Juliaca',
	'Cusco',
	'Arequipa',
	'Ayacucho',
	'Apurímac',
	'Abancay',
	'Tacna',
	'Moquegua',
	'Huancavelica',
	'Huánuco',
	'Ucayali',
	'Ica',
	'Madre de Dios',
	'La Libertad',
	'Amazonas',
	'Loreto',
	'Piura',
	'Tumbes',
	'Cajamarca',
	'Lambayeque',
	'Áncash',
	'Junín',
	'Pasco',
	'San Martín',
	'Callao',
	'Lima',
	'Chota',
	'Espinar',
	'Andahuaylas',
	'Chumbivilcas',
	'Azángaro',
	'Ilave',
	'Yunguyo',
	'Desaguadero',
	'Huamanga',
	'Huanta',
	'Quillabamba',
	'Sicuani',
	'Challhuahuacho',
	'Cotabambas',
	'Chalhuanca',
	'Macusani',
	'Putina',
	'Ayaviri',
	'Lampa',
	'Moho',
	'Huancané',
	'Chucuito',
	'Sandia',
	'Carabaya',
	'Melgar',
	'Camaná',
	'Mollendo',
	'Pisco',
	'Nazca',
	'Chincha',
	'Huaraz',
	'Chimbote',
	'Trujillo',
	'Chiclayo',
	'Iquitos',
	'Pucallpa',
	'Tarapoto',
	'Moyobamba',
	'Chachapoyas',
	'Bagua',
	'Jaén',
	'Tingo María',
	'Huancayo',
	'Tarma',
	'La Oroya',
	'Cerro de Pasco',
	'Ilo',
	'Candarave',
	'Tarata',
	'Urubamba',
	'Calca',
	'Anta',
	'Paruro',
	'Acomayo',
	'Canchis',
	'Canas',
	'Paucartambo',
	'La Convención',
	'Grau',
	'Aymaraes',
	'Antabamba',
	'Chincheros',
	'Lucanas',
	'Parinacochas',
	'Sucre',
	'Vilcashuamán',
	'Cangallo',
	'Víctor Fajardo'
];
const patterns: [string, string][] = [
	['Frente de Defensa de {p}', '{p} Defence Front'],
	['Federación Departamental de Trabajadores de {p}', '{p} Departmental Workers Federation'],
	['Comité de Lucha de {p}', '{p} Struggle Committee'],
	['Rondas Campesinas de {p}', '{p} Peasant Patrols'],
	['Gobierno Regional de {p}', 'Regional Government of {p}'],
	['Universidad Nacional de {p}', 'National University of {p}'],
	['Paro Regional de {p}', '{p} Regional Strike'],
	['Coordinadora de Comunidades de {p}', '{p} Communities Coordinating Committee'],
	['Asociación de Comerciantes de {p}', '{p} Traders Association'],
	['Hospital Regional de {p}', '{p} Regional Hospital']
];
const slug = (s: string) =>
	s
		.normalize('NFD')
		.replace(/\p{M}/gu, '')
		.toLowerCase()
		.replace(/[^a-z0-9]+/g, '-')
		.replace(/^-|-$/g, '');
const generated: GlossaryEntry[] = [];
outer: for (const place of places)
	for (const [es, en] of patterns) {
		if (glossary.length + generated.length >= TERMS) break outer;
		const esForm = es.replace('{p}', place);
		generated.push({
			id: `gen-${slug(esForm)}`,
			type: 'organisation',
			es: esForm,
			en: en.replace('{p}', place),
			variants: [],
			explanation: { en: 'Generated. For the benchmark.', es: 'Generada. Para la prueba.' }
		});
	}
const entries = [...glossary, ...generated];
const formCount = entries.reduce((n, e) => n + entryForms(e).length, 0);

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
function time<T>(runs: number, fn: () => T): { ms: number; result: T } {
	let result = fn(); // warm-up
	const times: number[] = [];
	for (let i = 0; i < runs; i++) {
		const t0 = performance.now();
		result = fn();
		times.push(performance.now() - t0);
	}
	return { ms: median(times), result };
}

/** The naive way: a regex per form, every one scanned over the whole text, then overlaps resolved. */
function buildBaseline(list: GlossaryEntry[]) {
	const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\s+/g, '\\s+');
	return list.flatMap((e) =>
		entryForms(e).map((form) => ({
			entryId: e.id,
			re: new RegExp(`(?<![\\p{L}\\p{N}])${escape(form)}(?![\\p{L}\\p{N}])`, 'giu')
		}))
	);
}
function findBaseline(patternsToScan: ReturnType<typeof buildBaseline>, input: string) {
	const candidates: { start: number; end: number; entryId: string }[] = [];
	for (const { re, entryId } of patternsToScan)
		for (const m of input.matchAll(re))
			candidates.push({ start: m.index, end: m.index + m[0].length, entryId });
	candidates.sort((a, b) => a.start - b.start || b.end - a.end);
	const kept: typeof candidates = [];
	for (const c of candidates)
		if (kept.length === 0 || c.start >= kept[kept.length - 1].end) kept.push(c);
	return kept;
}

const megabytes = Buffer.byteLength(text, 'utf8') / 1e6;
const build = time(RUNS, () => createGlossaryMatcher(entries));
const matcher = build.result;
const match = time(RUNS, () => matcher.find(text));
const baselineBuild = time(BASELINE_RUNS, () => buildBaseline(entries));
const baseline = time(BASELINE_RUNS, () => findBaseline(baselineBuild.result, text));

const row = (label: string, ms: number, extra = '') =>
	console.log(`${label.padEnd(34)}${ms.toFixed(1).padStart(9)} ms${extra}`);
console.log(
	`Glossary matching: ${megabytes.toFixed(2)} MB of text (${text.length.toLocaleString('en')} UTF-16 units)`
);
console.log(
	`${entries.length} terms (${glossary.length} shipped + ${generated.length} generated), ${formCount} forms`
);
console.log(`median of ${RUNS} warm runs (baseline: ${BASELINE_RUNS})\n`);
row('matcher: build', build.ms);
row(
	'matcher: find',
	match.ms,
	`   ${(megabytes / (match.ms / 1000)).toFixed(1)} MB/s, ${match.result.length} matches`
);
row('baseline (regex per form): build', baselineBuild.ms);
row(
	'baseline (regex per form): find',
	baseline.ms,
	`   ${(megabytes / (baseline.ms / 1000)).toFixed(1)} MB/s, ${baseline.result.length} matches`
);
console.log(`\nmatcher find is ${(baseline.ms / match.ms).toFixed(1)}× faster than the baseline`);
console.log(
	'(the baseline does less: no accent, number, plural or gender folding, no capitals rule)'
);
