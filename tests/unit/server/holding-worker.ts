// A worker that writes one row to a store in a turn of `turns` and holds the write lock until the
// test calls `release` (write-turns-holder.ts): tests decide when a worker's lock ends instead of
// guessing how long a real import holds it.
import { Worker } from 'node:worker_threads';
import type { StoreWriteTurns } from '$lib/server/write-turns';
import { bootstrapModuleUrl } from '$lib/server/worker-bootstrap';

const HOLDER_URL = new URL('./write-turns-holder.ts', import.meta.url).href;

export function holdingWorker(turns: StoreWriteTurns, store: string, key: string) {
	const { ticket, close } = turns.ticket();
	const commit = new Int32Array(new SharedArrayBuffer(4));
	const worker = new Worker(
		new URL(bootstrapModuleUrl(HOLDER_URL, `await import(${JSON.stringify(HOLDER_URL)});`)),
		{
			workerData: { store, ticket, commit, key },
			transferList: [ticket.port]
		}
	);
	const said = (word: string) =>
		new Promise<void>((resolve, reject) => {
			worker.on('message', (m) => m === word && resolve());
			worker.on('error', reject);
		});
	return {
		worker,
		/** Resolves once the worker has written its row and holds the lock. */
		holding: said('holding'),
		committed: said('committed').then(close),
		release: () => {
			Atomics.store(commit, 0, 1);
			Atomics.notify(commit, 0);
		}
	};
}
