// Starting the built server for a bench: a free loopback port, `npm start`'s own entry
// (src/cli/start.js, which builds first when the build is stale) on a database of the bench's,
// and waiting until it answers. Shared by the benches that measure a running server.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '../..');

export function freePort(): Promise<number> {
	return new Promise((done) => {
		const s = createServer().listen(0, '127.0.0.1', () => {
			const a = s.address();
			s.close(() => done(typeof a === 'object' && a ? a.port : 0));
		});
	});
}

/** Resolves when `url` answers 2xx; throws after a minute. */
export async function waitFor(url: string): Promise<void> {
	for (let i = 0; i < 600; i++) {
		try {
			if ((await fetch(url)).ok) return;
		} catch {
			/* starting */
		}
		await new Promise((r) => setTimeout(r, 100));
	}
	throw new Error(`${url} did not answer`);
}

/**
 * Waits until the book whose status page is `statusUrl` is analysed; the milliseconds it took,
 * to within `everyMs`. Throws when the analysis failed.
 */
export async function waitForAnalysis(statusUrl: string, everyMs = 250): Promise<number> {
	const started = Date.now();
	for (;;) {
		const status = (await (await fetch(statusUrl)).json()) as { state: string };
		if (status.state === 'ready') return Date.now() - started;
		if (status.state === 'failed') throw new Error('the book failed to analyse');
		await new Promise((r) => setTimeout(r, everyMs));
	}
}

/**
 * Builds the app when there is no build at all, before anything is timed (start.js would build
 * too, but inside the time a bench waits for the server). Exits the bench if the build fails.
 */
export function buildIfMissing(): void {
	if (existsSync(join(root, 'build/handler.js'))) return;
	const r = spawnSync(
		process.execPath,
		[join(root, 'node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'warn'],
		{ cwd: root, stdio: 'inherit' }
	);
	if (r.status !== 0) process.exit(r.status ?? 1);
}

export interface RunningServer {
	base: string;
	process: ChildProcess;
	stop: () => Promise<void>;
}

/**
 * The app on `dbPath`, answering on loopback. Its standard error shows in the bench's unless
 * `stderr` is 'ignore' (for benches whose output must stay only their own figures).
 */
export async function startServer(
	dbPath: string,
	env: NodeJS.ProcessEnv = {},
	{ stderr = 'inherit' }: { stderr?: 'inherit' | 'ignore' } = {}
): Promise<RunningServer> {
	const port = await freePort();
	const child = spawn(process.execPath, [join(root, 'src/cli/start.js')], {
		env: { ...process.env, ...env, PORT: String(port), HOST: '127.0.0.1', PUENTE_DB: dbPath },
		stdio: ['ignore', 'ignore', stderr]
	});
	const base = `http://127.0.0.1:${port}`;
	try {
		await waitFor(`${base}/api/documents`);
	} catch (error) {
		child.kill('SIGKILL');
		throw error;
	}
	const stop = async () => {
		if (child.exitCode !== null) return;
		child.kill('SIGTERM');
		await new Promise((r) => child.once('exit', r));
	};
	return { base, process: child, stop };
}
