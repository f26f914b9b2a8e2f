#!/usr/bin/env node
// The `puente` command. The sources are TypeScript and there is no build step: the first run
// (and any run after a source file changed) bundles the command with esbuild, which tsx brings
// along, into node_modules/.cache/puente/; later runs import that bundle, which starts several
// times faster than loading each module through tsx's hooks. The bundle is split at the
// subcommands' dynamic imports: a module and the packages it imports load only when a command
// needs them (`puente align` never loads the store or the accounts' libraries, which one file
// would load on every run; it does load the XML and CSV libraries, through its TMX and TSV
// writers, so those are bundled: see BUNDLED_PACKAGES). Without esbuild or a writable cache,
// tsx loads the sources as before. The bilingual dictionary's data (3 MB of JSON) is not
// bundled: the bundle reads and parses the file when the dictionary is first imported, which
// costs less than compiling it as a JavaScript object literal, keeps the bundle small to write,
// and leaves no 3 MB module source in memory. Better still, the build writes an image of the dictionary's
// look-up tables beside the bundle (dictionary.bin, src/lib/core/dictionary/tables.ts), and the
// bundle reads that instead: no JSON to parse and no 65,000 lines to index, about 60 ms of
// every run that looks a word up. It belongs to its bundle, so a change of the data or of the
// code makes a new one; without it (a failed write, another byte order) the JSON is read.
import {
	existsSync,
	mkdirSync,
	readdirSync,
	readFileSync,
	renameSync,
	rmSync,
	statSync,
	writeFileSync
} from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const selfFile = fileURLToPath(import.meta.url);
const root = resolve(dirname(selfFile), '../..');
const entry = join(root, 'src/cli/main.ts');
const cacheDir = join(root, 'node_modules/.cache/puente');
const manifestFile = join(cacheDir, 'cli.json');
const dictionaryData = join(root, 'src/lib/data/dictionary/dictionary.json');
const dictionaryImageEntry = 'puente:dictionary-image';

/**
 * An esbuild plugin: the dictionary's data module becomes the image of its tables beside the
 * bundle when there is one (dictionary.bin: "PDI1", then the number 1 in this machine's byte
 * order), else a JSON.parse of the file, found from the bundle's own folder (every bundle is a
 * folder of cacheDir), so a moved checkout still works. It also gives the bundle a second entry,
 * dictionary-image.mjs, which makes that image.
 * @type {import('esbuild').Plugin}
 */
const dictionaryAsFile = {
	name: 'puente-dictionary-as-file',
	setup(build) {
		build.onLoad({ filter: /[\\/]dictionary\.json$/ }, (args) => {
			if (resolve(args.path) !== dictionaryData) return undefined;
			const path = relative(join(cacheDir, 'bundle'), dictionaryData).split('\\').join('/');
			return {
				loader: 'js',
				contents: [
					"import { readFileSync } from 'node:fs';",
					'function image() {',
					'\ttry {',
					"\t\tconst bytes = readFileSync(new URL('./dictionary.bin', import.meta.url));",
					'\t\tconst marker = new Uint32Array(bytes.buffer.slice(bytes.byteOffset + 4, bytes.byteOffset + 8))[0];',
					"\t\tif (bytes.length > 12 && bytes.toString('latin1', 0, 4) === 'PDI1' && marker === 1)",
					'\t\t\treturn {',
					'\t\t\t\timage: new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.length),',
					"\t\t\t\tdecodeUtf16le: (text) => Buffer.from(text.buffer, text.byteOffset, text.length).toString('utf16le')",
					'\t\t\t};',
					'\t} catch {}',
					'\treturn undefined;',
					'}',
					`export default image() ?? JSON.parse(readFileSync(new URL(${JSON.stringify(path)}, import.meta.url), 'utf8'));`
				].join('\n')
			};
		});
		build.onResolve({ filter: /^puente:dictionary-image$/ }, () => ({
			path: 'dictionary-image',
			namespace: 'puente'
		}));
		build.onLoad({ filter: /.*/, namespace: 'puente' }, () => ({
			loader: 'js',
			resolveDir: root,
			contents: "export { dictionaryImage } from './src/lib/core/dictionary/index.ts';"
		}));
	}
};

/**
 * Packages bundled with the command rather than imported from node_modules: pure JavaScript that
 * `puente align` loads on every run (the TMX and TSV writers' XML and CSV libraries and their
 * dependencies, i18next for messages). Node's module loader finds, reads and links each file of
 * a package on its own (fast-xml-parser and its six dependencies are over 30 files); bundled,
 * they are part of a chunk.
 */
const BUNDLED_PACKAGES = new Set([
	'fast-xml-parser',
	'fast-xml-builder',
	'@nodable/entities',
	'is-unsafe',
	'path-expression-matcher',
	'strnum',
	'xml-naming',
	'anynum',
	'papaparse',
	'i18next'
]);

/**
 * An esbuild plugin: every other package stays external (imported from node_modules at run
 * time), as do Node's own modules.
 * @type {import('esbuild').Plugin}
 */
const packagesOutside = {
	name: 'puente-packages-outside',
	setup(build) {
		build.onResolve({ filter: /^[^./]/ }, (args) => {
			// The project's own aliases ($lib, $locales: tsconfig's paths) resolve as before.
			if (args.namespace === 'puente' || args.path.startsWith('$')) return undefined;
			const parts = args.path.split('/');
			const name = args.path.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
			if (BUNDLED_PACKAGES.has(name)) return undefined;
			return { path: args.path, external: true };
		});
	}
};

/**
 * Writes the image of the dictionary's tables into a bundle's folder, made by that bundle's own
 * code (whose import also leaves the dictionary loaded for this run). Written whole, then renamed.
 * @param {string} folder
 */
async function writeDictionaryImage(folder) {
	try {
		const made = pathToFileURL(join(folder, 'dictionary-image.mjs')).href;
		const image = (await import(made)).dictionaryImage();
		const temporary = join(folder, `dictionary.bin.${process.pid}`);
		writeFileSync(temporary, image);
		renameSync(temporary, join(folder, 'dictionary.bin'));
	} catch {
		/* the bundle reads the JSON */
	}
}

/** The cached bundle's entry when every source it was built from is unchanged (size and mtime). */
function cachedBundle() {
	try {
		const manifest = JSON.parse(readFileSync(manifestFile, 'utf8'));
		// Made before this file was an input: by an older way of bundling.
		if (!(relative(root, selfFile) in manifest.inputs)) return undefined;
		for (const [file, [size, mtime]] of Object.entries(manifest.inputs)) {
			const info = statSync(join(root, file));
			if (info.size !== size || info.mtimeMs !== mtime) return undefined;
		}
		const main = join(cacheDir, manifest.bundle, 'main.mjs');
		return existsSync(main) ? main : undefined;
	} catch {
		return undefined;
	}
}

async function loadEsbuild() {
	try {
		return await import('esbuild');
	} catch {
		// Not hoisted: take the copy tsx depends on.
		return createRequire(fileURLToPath(import.meta.resolve('tsx/package.json')))('esbuild');
	}
}

/** Bundles the command (packages stay external) and records the inputs; undefined on any failure. */
async function buildBundle() {
	try {
		const esbuild = await loadEsbuild();
		const started = Date.now();
		const result = await esbuild.build({
			entryPoints: [
				{ in: entry, out: 'main' },
				{ in: dictionaryImageEntry, out: 'dictionary-image' }
			],
			absWorkingDir: root,
			bundle: true,
			platform: 'node',
			format: 'esm',
			target: 'node20',
			// Kept as literals: esbuild otherwise rewrites every /\p{…}/u as new RegExp("…"), which
			// the tokenizer, the folding and the dictionary's concepts then build on every call.
			supported: { 'regexp-unicode-property-escapes': true },
			splitting: true,
			outdir: '.',
			entryNames: '[name]',
			// .mjs: Node knows the format from the name, without looking for a package.json.
			outExtension: { '.js': '.mjs' },
			write: false,
			metafile: true,
			plugins: [dictionaryAsFile, packagesOutside],
			logLevel: 'silent'
		});
		/** @type {Record<string, [number, number]>} */
		const inputs = {};
		let fresh = true;
		// This file too: how the bundle is made is part of what it is.
		const files = Object.keys(result.metafile.inputs).filter((file) => !file.startsWith('puente:'));
		for (const file of [...files, relative(root, selfFile)]) {
			const info = statSync(join(root, file));
			inputs[file] = [info.size, info.mtimeMs];
			// Edited while the bundle was being built: use it this once, cache nothing.
			if (info.mtimeMs >= started - 1000) fresh = false;
		}
		if (!fresh) return writeBundle(result.outputFiles, root, `cli-${process.pid}-once`);
		const bundle = `cli-${process.pid}-${Date.now()}`;
		writeBundle(result.outputFiles, root, bundle);
		await writeDictionaryImage(join(cacheDir, bundle));
		const temporary = `${manifestFile}.${process.pid}`;
		writeFileSync(temporary, JSON.stringify({ bundle, inputs }));
		renameSync(temporary, manifestFile);
		// Older bundles are unreachable now. One a run is still using is kept a minute: its
		// chunks load when that run reaches its command.
		for (const name of readdirSync(cacheDir))
			if (name.startsWith('cli-') && name !== bundle) {
				try {
					const path = join(cacheDir, name);
					if (Date.now() - statSync(path).mtimeMs > 60_000)
						rmSync(path, { recursive: true, force: true });
				} catch {
					/* another run removed it */
				}
			}
		return join(cacheDir, bundle, 'main.mjs');
	} catch {
		return undefined;
	}
}

/**
 * Writes the bundle's files (the entry, main.mjs, and its chunks) into a folder of their own.
 * @param {{ path: string; contents: Uint8Array }[]} files
 * @param {string} outdir where esbuild placed them (their paths are under it)
 * @param {string} name
 */
function writeBundle(files, outdir, name) {
	const folder = join(cacheDir, name);
	mkdirSync(folder, { recursive: true });
	for (const file of files) writeFileSync(join(folder, relative(outdir, file.path)), file.contents);
	return join(folder, 'main.mjs');
}

async function loadMain() {
	const bundle = cachedBundle() ?? (await buildBundle());
	if (bundle) {
		try {
			return (await import(pathToFileURL(bundle).href)).main;
		} catch (caught) {
			const error = /** @type {{ code?: string; message?: string }} */ (caught);
			if (error?.code !== 'ERR_MODULE_NOT_FOUND' || !String(error.message).includes(bundle))
				throw error;
			// Removed by a concurrent rebuild between the check and the import: load the sources.
		}
	}
	const { tsImport } = await import('tsx/esm/api');
	return (await tsImport('./main.ts', import.meta.url)).main;
}

// PUENTE_TIMINGS=1 says on stderr where a run's time went (bench/cli.ts reads it).
const timings = process.env.PUENTE_TIMINGS
	? [`node start ${performance.now().toFixed(0)} ms`]
	: null;
const loadStart = performance.now();
const main = await loadMain();
timings?.push(`bundle and entry ${(performance.now() - loadStart).toFixed(0)} ms`);
const runStart = performance.now();
process.exitCode = await main(process.argv.slice(2), {
	stdout: (/** @type {string} */ s) => process.stdout.write(s),
	stderr: (/** @type {string} */ s) => process.stderr.write(s)
});
if (timings) {
	timings.push(`command ${(performance.now() - runStart).toFixed(0)} ms`);
	process.stderr.write(`${timings.join('; ')}\n`);
}
