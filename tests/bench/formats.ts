// The file-kinds table of issue #10: every kind of file translators bring (the fixtures in
// tests/fixtures/formats, as OmegaT, translate-toolkit, LibreOffice and Excel write them) and
// Puente's own exports, each read by the real importer (bytes decoded as an upload is, then the
// same reader `puente convert` uses), exported in every format Puente writes for its kind
// (memories: TMX, TSV, CSV, JSON; glossaries: TBX v2, TBX v3, CSV) and read again. A round trip
// is "yes" when the re-read units or entries equal the imported ones and a second export is
// byte-identical to the first; otherwise the first difference is printed. The external column
// runs the field's own readers on Puente's exports when installed (xmllint against the TMX 1.4b
// DTD, translate-toolkit's TMX and TBX readers). Puente's own memory exports come from the store:
// a corpus pair and a mixed corpus text, analysed by the app's background analysis, one pair of
// each confirmed. Prints a markdown table; asserts nothing; reads nothing outside the repository.
// Run with `npm run bench:formats`.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { decodeFileBytes, type TextEncoding } from '../../src/lib/core/formats/encoding';
import { exportGlossaryCsv, parseGlossaryCsv } from '../../src/lib/core/formats/glossary-csv';
import { exportTbx, readTbx, type TbxNotes } from '../../src/lib/core/formats/tbx';
import type { TranslationUnit } from '../../src/lib/core/formats/tmx';
import type { GlossaryEntry } from '../../src/lib/core/glossary/types';
import {
	readMemory,
	writeMemory,
	type MemoryFormat,
	type MemoryNotes
} from '../../src/lib/server/contribute';

const root = resolve(import.meta.dirname, '../..');
const fixtures = join(root, 'tests/fixtures/formats');
const DTD = join(fixtures, 'tmx14.dtd');
const work = mkdtempSync(join(tmpdir(), 'puente-bench-formats-'));
const loadavg = () => readFileSync('/proc/loadavg', 'utf8').trim();

// ── The field's tools, when installed ──────────────────────────────────────────────────

const PYTHON = existsSync('/usr/bin/python3') ? '/usr/bin/python3' : 'python3';
function works(command: string, args: string[]): boolean {
	try {
		execFileSync(command, args, { stdio: 'ignore' });
		return true;
	} catch {
		return false;
	}
}
const hasXmllint = works('xmllint', ['--version']);
const hasToolkit = works(PYTHON, ['-c', 'import translate.storage.tmx, translate.storage.tbx']);

let fileCount = 0;
function tempFile(name: string, body: string): string {
	const path = join(work, `${++fileCount}-${name}`);
	writeFileSync(path, body);
	return path;
}

/** xmllint against the TMX 1.4b DTD: "valid", or its first complaint. */
function xmllint(tmx: string): string {
	if (!hasXmllint) return 'xmllint not installed';
	try {
		execFileSync('xmllint', ['--noout', '--dtdvalid', DTD, tempFile('out.tmx', tmx)], {
			stdio: 'pipe'
		});
		return 'xmllint DTD valid';
	} catch (error) {
		const stderr = String((error as { stderr?: Buffer }).stderr ?? error);
		return `xmllint INVALID: ${clip(stderr.split('\n')[0], 80)}`;
	}
}

/** Runs a translate-toolkit reader (a Python snippet printing JSON) on a file. */
function toolkit(script: string, body: string, name: string): unknown {
	const out = execFileSync(PYTHON, ['-c', script, tempFile(name, body)], {
		encoding: 'utf8',
		stdio: ['ignore', 'pipe', 'pipe']
	});
	return JSON.parse(out);
}

const TT_TMX =
	'import json,sys\nfrom translate.storage import tmx\n' +
	'store = tmx.tmxfile.parsefile(sys.argv[1])\n' +
	'print(json.dumps([[u.source, u.target] for u in store.units]))';
const TT_TBX =
	'import json,sys\nfrom translate.storage import tbx\n' +
	'store = tbx.tbxfile.parsefile(sys.argv[1])\n' +
	'print(json.dumps([[u.source, u.gettarget("es")] for u in store.units]))';

/** translate-toolkit's reading of `pairs` as written in `body`: "N/M same", or the first difference. */
function toolkitSame(script: string, body: string, name: string, expected: [string, string][]) {
	if (!hasToolkit) return 'translate-toolkit not installed';
	let read: [string, string][];
	try {
		read = toolkit(script, body, name) as [string, string][];
	} catch (error) {
		const stderr = String((error as { stderr?: string }).stderr ?? error).trim();
		return `FAILS: ${clip(stderr.split('\n').at(-1) ?? '', 70)}`;
	}
	const same = expected.filter((pair, k) => isDeepStrictEqual(read[k], pair)).length;
	const first = expected.findIndex((pair, k) => !isDeepStrictEqual(read[k], pair));
	const note =
		read.length !== expected.length
			? ` (${read.length} units read)`
			: first >= 0
				? `; first: unit ${first + 1} ${show(expected[first])} read ${show(read[first])}`
				: '';
	return `${same}/${expected.length} same${note}`;
}

// ── Showing results ────────────────────────────────────────────────────────────────────

function clip(text: string, length = 50): string {
	return text.length > length ? `${text.slice(0, length - 1)}…` : text;
}
/** A value as JSON (so that CR, NBSP, tabs and line breaks show), clipped. */
const show = (value: unknown) =>
	clip(JSON.stringify(value)?.replace(/\u00a0/g, '\\u00a0') ?? String(value), 60);
/** Markdown cells must not hold "|" or line breaks. */
const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');

/** The first difference between two lists of records, as "item k field: a → b". */
function firstDifference<T extends object>(a: readonly T[], b: readonly T[], item: string) {
	if (a.length !== b.length) return `${a.length} ${item}s → ${b.length}`;
	for (let k = 0; k < a.length; k++) {
		if (isDeepStrictEqual(a[k], b[k])) continue;
		const keys = [...new Set([...Object.keys(a[k]), ...Object.keys(b[k])])];
		const key = keys.find(
			(name) =>
				!isDeepStrictEqual(
					(a[k] as Record<string, unknown>)[name],
					(b[k] as Record<string, unknown>)[name]
				)
		);
		const at = (x: T) => (key ? (x as Record<string, unknown>)[key] : x);
		return `${item} ${k + 1} ${key ?? ''}: ${show(at(a[k]))} → ${show(at(b[k]))}`;
	}
	return undefined;
}

/** What a memory's text carries that an import could lose, counted over units (either side). */
function textMarks(units: readonly TranslationUnit[]): string {
	const count = (pattern: RegExp) => units.filter((u) => pattern.test(u.en + '\u0000' + u.es));
	const marks = [
		[count(/\r/).length, 'with CR'],
		[count(/\n/).length, 'with line break'],
		[count(/\u00a0/).length, 'with NBSP'],
		[count(/&#x?[0-9a-f]+;|&(lt|gt|amp|quot|apos);/i).length, 'with an UNDECODED reference'],
		[count(/<\/?[a-z]+\d*\/?>/i).length, 'with code-like text (<b0>…)'],
		[units.filter((u) => u.confidence !== undefined).length, 'with confidence'],
		[units.filter((u) => u.reviewed).length, 'reviewed'],
		[units.filter((u) => !u.en.trim() || !u.es.trim()).length, 'with an EMPTY side']
	] as const;
	return marks
		.filter(([n]) => n > 0)
		.map(([n, what]) => `${n} ${what}`)
		.join(', ');
}

function memoryNotes(notes: MemoryNotes): string[] {
	const said: string[] = [];
	if (notes.inlineCodes) said.push(`${notes.inlineCodes} inline codes dropped`);
	for (const [tag, n] of Object.entries(notes.otherVariants ?? {}))
		said.push(`${n} other ${tag} variant(s) left out`);
	if (notes.header) said.push('header line recognised');
	if (notes.literalQuotes) said.push('quotes read literally');
	return said;
}

function tbxNotes(notes: TbxNotes): string[] {
	const said: string[] = [];
	for (const { from, to } of notes.ids) said.push(`id “${from}” → “${to}”`);
	if (notes.oneDefinition) said.push(`${notes.oneDefinition} with one definition (both sides)`);
	if (notes.noDefinition) said.push(`${notes.noDefinition} without definition`);
	if (notes.typeDefaulted) said.push(`${notes.typeDefaulted} type defaulted to concept`);
	if (notes.undeterminedAsSpanish) said.push(`“${notes.undeterminedAsSpanish}” read as Spanish`);
	return said;
}

// ── Import, export, re-import ──────────────────────────────────────────────────────────

const MEMORY_OUT: MemoryFormat[] = ['tmx', 'tsv', 'csv', 'json'];
type GlossaryFormat = 'tbx2' | 'tbx3' | 'gcsv';
const GLOSSARY_OUT: GlossaryFormat[] = ['tbx2', 'tbx3', 'gcsv'];
const NAME: Record<string, string> = {
	tmx: 'TMX',
	tsv: 'TSV',
	csv: 'CSV',
	json: 'JSON',
	tbx2: 'TBX v2',
	tbx3: 'TBX v3',
	gcsv: 'CSV'
};

interface Case {
	kind: string;
	fixture: string;
	bytes: Uint8Array;
	format: MemoryFormat | 'tbx' | 'gcsv';
	/** For a glossary or memory Puente wrote: what it wrote, to compare the import with. */
	source?: TranslationUnit[] | GlossaryEntry[];
}

interface Row {
	kind: string;
	fixture: string;
	imported: string;
	roundTrip: string;
	external: string;
}

const utf8 = (text: string) => new TextEncoder().encode(text);

/** Bytes as an upload decodes them; a Windows-1252 file is read after the offer is taken, as a person would. */
function decode(
	bytes: Uint8Array
): { text: string; encoding: TextEncoding; said: string[] } | string {
	const said: string[] = [];
	let decoded = decodeFileBytes(bytes);
	if (!decoded.ok && decoded.error.params?.encoding === 'windows-1252') {
		said.push('refused as not UTF-8, offers windows-1252; read with it');
		decoded = decodeFileBytes(bytes, { encoding: 'windows-1252' });
	}
	if (!decoded.ok) return `REFUSED: ${decoded.error.code} ${decoded.error.key ?? ''}`;
	return { ...decoded.value, said };
}

const memoryFormatOf = (format: GlossaryFormat) => (format === 'gcsv' ? 'csv' : 'tbx');

function memoryRoundTrip(units: TranslationUnit[], languages: { en: string; es: string }) {
	return MEMORY_OUT.map((format) => {
		const first = writeMemory(units, format, languages);
		const decoded = decode(utf8(first));
		if (typeof decoded === 'string') return `${NAME[format]} no: ${decoded}`;
		const again = readMemory(decoded.text, format);
		if (!again.ok)
			return `${NAME[format]} no: re-import refused (${String(again.error.params?.detail ?? again.error.code)})`;
		const difference =
			firstDifference(units, again.value.units, 'unit') ??
			(isDeepStrictEqual(languages, again.value.languages)
				? undefined
				: `languages ${show(languages)} → ${show(again.value.languages)}`) ??
			(writeMemory(again.value.units, format, again.value.languages) === first
				? undefined
				: 'second export differs');
		return difference ? `${NAME[format]} NO: ${difference}` : `${NAME[format]} yes`;
	});
}

function writeGlossary(entries: readonly GlossaryEntry[], format: GlossaryFormat): string {
	if (format === 'gcsv') return exportGlossaryCsv(entries);
	return exportTbx(entries, { version: format === 'tbx2' ? 2 : 3 });
}

function readGlossary(text: string, format: 'tbx' | 'csv') {
	if (format === 'csv') {
		const read = parseGlossaryCsv(text);
		return read.ok ? { entries: read.value, said: [] } : read;
	}
	const read = readTbx(text);
	return read.ok ? { entries: read.value.entries, said: tbxNotes(read.value.notes) } : read;
}

function glossaryRoundTrip(entries: GlossaryEntry[]) {
	return GLOSSARY_OUT.map((format) => {
		const first = writeGlossary(entries, format);
		const decoded = decode(utf8(first));
		if (typeof decoded === 'string') return `${NAME[format]} no: ${decoded}`;
		const again = readGlossary(decoded.text, memoryFormatOf(format));
		if ('ok' in again)
			return `${NAME[format]} NO: re-import refused (${String(again.error.params?.detail ?? again.error.code)})`;
		const difference =
			firstDifference(entries, again.entries, 'entry') ??
			(writeGlossary(again.entries, format) === first ? undefined : 'second export differs');
		return difference ? `${NAME[format]} NO: ${difference}` : `${NAME[format]} yes`;
	});
}

function runCase(c: Case): Row {
	const row = { kind: c.kind, fixture: c.fixture };
	const decoded = decode(c.bytes);
	if (typeof decoded === 'string')
		return { ...row, imported: decoded, roundTrip: '—', external: '—' };
	const said = [`${decoded.encoding}`, ...decoded.said];
	if (c.format === 'tbx' || c.format === 'gcsv') {
		const read = readGlossary(decoded.text, c.format === 'gcsv' ? 'csv' : 'tbx');
		if ('ok' in read)
			return {
				...row,
				imported: `REFUSED: ${String(read.error.params?.detail ?? read.error.code)}`,
				roundTrip: '—',
				external: '—'
			};
		const entries = read.entries;
		said.push(...read.said);
		if (c.source) {
			const difference = firstDifference(c.source as GlossaryEntry[], entries, 'entry');
			said.push(
				difference ? `DIFFERS from what Puente wrote: ${difference}` : 'equals what Puente wrote'
			);
		}
		const expected = entries.map((e): [string, string] => [e.en, e.es]);
		return {
			...row,
			imported: `${entries.length} entries; ${said.join('; ')}`,
			roundTrip: glossaryRoundTrip(entries).join('<br>'),
			external: [
				`TBX v2 → translate-toolkit: ${toolkitSame(TT_TBX, exportTbx(entries, { version: 2 }), 'v2.tbx', expected)}`,
				`TBX v3 → translate-toolkit: ${toolkitSame(TT_TBX, exportTbx(entries, { version: 3 }), 'v3.tbx', expected)}`
			].join('<br>')
		};
	}
	const read = readMemory(decoded.text, c.format);
	if (!read.ok)
		return {
			...row,
			imported: `REFUSED: ${String(read.error.params?.detail ?? read.error.code)}`,
			roundTrip: '—',
			external: '—'
		};
	const { units, languages, notes } = read.value;
	said.push(`languages ${languages.en}/${languages.es}`, ...memoryNotes(notes));
	// Where codes were dropped, the first unit shows whether the text reads clean and in place.
	if (notes.inlineCodes && units[0]) said.push(`unit 1 en ${show(units[0].en)}`);
	const marks = textMarks(units);
	if (marks) said.push(marks);
	if (c.source) {
		const difference = firstDifference(c.source as TranslationUnit[], units, 'unit');
		said.push(
			difference ? `DIFFERS from what Puente wrote: ${difference}` : 'equals what Puente wrote'
		);
	}
	const tmx = writeMemory(units, 'tmx', languages);
	const pairs = units
		.filter((u) => u.en.trim() && u.es.trim())
		.map((u): [string, string] => [u.en, u.es]);
	return {
		...row,
		imported: `${units.length} units; ${said.join('; ')}`,
		roundTrip: memoryRoundTrip(units, languages).join('<br>'),
		external: [
			`TMX: ${xmllint(tmx)}`,
			`TMX → translate-toolkit: ${toolkitSame(TT_TMX, tmx, 'out.tmx', pairs)}`
		].join('<br>')
	};
}

// ── The cases ──────────────────────────────────────────────────────────────────────────

const fixtureBytes = (name: string) => new Uint8Array(readFileSync(join(fixtures, name)));

/** A UTF-16LE TMX with a BOM (TMX 1.4b allows it): OmegaT's file, re-encoded, its declaration saying so. */
function utf16Tmx(): Uint8Array {
	const text = readFileSync(join(fixtures, 'omegat-3.6-level2.tmx'), 'utf8').replace(
		'encoding="UTF-8"',
		'encoding="UTF-16"'
	);
	return new Uint8Array(Buffer.from(`\ufeff${text}`, 'utf16le'));
}

/** The files, one a line: their format, the fixture (in tests/fixtures/formats), what it is. */
const FILES: [format: Case['format'], fixture: string, kind: string][] = [
	['tmx', 'omegat-3.6-level2.tmx', 'OmegaT 3.6 level-2 TMX, inline codes'],
	['tmx', 'omegat-level2.tmx', 'OmegaT-style level-2 TMX (bpt/ept/ph/it, numeric refs, NBSP)'],
	[
		'tmx',
		'omegat-3.6-project/omegat/project_save.tmx',
		'OmegaT 3.6 project memory (project_save.tmx)'
	],
	['tmx', 'inline-hi-sub.tmx', 'TMX with <hi>, <sub> in <bpt>, <ut>'],
	['tmx', 'po2tmx-debian-es.tmx', 'po2tmx TMX (Debian grep/coreutils es)'],
	['tmx', 'po2tmx-cr.tmx', 'po2tmx TMX with &#13;'],
	['tsv', 'libreoffice-pairs.tsv', 'LibreOffice TSV (quoting, header line)'],
	['csv', 'libreoffice-pairs.csv', 'LibreOffice CSV (quoting, header line)'],
	['tsv', 'excel-unicode-text.txt', 'Excel Unicode Text (UTF-16LE TSV)'],
	['csv', 'cp1252-pairs.csv', 'Excel ANSI CSV (Windows-1252)'],
	[
		'tbx',
		'tbx-basic-v2-ntig.tbx',
		'TBX-Basic v2: ntig, definitions in descripGrp / entry level / none'
	],
	['tbx', 'csv2tbx-output.tbx', 'csv2tbx TBX (martif, ids = terms, "xx")']
];
const fileCases: Case[] = FILES.map(([format, fixture, kind]) => ({
	kind,
	fixture,
	format,
	bytes: fixtureBytes(fixture)
}));

fileCases.splice(1, 0, {
	kind: 'UTF-16 TMX with BOM',
	fixture: 'omegat-3.6-level2.tmx as UTF-16LE + BOM (made here)',
	format: 'tmx',
	bytes: utf16Tmx()
});

/** Puente's glossary (src/lib/data/glossary.json) as Puente exports it: TBX v2, v3 and CSV. */
function glossaryCases(): Case[] {
	const glossary = JSON.parse(readFileSync(join(root, 'src/lib/data/glossary.json'), 'utf8')) as
		GlossaryEntry[] | { entries: GlossaryEntry[] };
	const entries = Array.isArray(glossary) ? glossary : glossary.entries;
	return GLOSSARY_OUT.map((format) => ({
		kind: `Puente's own ${NAME[format]} glossary export`,
		fixture: `src/lib/data/glossary.json (${entries.length} entries)`,
		format: format === 'gcsv' ? 'gcsv' : 'tbx',
		bytes: utf8(writeGlossary(entries, format)),
		source: entries
	}));
}

/**
 * Puente's own memory exports, from the store: a corpus text and its Spanish translation, and
 * a mixed English/Spanish corpus text, each analysed by the background analysis, with the first
 * pair of each confirmed (a review mark to carry), exported as a person downloads it.
 */
async function storeCases(): Promise<Case[]> {
	const { openDb } = await import('../../src/lib/server/db');
	const { addPair, addText, buildExport, exportUnits, EXPORT_FORMATS } =
		await import('../../src/lib/server/contribute');
	const { analysisFor } = await import('../../src/lib/server/analysis');
	const { alignmentsOf, editAlignment } = await import('../../src/lib/server/alignments');
	const corpus = (path: string) => readFileSync(join(root, 'src/lib/data/corpus', path), 'utf8');
	const db = openDb(join(work, 'puente.db'));
	try {
		const pair = addPair(db, {
			title: 'Rebellion in Peru, dispatch 2',
			en: corpus('rebellion-in-peru-dispatch-2.txt'),
			es: corpus('es/rebellion-in-peru-dispatch-2.txt'),
			via: 'paste',
			sides: 'confirmed'
		});
		const mixed = addText(db, {
			title: 'La Mosca (mixed)',
			text: corpus('brutal-repression-la-mosca.txt'),
			via: 'paste'
		});
		if (!pair.ok || !mixed.ok) throw new Error('the corpus texts were not added');
		analysisFor(db).kick();
		await analysisFor(db).idle();
		const documents = [
			{ id: pair.documentIds[0], name: 'corpus pair rebellion-in-peru-dispatch-2 (en + es)' },
			{ id: mixed.documentIds[0], name: 'corpus mixed text brutal-repression-la-mosca' }
		];
		for (const { id } of documents) {
			const alignment = alignmentsOf(db, id)[0];
			const bead = alignment?.beads.findIndex((b) => b.en.length > 0 && b.es.length > 0) ?? -1;
			if (alignment && bead >= 0)
				editAlignment(db, alignment.id, alignment.version, { kind: 'review', bead });
		}
		const cases: Case[] = [];
		for (const { id, name } of documents) {
			const units = exportUnits(db, id);
			if (!units.ok) throw new Error(`no units to export for ${name}`);
			for (const format of EXPORT_FORMATS) {
				const file = buildExport(db, id, format);
				if (!file.ok) throw new Error(`${format} export of ${name}: ${file.error.code}`);
				cases.push({
					kind: `Puente's own ${NAME[format]} export (store)`,
					fixture: name,
					format,
					bytes: utf8(file.value.body),
					source: units.value.units
				});
			}
		}
		return cases;
	} finally {
		await analysisFor(db).idle();
		db.close();
	}
}

// ── Run ────────────────────────────────────────────────────────────────────────────────

console.log(`# File kinds × import and export (npm run bench:formats)\n`);
console.log(`load average at start: ${loadavg()}`);
console.log(
	`external readers: xmllint ${hasXmllint ? 'installed' : 'not installed'}; translate-toolkit (${PYTHON}) ${hasToolkit ? 'installed' : 'not installed'}; tmx2po: ${works('tmx2po', ['--version']) ? 'installed' : 'not installed (translate-toolkit has no tmx2po; its TMX reader is used)'}\n`
);
let storeRows: Case[] = [];
let storeProblem = '';
try {
	storeRows = await storeCases();
} catch (error) {
	storeProblem = error instanceof Error ? error.message : String(error);
}
const rows = [...fileCases, ...glossaryCases(), ...storeRows].map(runCase);
console.log(
	'| file kind | fixture | import result | export → re-import identical? | external reader (on Puente’s export) |'
);
console.log('| --- | --- | --- | --- | --- |');
for (const r of rows)
	console.log(
		`| ${[r.kind, r.fixture, r.imported, r.roundTrip, r.external].map(cell).join(' | ')} |`
	);
if (storeProblem)
	console.log(`\nPuente's own memory exports (store) could not be made: ${storeProblem}`);
const notYes = rows.flatMap((r) =>
	r.roundTrip
		.split('<br>')
		.filter((t) => !t.endsWith(' yes'))
		.map((t) => `${r.fixture}: ${t}`)
);
console.log(
	`\n${rows.length} file kinds; ${notYes.length} round trip(s) not identical${notYes.length ? ':\n' + notYes.map((t) => `- ${t}`).join('\n') : ''}`
);
console.log(`\nload average at end: ${loadavg()}`);
rmSync(work, { recursive: true, force: true });
process.exit(0);
