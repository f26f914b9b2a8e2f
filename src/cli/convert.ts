// `puente convert IN OUT [--from F] [--to F] [--encoding E] [--tbx-version 2|3]` converts a
// translation memory between TMX, TSV, CSV and alignment JSON, or a glossary between TBX and
// CSV. Formats come from the extensions or from --from/--to; "-" is standard input or output.
// Also the pieces the import and export commands share: reading a file's bytes within the
// input limit, options, and messages in the user's language.
import { writeFile } from 'node:fs/promises';
import { fail, ok, type Result, type UserError } from '../lib/core/errors';
import { decodeFileBytes } from '../lib/core/formats/encoding';
import { exportGlossaryCsv, parseGlossaryCsv } from '../lib/core/formats/glossary-csv';
import { exportTbx, NO_DEFINITION, readTbx, type TbxNotes } from '../lib/core/formats/tbx';
import type { GlossaryEntry } from '../lib/core/glossary/types';
import { createTranslator } from '../lib/i18n/translator';
import {
	readMemory,
	writeMemory,
	type MemoryFormat,
	type MemoryNotes
} from '../lib/server/contribute';
import {
	cliLanguage,
	encodingOption,
	EXIT_BAD_INPUT,
	EXIT_OK,
	readInputBytes,
	reportError,
	type CliIO
} from './io';

// Read here for the import and export commands too; they live in io.ts, which `puente align`
// and `detect` load without this module's formats and the store.
export { encodingOption, readInputBytes } from './io';

export const FILE_FORMATS = ['tmx', 'tsv', 'csv', 'json', 'tbx'] as const;
export type FileFormat = (typeof FILE_FORMATS)[number];

/** The CLI's own messages, in the language LANG asks for (contribute:cli.*). */
export const say = (key: string, params?: Record<string, unknown>): string =>
	createTranslator(cliLanguage())(`contribute:cli.${key}`, params ?? {});

/**
 * A format error with a `reason` gets its detail in the user's language, as the pages do
 * (contribute:formatDetail.*); any other error is reported as it is.
 */
export function reportLocalised(error: UserError, io: CliIO): number {
	const reason = error.params?.reason;
	if (error.code !== 'format-invalid' || typeof reason !== 'string') return reportError(error, io);
	const t = createTranslator(cliLanguage());
	const detail = t(`contribute:formatDetail.${reason}`, { ...error.params, defaultValue: '' });
	return reportError(detail ? { ...error, params: { ...error.params, detail } } : error, io);
}

/** A usage problem: the message, the usage, exit code 2. */
export function usageError(io: CliIO, command: string, message: string): number {
	io.stderr(`puente ${command}: ${message}\n${say(`usage.${command}`)}\n`);
	return EXIT_BAD_INPUT;
}

/** Options --name VALUE or --name=VALUE, and the rest as positional arguments. */
export function parseOptions(
	args: string[],
	names: readonly string[]
): { options: Record<string, string>; positional: string[] } | { problem: string } {
	const options: Record<string, string> = {};
	const positional: string[] = [];
	for (let k = 0; k < args.length; k++) {
		const arg = args[k];
		if (!arg.startsWith('--') || arg === '-') {
			positional.push(arg);
			continue;
		}
		const [name, inline] = arg.slice(2).split(/=(.*)/s, 2);
		if (!names.includes(name)) return { problem: say('unknownOption', { option: arg }) };
		const value = inline ?? args[++k];
		if (value === undefined) return { problem: say('missingValue', { option: `--${name}` }) };
		options[name] = value;
	}
	return { options, positional };
}

/** The format a path's extension names (.tmx, .tsv/.tab/.txt, .csv, .json, .tbx/.xml). */
export function formatOfPath(path: string): FileFormat | undefined {
	const extension = /\.([a-z0-9]+)$/i.exec(path)?.[1]?.toLowerCase();
	if (extension === 'tab' || extension === 'txt') return 'tsv';
	return (FILE_FORMATS as readonly string[]).includes(extension ?? '')
		? (extension as FileFormat)
		: undefined;
}

/** What the import left out of the text or read specially, one line each on standard error. */
export function reportNotes(notes: MemoryNotes, io: CliIO, command: string): void {
	const lines: string[] = [];
	if (notes.inlineCodes) lines.push(say('notes.inlineCodes', { count: notes.inlineCodes }));
	for (const [tag, count] of Object.entries(notes.otherVariants ?? {}))
		lines.push(say('notes.otherVariants', { count, tag }));
	if (notes.header) lines.push(say('notes.header'));
	if (notes.literalQuotes) lines.push(say('notes.literalQuotes'));
	for (const line of lines) io.stderr(`puente ${command}: ${line}\n`);
}

/** What reading a TBX file decided (ids given, definitions shared or missing), one line each. */
export function reportTbxNotes(notes: TbxNotes, io: CliIO): void {
	const lines: string[] = [];
	for (const { from, to } of notes.ids) lines.push(say('notes.id', { from, to }));
	if (notes.oneDefinition) lines.push(say('notes.oneDefinition', { count: notes.oneDefinition }));
	if (notes.noDefinition)
		lines.push(say('notes.noDefinition', { count: notes.noDefinition, mark: NO_DEFINITION }));
	if (notes.typeDefaulted) lines.push(say('notes.typeDefaulted', { count: notes.typeDefaulted }));
	if (notes.undeterminedAsSpanish)
		lines.push(say('notes.undetermined', { code: notes.undeterminedAsSpanish }));
	for (const line of lines) io.stderr(`puente convert: ${line}\n`);
}

/** A CSV is a glossary when its header names Puente's glossary columns. */
const isGlossaryCsv = (text: string) => {
	const header = text
		.replace(/^\ufeff/, '')
		.split(/\r?\n/, 1)[0]
		.toLowerCase();
	return /(^|[,;\t]"?)id("?[,;\t]|$)/.test(header) && /(^|[,;\t]"?)type("?[,;\t]|$)/.test(header);
};

type Read =
	| { kind: 'memory'; memory: Awaited<ReturnType<typeof readMemory>> }
	| { kind: 'glossary'; glossary: Result<GlossaryEntry[]>; notes?: TbxNotes };

function readAny(text: string, format: FileFormat): Read {
	if (format === 'tbx') {
		const read = readTbx(text);
		return read.ok
			? { kind: 'glossary', glossary: ok(read.value.entries), notes: read.value.notes }
			: { kind: 'glossary', glossary: read };
	}
	if (format === 'csv' && isGlossaryCsv(text))
		return { kind: 'glossary', glossary: parseGlossaryCsv(text) };
	return { kind: 'memory', memory: readMemory(text, format as MemoryFormat) };
}

async function writeOutput(path: string, body: string, io: CliIO): Promise<Result<void>> {
	if (path === '-') {
		io.stdout(body);
		return ok(undefined);
	}
	try {
		await writeFile(path, body);
		return ok(undefined);
	} catch (error) {
		const detail = error instanceof Error ? error.message : String(error);
		return fail('invalid-input', { detail });
	}
}

export async function run(args: string[], io: CliIO): Promise<number> {
	const parsed = parseOptions(args, ['from', 'to', 'encoding', 'tbx-version']);
	if ('problem' in parsed) return usageError(io, 'convert', parsed.problem);
	const { options, positional } = parsed;
	if (positional.length !== 2) return usageError(io, 'convert', say('twoFiles'));
	const [inPath, outPath] = positional;
	const formatOf = (option: string | undefined, path: string) => {
		if (option !== undefined)
			return (FILE_FORMATS as readonly string[]).includes(option)
				? (option as FileFormat)
				: say('unknownFormat', { format: option, formats: FILE_FORMATS.join(', ') });
		return formatOfPath(path) ?? say('formatFromName', { path });
	};
	const from = formatOf(options.from, inPath);
	if (!(FILE_FORMATS as readonly string[]).includes(from)) return usageError(io, 'convert', from);
	const to = formatOf(options.to, outPath);
	if (!(FILE_FORMATS as readonly string[]).includes(to)) return usageError(io, 'convert', to);
	const encoding = encodingOption(options.encoding);
	if ('problem' in encoding) return usageError(io, 'convert', encoding.problem);
	const tbxVersion = options['tbx-version'] ?? '2';
	if (tbxVersion !== '2' && tbxVersion !== '3')
		return usageError(io, 'convert', say('tbxVersion', { version: tbxVersion }));

	const bytes = await readInputBytes(inPath, io);
	if (!bytes.ok) return reportError(bytes.error, io);
	const decoded = decodeFileBytes(bytes.value, encoding);
	if (!decoded.ok) return reportError(decoded.error, io);
	const read = readAny(decoded.value.text, from as FileFormat);

	let body: string;
	if (read.kind === 'memory') {
		if (!read.memory.ok) return reportLocalised(read.memory.error, io);
		if (to === 'tbx') return usageError(io, 'convert', say('kindMismatch', { from, to }));
		reportNotes(read.memory.value.notes, io, 'convert');
		body = writeMemory(read.memory.value.units, to as MemoryFormat, read.memory.value.languages);
	} else {
		if (!read.glossary.ok) return reportLocalised(read.glossary.error, io);
		if (read.notes) reportTbxNotes(read.notes, io);
		if (to !== 'tbx' && to !== 'csv')
			return usageError(io, 'convert', say('kindMismatch', { from, to }));
		body =
			to === 'tbx'
				? exportTbx(read.glossary.value, { version: tbxVersion === '3' ? 3 : 2 })
				: exportGlossaryCsv(read.glossary.value);
	}
	const written = await writeOutput(outPath, body, io);
	if (!written.ok) return reportError(written.error as UserError, io);
	return EXIT_OK;
}
