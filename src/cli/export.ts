// `puente export SLUG --format tmx|tsv|csv|json [--output FILE]` writes a text's aligned pairs
// from the store (PUENTE_DB, as the app uses), exactly as the download on its page.
import { openDb } from '../lib/server/db';
import { buildExport, EXPORT_FORMATS, isExportFormat } from '../lib/server/contribute';
import { writeFile } from 'node:fs/promises';
import { EXIT_OK, reportError, type CliIO } from './io';
import { parseOptions, say, usageError } from './convert';

export async function run(args: string[], io: CliIO): Promise<number> {
	const parsed = parseOptions(args, ['format', 'output']);
	if ('problem' in parsed) return usageError(io, 'export', parsed.problem);
	const { options, positional } = parsed;
	if (positional.length !== 1) return usageError(io, 'export', say('oneSlug'));
	const format = options.format ?? 'tmx';
	if (!isExportFormat(format))
		return usageError(
			io,
			'export',
			say('unknownFormat', { format, formats: EXPORT_FORMATS.join(', ') })
		);
	const db = openDb();
	try {
		const file = buildExport(db, positional[0], format);
		if (!file.ok) {
			if (file.error.key === 'errors:not-found')
				file.error = {
					...file.error,
					key: 'contribute:cli.noSuchText',
					params: { slug: positional[0] }
				};
			return reportError(file.error, io);
		}
		if (options.output && options.output !== '-') await writeFile(options.output, file.value.body);
		else io.stdout(file.value.body);
		return EXIT_OK;
	} finally {
		db.close();
	}
}
