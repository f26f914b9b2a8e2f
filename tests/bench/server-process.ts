// Starting the built server for a bench: a free loopback port, `npm start`'s own entry
// (src/cli/start.js, which builds first when the build is stale) on a database of the bench's,
// and waiting until it answers. Shared by the benches that measure a running server.
import { spawn, type ChildProcess } from 'node:child_process';
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

export interface RunningServer {
	base: string;
	process: ChildProcess;
	stop: () => Promise<void>;
}

/** The app on `dbPath`, answering on loopback. */
export async function startServer(
	dbPath: string,
	env: NodeJS.ProcessEnv = {}
): Promise<RunningServer> {
	const port = await freePort();
	const child = spawn(process.execPath, [join(root, 'src/cli/start.js')], {
		env: { ...process.env, ...env, PORT: String(port), HOST: '127.0.0.1', PUENTE_DB: dbPath },
		stdio: ['ignore', 'ignore', 'inherit']
	});
	const base = `http://127.0.0.1:${port}`;
	await waitFor(`${base}/api/documents`);
	const stop = async () => {
		if (child.exitCode !== null) return;
		child.kill('SIGTERM');
		await new Promise((r) => child.once('exit', r));
	};
	return { base, process: child, stop };
}
