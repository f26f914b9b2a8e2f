// `puente align EN ES [--presplit] [--format beads|tsv|tmx|json] [--languages en,es]` aligns two
// files; `puente align MIXED --format json` pairs the passages of one mixed document.
// `--encoding E` reads the files that are not UTF-8 in E (Windows-1252), as imports do.
// Many pairs in one run pay the start-up (loading, the lexicon tables) once:
// `puente align --pairs LIST --out DIR` (LIST: one "EN ES" pair of paths a line) or
// `puente align FOLDER --out DIR` (every NAME.en.txt with its NAME.es.txt) write one file per
// pair into DIR, with a progress bar on stderr when it is a terminal.
import { mkdir, readFile, readdir, stat, writeFile } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import {
	ALIGNMENT_FORMATS,
	alignTexts,
	loadAlignDictionary,
	type AlignmentFormat
} from '../lib/core/align/align-texts';
import { userError } from '../lib/core/errors';
import type { TextEncoding } from '../lib/core/formats/encoding';
import {
	encodingOption,
	EXIT_BAD_INPUT,
	EXIT_OK,
	readTextInput,
	reportError,
	type CliIO
} from './io';

const USAGE = `Usage: puente align EN ES [--presplit] [--format beads|tsv|tmx|json] [--languages en,es] [--encoding E]
       puente align MIXED --format json
       puente align --pairs LIST --out DIR [options]   (LIST: "EN ES" paths, one pair a line)
       puente align FOLDER --out DIR [options]         (every NAME.en.txt with NAME.es.txt)
`;

interface AlignArgs {
	files: string[];
	presplit: boolean;
	format: AlignmentFormat;
	languages?: { en: string; es: string };
	pairs?: string;
	out?: string;
	encoding?: TextEncoding;
}

/** File name endings of the outputs of a batch, by format. */
const EXTENSIONS: Record<AlignmentFormat, string> = {
	beads: 'beads.txt',
	tsv: 'tsv',
	tmx: 'tmx',
	json: 'json'
};

function parseArgs(args: string[]): AlignArgs | string {
	const parsed: AlignArgs = { files: [], presplit: false, format: 'beads' };
	for (let k = 0; k < args.length; k++) {
		const arg = args[k];
		if (arg === '--presplit') parsed.presplit = true;
		else if (arg === '--format' || arg.startsWith('--format=')) {
			const value = arg.includes('=') ? arg.split('=')[1] : args[++k];
			if (!ALIGNMENT_FORMATS.includes(value as AlignmentFormat))
				return `unknown format "${value ?? ''}"`;
			parsed.format = value as AlignmentFormat;
		} else if (arg === '--languages' || arg.startsWith('--languages=')) {
			const value = (arg.includes('=') ? arg.split('=')[1] : args[++k]) ?? '';
			const [en, es] = value.split(',');
			if (!en || !es) return '--languages takes two codes, e.g. de,fr';
			parsed.languages = { en, es };
		} else if (arg === '--pairs' || arg.startsWith('--pairs=')) {
			parsed.pairs = arg.includes('=') ? arg.split('=')[1] : args[++k];
			if (!parsed.pairs) return '--pairs takes a list file';
		} else if (arg === '--out' || arg.startsWith('--out=')) {
			parsed.out = arg.includes('=') ? arg.split('=')[1] : args[++k];
			if (!parsed.out) return '--out takes a folder';
		} else if (arg === '--encoding' || arg.startsWith('--encoding=')) {
			const chosen = encodingOption(arg.includes('=') ? arg.split('=')[1] : (args[++k] ?? ''));
			if ('problem' in chosen) return chosen.problem;
			parsed.encoding = chosen.encoding;
		} else if (arg.startsWith('--')) return `unknown option ${arg}`;
		else parsed.files.push(arg);
	}
	if (parsed.pairs) {
		if (parsed.files.length) return '--pairs takes no other files';
	} else if (parsed.files.length < 1 || parsed.files.length > 2)
		return 'give two files (English, Spanish) or one mixed file';
	return parsed;
}

interface BatchPair {
	name: string;
	en: string;
	es: string;
}

/** The pairs of a list file: "EN ES" a line, paths relative to the list's folder, # comments. */
async function pairsFromList(list: string): Promise<BatchPair[] | string> {
	let text: string;
	try {
		text = await readFile(list, 'utf8');
	} catch {
		return `cannot read the list ${list}`;
	}
	const pairs: BatchPair[] = [];
	for (const [k, raw] of text.split(/\r?\n/).entries()) {
		const line = raw.trim();
		if (!line || line.startsWith('#')) continue;
		const paths = line.includes('\t') ? line.split('\t') : line.split(/\s+/);
		if (paths.length !== 2) return `${list}:${k + 1}: expected two paths, English then Spanish`;
		const [en, es] = paths.map((p) => resolve(dirname(list), p.trim()));
		pairs.push({ name: basename(en).replace(/(\.en)?\.[^.]*$/, ''), en, es });
	}
	return pairs;
}

/** Every NAME.en.txt of a folder with its NAME.es.txt, by name. */
async function pairsFromFolder(folder: string): Promise<BatchPair[] | string> {
	const names = await readdir(folder);
	const pairs = names
		.filter((n) => n.endsWith('.en.txt'))
		.sort()
		.map((n) => n.slice(0, -'.en.txt'.length))
		.filter((name) => names.includes(`${name}.es.txt`))
		.map((name) => ({
			name,
			en: join(folder, `${name}.en.txt`),
			es: join(folder, `${name}.es.txt`)
		}));
	return pairs.length ? pairs : `no NAME.en.txt with a NAME.es.txt in ${folder}`;
}

/** A progress bar on stderr, redrawn in place; nothing at all when stderr is not a terminal. */
export function progressBar(io: CliIO, total: number, enabled: boolean) {
	const width = 30;
	return {
		update(done: number, label: string) {
			if (!enabled) return;
			const filled = Math.round((width * done) / Math.max(1, total));
			const bar = `${'#'.repeat(filled)}${'-'.repeat(width - filled)}`;
			io.stderr(`\r[${bar}] ${done}/${total} ${label.slice(0, 40).padEnd(40)}`);
		},
		done() {
			if (enabled) io.stderr('\n');
		}
	};
}

async function runBatch(parsed: AlignArgs, io: CliIO): Promise<number> {
	if (!parsed.out) {
		io.stderr(`puente align: a batch writes one file per pair: give --out DIR\n${USAGE}`);
		return EXIT_BAD_INPUT;
	}
	const pairs = parsed.pairs
		? await pairsFromList(parsed.pairs)
		: await pairsFromFolder(parsed.files[0]);
	if (typeof pairs === 'string') {
		io.stderr(`puente align: ${pairs}\n`);
		return EXIT_BAD_INPUT;
	}
	await mkdir(parsed.out, { recursive: true });
	const tty = (io as { stderrIsTTY?: boolean }).stderrIsTTY ?? process.stderr.isTTY === true;
	const bar = progressBar(io, pairs.length, tty);
	let failures = 0;
	const dictionary = await loadAlignDictionary(parsed.languages);
	for (const [k, pair] of pairs.entries()) {
		bar.update(k, pair.name);
		const lines: string[] = [];
		const quiet: CliIO = { ...io, stderr: (text) => lines.push(text) };
		const en = await readTextInput(pair.en, quiet, { encoding: parsed.encoding });
		const es = await readTextInput(pair.es, quiet, { encoding: parsed.encoding });
		const result = !en.ok
			? en
			: !es.ok
				? es
				: alignTexts({
						en: en.value,
						es: es.value,
						presplit: parsed.presplit,
						format: parsed.format,
						languages: parsed.languages,
						dictionary
					});
		if (!result.ok) {
			failures++;
			reportError(result.error, quiet);
		} else {
			for (const warning of result.value.warnings) reportWarning(warning, quiet);
			await writeFile(
				join(parsed.out, `${pair.name}.${EXTENSIONS[parsed.format]}`),
				result.value.output
			);
		}
		if (lines.length) {
			if (tty) io.stderr('\n');
			io.stderr(lines.join('').replace(/^puente: /gm, `puente: ${pair.name}: `));
		}
	}
	bar.update(pairs.length, '');
	bar.done();
	io.stderr(
		`puente align: ${pairs.length - failures} of ${pairs.length} pairs aligned into ${parsed.out}\n`
	);
	return failures ? EXIT_BAD_INPUT : EXIT_OK;
}

export async function run(args: string[], io: CliIO): Promise<number> {
	const parsed = parseArgs(args);
	if (typeof parsed === 'string') {
		io.stderr(`puente align: ${parsed}\n${USAGE}`);
		return EXIT_BAD_INPUT;
	}
	if (parsed.pairs) return runBatch(parsed, io);
	if (parsed.files.length === 1 && (await isFolder(parsed.files[0]))) return runBatch(parsed, io);
	if (parsed.files.length === 1) return runMixed(parsed, io);
	const [enFile, esFile] = parsed.files;
	const en = await readTextInput(enFile, io, { encoding: parsed.encoding });
	if (!en.ok) return reportError(en.error, io);
	const es = await readTextInput(esFile, io, { encoding: parsed.encoding });
	if (!es.ok) return reportError(es.error, io);
	const read = performance.now();
	const dictionary = await loadAlignDictionary(parsed.languages);
	const loaded = performance.now();
	const result = alignTexts({
		en: en.value,
		es: es.value,
		presplit: parsed.presplit,
		format: parsed.format,
		languages: parsed.languages,
		dictionary
	});
	if (process.env.PUENTE_TIMINGS)
		io.stderr(
			`dictionary ${(loaded - read).toFixed(0)} ms; align ${(performance.now() - loaded).toFixed(0)} ms; `
		);
	if (!result.ok) return reportError(result.error, io);
	for (const warning of result.value.warnings) reportWarning(warning, io);
	io.stdout(result.value.output);
	return EXIT_OK;
}

async function runMixed(parsed: AlignArgs, io: CliIO): Promise<number> {
	const { alignMixedText } = await import('../lib/core/align/passages');
	const text = await readTextInput(parsed.files[0], io, { encoding: parsed.encoding });
	if (!text.ok) return reportError(text.error, io);
	if (parsed.format !== 'json') {
		io.stderr('puente align: a single mixed document is written as JSON (--format json)\n');
		return EXIT_BAD_INPUT;
	}
	const result = alignMixedText(text.value, {
		dictionary: await loadAlignDictionary(parsed.languages)
	});
	if (!result.ok) return reportError(result.error, io);
	io.stdout(`${JSON.stringify(result.value, null, 2)}\n`);
	return EXIT_OK;
}

/** Warnings reuse the error messages but do not stop the command. */
function reportWarning(warning: ReturnType<typeof userError>, io: CliIO): void {
	const lines: string[] = [];
	reportError(warning, { ...io, stderr: (s) => lines.push(s) });
	io.stderr(lines.join('').replace(/^puente: /, 'puente: warning: '));
}

async function isFolder(path: string): Promise<boolean> {
	try {
		return (await stat(path)).isDirectory();
	} catch {
		return false;
	}
}
