#!/usr/bin/env node
// The `puente` command. The sources are TypeScript and there is no build step: the first run
// (and any run after a source file changed) bundles the command with esbuild, which tsx brings
// along, into node_modules/.cache/puente/; later runs import that one file, which starts several
// times faster than loading each module through tsx's hooks. Without esbuild or a writable
// cache, tsx loads the sources as before.
import {
	mkdirSync,
	readdirSync,
	readFileSync,
	renameSync,
	statSync,
	unlinkSync,
	writeFileSync
} from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const entry = join(root, 'src/cli/main.ts');
const cacheDir = join(root, 'node_modules/.cache/puente');
const manifestFile = join(cacheDir, 'cli.json');

/** The cached bundle when every source it was built from is unchanged (size and mtime). */
function cachedBundle() {
	try {
		const manifest = JSON.parse(readFileSync(manifestFile, 'utf8'));
		for (const [file, [size, mtime]] of Object.entries(manifest.inputs)) {
			const info = statSync(join(root, file));
			if (info.size !== size || info.mtimeMs !== mtime) return undefined;
		}
		return join(cacheDir, manifest.bundle);
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
			entryPoints: [entry],
			absWorkingDir: root,
			bundle: true,
			platform: 'node',
			format: 'esm',
			target: 'node20',
			packages: 'external',
			write: false,
			metafile: true,
			logLevel: 'silent'
		});
		/** @type {Record<string, [number, number]>} */
		const inputs = {};
		let fresh = true;
		for (const file of Object.keys(result.metafile.inputs)) {
			const info = statSync(join(root, file));
			inputs[file] = [info.size, info.mtimeMs];
			// Edited while the bundle was being built: use it this once, cache nothing.
			if (info.mtimeMs >= started - 1000) fresh = false;
		}
		if (!fresh) return writeBundle(result.outputFiles[0].contents, `cli-${process.pid}-once.mjs`);
		const bundle = `cli-${process.pid}-${Date.now()}.mjs`;
		writeBundle(result.outputFiles[0].contents, bundle);
		const temporary = `${manifestFile}.${process.pid}`;
		writeFileSync(temporary, JSON.stringify({ bundle, inputs }));
		renameSync(temporary, manifestFile);
		// Older bundles are unreachable now; a run still importing one has already read it.
		for (const name of readdirSync(cacheDir))
			if (name.startsWith('cli-') && name !== bundle) {
				try {
					unlinkSync(join(cacheDir, name));
				} catch {
					/* another run removed it */
				}
			}
		return join(cacheDir, bundle);
	} catch {
		return undefined;
	}
}

/** @param {Uint8Array} contents @param {string} name */
function writeBundle(contents, name) {
	mkdirSync(cacheDir, { recursive: true });
	writeFileSync(join(cacheDir, name), contents);
	return join(cacheDir, name);
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

const main = await loadMain();
process.exitCode = await main(process.argv.slice(2), {
	stdout: (/** @type {string} */ s) => process.stdout.write(s),
	stderr: (/** @type {string} */ s) => process.stderr.write(s)
});
