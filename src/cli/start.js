// `npm start`: serves the production build, building it first when there is none or when the
// sources are newer. PORT, HOST, ALLOWED_HOSTS, PUENTE_DB and ORIGIN are honoured.
//
// It listens on this computer only (127.0.0.1) unless HOST says otherwise: without the shared
// mode (PUENTE_AUTH=on) Puente has no accounts, so whoever reaches it can read and edit everything. The Host check in
// src/hooks.server.ts reads the same HOST and ALLOWED_HOSTS.
//
// We serve adapter-node's handler from our own plain-http server rather than its index.js:
// without ORIGIN, adapter-node takes every request for https, so the browser's Origin
// (http://…) never matches and SvelteKit refuses all form posts. Puente runs on a person's own
// machine over http, so we say so per request. Behind a TLS proxy, set ORIGIN instead.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import http from 'node:http';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { sharedModeFromEnv } from '../lib/server/auth/mode.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const entry = join(root, 'build/handler.js');

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
// Above Puente's own caps (two 5 MB texts plus JSON escaping: jsonBodyLimit in lib/server/http.ts,
// 13.2 MB), so those decide and their messages name the real limit; adapter-node's default is 512K.
process.env.BODY_SIZE_LIMIT ??= '16M';
const PROTOCOL_HEADER = 'x-puente-protocol';
if (!process.env.ORIGIN) process.env.PROTOCOL_HEADER = PROTOCOL_HEADER;

const port = Number(process.env.PORT ?? 3000);
const host = process.env.HOST || '127.0.0.1';
const { handler } = await import(pathToFileURL(entry).href);

const LOOPBACK = new Set(['127.0.0.1', '::1', 'localhost']);
if (!LOOPBACK.has(host.toLowerCase())) {
	const t = await startTranslator();
	const shared = sharedModeFromEnv();
	console.warn(
		t(shared ? 'errors:server-open-to-network-shared' : 'errors:server-open-to-network', { host })
	);
}

// A rebuild while the server runs replaces build/client: adapter-node's static server (sirv)
// listed its files at start-up and opens a listed one without an error handler, so a file
// gone since then threw ENOENT out of the stream and stopped the server. A listed file that is
// gone answers 404 here (the page's new build needs a restart anyway), and any error of a
// stream piped into a response ends that response, never the process.
const clientDir = join(root, 'build/client');
const staticFiles = new Set(existsSync(clientDir) ? filesUnder(clientDir) : []);

const server = http.createServer((req, res) => {
	if (!process.env.ORIGIN) req.headers[PROTOCOL_HEADER] = 'http';
	res.on('pipe', (source) =>
		source.on('error', () => (res.headersSent ? res.destroy() : res.writeHead(404).end()))
	);
	if (staticFileGone(req.url ?? '/')) {
		res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
		res.end('Not found (Puente was rebuilt: restart it)\n');
		return;
	}
	handler(req, res);
});

/** @param {string} dir @returns {string[]} paths under dir, with a leading slash */
function filesUnder(dir) {
	return readdirSync(dir, { recursive: true, withFileTypes: true })
		.filter((entry) => entry.isFile())
		.map((entry) => '/' + relative(dir, join(entry.parentPath ?? entry.path, entry.name)));
}

/** Whether the static server would open a file (or its .br/.gz twin) listed at start-up and gone now. */
function staticFileGone(/** @type {string} */ url) {
	let path;
	try {
		path = decodeURIComponent(url.split('?')[0]);
	} catch {
		return false;
	}
	for (const candidate of [path, `${path}.br`, `${path}.gz`])
		if (staticFiles.has(candidate) && !existsSync(join(clientDir, candidate))) return true;
	return false;
}
server.listen(port, host, () => {
	const shown =
		host === '0.0.0.0' || host === '::' || host === '127.0.0.1'
			? 'localhost'
			: host.includes(':')
				? `[${host}]`
				: host;
	console.log(`Puente is running on the bundled corpus: http://${shown}:${port}/`);
});
for (const signal of ['SIGINT', 'SIGTERM'])
	process.on(signal, () => server.close(() => process.exit(0)));

/** The warning in the person's language (LANG=es_PE.UTF-8 → Spanish), from the app's own locale files. */
async function startTranslator() {
	const { default: i18next } = await import('i18next');
	const env = process.env.LC_ALL || process.env.LC_MESSAGES || process.env.LANG || '';
	const lng = env.toLowerCase().startsWith('es') ? 'es' : 'en';
	/** @param {string} lang */
	const errors = (lang) =>
		JSON.parse(readFileSync(join(root, 'locales', lang, 'errors.json'), 'utf8'));
	const instance = i18next.createInstance();
	await instance.init({
		lng,
		fallbackLng: 'en',
		resources: { en: { errors: errors('en') }, es: { errors: errors('es') } },
		interpolation: { escapeValue: false }
	});
	return instance.t;
}
