// `puente align EN ES [--presplit] [--format beads|tsv|tmx|json] [--languages en,es]` aligns two
// files; `puente align MIXED --format json` pairs the passages of one mixed document.
import { ALIGNMENT_FORMATS, alignTexts, type AlignmentFormat } from '../lib/core/align/align-texts';
import { userError } from '../lib/core/errors';
import { EXIT_BAD_INPUT, EXIT_OK, readTextInput, reportError, type CliIO } from './io';

const USAGE =
	'Usage: puente align EN ES [--presplit] [--format beads|tsv|tmx|json] [--languages en,es]\n       puente align MIXED --format json\n';

interface AlignArgs {
	files: string[];
	presplit: boolean;
	format: AlignmentFormat;
	languages?: { en: string; es: string };
}

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
		} else if (arg.startsWith('--')) return `unknown option ${arg}`;
		else parsed.files.push(arg);
	}
	if (parsed.files.length < 1 || parsed.files.length > 2)
		return 'give two files (English, Spanish) or one mixed file';
	return parsed;
}

export async function run(args: string[], io: CliIO): Promise<number> {
	const parsed = parseArgs(args);
	if (typeof parsed === 'string') {
		io.stderr(`puente align: ${parsed}\n${USAGE}`);
		return EXIT_BAD_INPUT;
	}
	if (parsed.files.length === 1) return runMixed(parsed, io);
	const [enFile, esFile] = parsed.files;
	const en = await readTextInput(enFile, io);
	if (!en.ok) return reportError(en.error, io);
	const es = await readTextInput(esFile, io);
	if (!es.ok) return reportError(es.error, io);
	const result = alignTexts({
		en: en.value,
		es: es.value,
		presplit: parsed.presplit,
		format: parsed.format,
		languages: parsed.languages
	});
	if (!result.ok) return reportError(result.error, io);
	for (const warning of result.value.warnings) reportWarning(warning, io);
	io.stdout(result.value.output);
	return EXIT_OK;
}

async function runMixed(parsed: AlignArgs, io: CliIO): Promise<number> {
	const { alignMixedText } = await import('../lib/core/align/passages');
	const text = await readTextInput(parsed.files[0], io);
	if (!text.ok) return reportError(text.error, io);
	if (parsed.format !== 'json') {
		io.stderr('puente align: a single mixed document is written as JSON (--format json)\n');
		return EXIT_BAD_INPUT;
	}
	const result = alignMixedText(text.value);
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
