// One real Puente server for the browser tests: the production build (npm run test:browser
// builds it first) on a free loopback port, with its own SQLite file in a temp folder.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
	export interface ProvidedContext {
		baseURL: string;
		dbPath: string;
	}
}

function freePort(): Promise<number> {
	return new Promise((done, reject) => {
		const server = createServer();
		server.listen(0, '127.0.0.1', () => {
			const address = server.address();
			server.close(() => (typeof address === 'object' && address ? done(address.port) : reject()));
		});
	});
}

async function waitFor(url: string, child: ChildProcess, output: () => string): Promise<void> {
	const deadline = Date.now() + 60_000;
	while (Date.now() < deadline) {
		if (child.exitCode !== null) throw new Error(`server exited early:\n${output()}`);
		try {
			if ((await fetch(url)).ok) return;
		} catch {
			/* not listening yet */
		}
		await new Promise((r) => setTimeout(r, 200));
	}
	throw new Error(`server did not answer at ${url}:\n${output()}`);
}

/**
 * The server answers at once and analyses the corpus in the background; the tests read the
 * corpus as a person does after that, so wait until every text's analysis is stored.
 */
async function corpusAnalysed(baseURL: string, output: () => string): Promise<void> {
	const { documents } = (await (await fetch(`${baseURL}/api/documents`)).json()) as {
		documents: { slug: string }[];
	};
	const deadline = Date.now() + 180_000;
	for (const { slug } of documents) {
		for (;;) {
			const status = (await (await fetch(`${baseURL}/doc/${slug}/status`)).json()) as {
				state: string;
			};
			if (status.state !== 'pending') break;
			if (Date.now() > deadline)
				throw new Error(`the corpus was not analysed in time (${slug}):\n${output()}`);
			await new Promise((r) => setTimeout(r, 250));
		}
	}
}

export default async function setup(project: TestProject) {
	const root = resolve(import.meta.dirname, '../..');
	if (!existsSync(join(root, 'build/handler.js')))
		throw new Error('No production build: run `npm run test:browser` (it builds first).');
	const dir = mkdtempSync(join(tmpdir(), 'puente-browser-'));
	const dbPath = join(dir, 'puente.db');
	const port = await freePort();
	let log = '';
	// The same entry as `npm start`, so the tests cover what a person runs.
	const child = spawn(process.execPath, [join(root, 'src/cli/start.js')], {
		cwd: root,
		env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', PUENTE_DB: dbPath },
		stdio: ['ignore', 'pipe', 'pipe']
	});
	child.stdout?.on('data', (d) => (log += d));
	child.stderr?.on('data', (d) => (log += d));
	const baseURL = `http://127.0.0.1:${port}`;
	await waitFor(`${baseURL}/api/documents`, child, () => log);
	await corpusAnalysed(baseURL, () => log);
	project.provide('baseURL', baseURL);
	project.provide('dbPath', dbPath);
	return () => {
		child.kill();
		rmSync(dir, { recursive: true, force: true });
	};
}
