// `npm start`: serves the production build, building it first when there is none or when the
// sources are newer. PORT, HOST and PUENTE_DB are honoured (adapter-node reads the first two).
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const entry = join(root, 'build/index.js');

/** @param {string} path @returns {number} */
function newestMtime(path) {
	const info = statSync(path);
	if (!info.isDirectory()) return info.mtimeMs;
	let newest = info.mtimeMs;
	for (const name of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, name)));
	return newest;
}

const sources = ['src', 'locales', 'static', 'svelte.config.js', 'vite.config.ts', 'package.json']
	.map((p) => join(root, p))
	.filter(existsSync);
const stale = !existsSync(entry) || Math.max(...sources.map(newestMtime)) > statSync(entry).mtimeMs;

if (stale) {
	console.log('Building Puente (first start or changed sources)…');
	const vite = join(root, 'node_modules/vite/bin/vite.js');
	const result = spawnSync(process.execPath, [vite, 'build', '--logLevel', 'warn'], {
		cwd: root,
		stdio: 'inherit'
	});
	if (result.status !== 0) process.exit(result.status ?? 1);
}

process.env.PUENTE_DB ??= join(root, 'data/puente.db');
const port = process.env.PORT ?? '3000';
const host = process.env.HOST ?? '0.0.0.0';
process.env.PORT = port;
process.env.HOST = host;
await import(entry);
const shown = host === '0.0.0.0' || host === '::' ? 'localhost' : host;
console.log(`Puente is running on the bundled corpus: http://${shown}:${port}/`);
