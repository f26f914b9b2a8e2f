// `puente detect FILE|- [--format jsonl|text] [--encoding E]`: language runs of a document, as
// JSON lines for programs or as the text with a header per run for people. --encoding reads a
// file that is not UTF-8 (Windows-1252) as uploads and imports offer to.
import type { Detection } from '../lib/core/types';
import { userError } from '../lib/core/errors';
import { detectLanguages } from '../lib/core/detect';
import type { TextEncoding } from '../lib/core/formats/encoding';
import { encodingOption, EXIT_OK, readTextInput, reportError, type CliIO } from './io';

type Format = 'jsonl' | 'text';

interface DetectArgs {
	path: string;
	format: Format;
	encoding?: TextEncoding;
}

function parseArgs(args: string[]): DetectArgs | string {
	let path: string | undefined;
	let format: Format = 'jsonl';
	let encoding: TextEncoding | undefined;
	for (let i = 0; i < args.length; i++) {
		const arg = args[i];
		if (arg === '--format' || arg.startsWith('--format=')) {
			const value = arg === '--format' ? args[++i] : arg.slice('--format='.length);
			if (value !== 'jsonl' && value !== 'text')
				return `--format must be jsonl or text, not "${value ?? ''}"`;
			format = value;
		} else if (arg === '--encoding' || arg.startsWith('--encoding=')) {
			const chosen = encodingOption(
				arg === '--encoding' ? (args[++i] ?? '') : arg.slice('--encoding='.length)
			);
			if ('problem' in chosen) return chosen.problem;
			encoding = chosen.encoding;
		} else if (arg.startsWith('-') && arg !== '-') {
			return `unknown option "${arg}"`;
		} else if (path === undefined) {
			path = arg;
		} else {
			return `unexpected argument "${arg}"`;
		}
	}
	if (path === undefined) return 'missing FILE (or - for standard input)';
	return { path, format, encoding };
}

export async function run(args: string[], io: CliIO): Promise<number> {
	const parsed = parseArgs(args);
	if (typeof parsed === 'string') {
		const code = reportError(userError('invalid-input', { detail: parsed }), io);
		io.stderr('Usage: puente detect FILE|- [--format jsonl|text] [--encoding E]\n');
		return code;
	}
	const input = await readTextInput(parsed.path, io, { encoding: parsed.encoding });
	if (!input.ok) return reportError(input.error, io);
	const detection = detectLanguages(input.value);
	io.stdout(
		parsed.format === 'jsonl' ? asJsonLines(detection) : asMarkedText(input.value, detection)
	);
	return EXIT_OK;
}

/** One run a line: offsets in UTF-16 code units of the text as read, confidence to 3 decimals. */
export function asJsonLines(detection: Detection): string {
	return detection.runs
		.map(
			({ start, end, lang, confidence }) =>
				`${JSON.stringify({ start, end, lang, confidence: Math.round(confidence * 1000) / 1000 })}\n`
		)
		.join('');
}

/** The document with a header line before each run, its own line breaks kept. */
export function asMarkedText(text: string, detection: Detection): string {
	let out = '';
	for (const run of detection.runs) {
		out += `── ${run.lang} (${run.confidence.toFixed(2)}) ──\n${text.slice(run.start, run.end)}\n\n`;
	}
	return out;
}
