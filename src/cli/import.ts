// `puente import FILE… [--title T] [--encoding E] [--from F] [--sides confirmed|swap]` adds to
// the store (PUENTE_DB, as the app uses): one text, an English and a Spanish file, or one
// translation memory (TMX, TSV, CSV, alignment JSON). Prints the new text's slug.
import { decodeFileBytes } from '../lib/core/formats/encoding';
import { openDb } from '../lib/server/db';
import {
	addPair,
	addText,
	importMemory,
	MEMORY_FORMATS,
	type Contribution,
	type MemoryFormat,
	type SidesChoice
} from '../lib/server/contribute';
import { EXIT_BAD_INPUT, EXIT_OK, reportError, type CliIO } from './io';
import {
	encodingOption,
	parseOptions,
	readInputBytes,
	reportLocalised,
	reportNotes,
	say,
	usageError
} from './convert';
import { getDocument } from '../lib/server/documents';

const baseName = (path: string) => (path === '-' ? '' : (path.split(/[\\/]/).pop() ?? ''));

/** A file is a memory by its format option or its extension (.tmx, .tsv, .tab, .csv, .json); a .txt is a text. */
function memoryFormat(path: string, from: string | undefined): MemoryFormat | undefined {
	if (from !== undefined) return from as MemoryFormat;
	const extension = /\.([a-z]+)$/i.exec(path)?.[1]?.toLowerCase() ?? '';
	if (extension === 'tab') return 'tsv';
	if (extension === 'xml') return 'tmx';
	return (MEMORY_FORMATS as readonly string[]).includes(extension)
		? (extension as MemoryFormat)
		: undefined;
}

export async function run(args: string[], io: CliIO): Promise<number> {
	const parsed = parseOptions(args, ['title', 'encoding', 'from', 'sides']);
	if ('problem' in parsed) return usageError(io, 'import', parsed.problem);
	const { options, positional: files } = parsed;
	if (files.length < 1 || files.length > 2) return usageError(io, 'import', say('importFiles'));
	const encoding = encodingOption(options.encoding);
	if ('problem' in encoding) return usageError(io, 'import', encoding.problem);
	if (options.from !== undefined && !(MEMORY_FORMATS as readonly string[]).includes(options.from))
		return usageError(
			io,
			'import',
			say('unknownFormat', { format: options.from, formats: MEMORY_FORMATS.join(', ') })
		);
	const sides = options.sides ?? 'check';
	if (!['check', 'confirmed', 'swap'].includes(sides))
		return usageError(io, 'import', say('sidesOption', { value: sides }));

	const title = options.title ?? '';
	const inputs = [];
	for (const file of files) {
		const bytes = await readInputBytes(file, io);
		if (!bytes.ok) return reportError(bytes.error, io);
		inputs.push(bytes.value);
	}

	const db = openDb();
	try {
		let result: Contribution;
		const format = files.length === 1 ? memoryFormat(files[0], options.from) : undefined;
		if (format) {
			result = importMemory(db, {
				title,
				fileName: baseName(files[0]),
				bytes: inputs[0],
				format,
				sides: sides as SidesChoice,
				encoding: encoding.encoding
			});
		} else {
			const texts = [];
			for (const bytes of inputs) {
				const decoded = decodeFileBytes(bytes, encoding);
				if (!decoded.ok) return reportError(decoded.error, io);
				texts.push(decoded.value.text);
			}
			result =
				texts.length === 1
					? addText(db, { title, text: texts[0], via: 'upload', fileName: baseName(files[0]) })
					: addPair(db, {
							title,
							en: texts[0],
							es: texts[1],
							via: 'upload',
							sides: sides as SidesChoice,
							fileNames: { en: baseName(files[0]), es: baseName(files[1]) }
						});
		}
		if (!result.ok) {
			for (const { error } of result.errors) reportLocalised(error, io);
			if (result.languages) io.stderr(`puente import: ${say('sidesHint')}\n`);
			return EXIT_BAD_INPUT;
		}
		const notes = getDocument(db, result.documentIds[0])?.meta?.importNotes;
		if (notes && typeof notes === 'object') reportNotes(notes, io, 'import');
		io.stdout(`${result.slug}\n`);
		return EXIT_OK;
	} finally {
		db.close();
	}
}
