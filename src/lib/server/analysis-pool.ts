// The worker threads that run the heavy work (analysis-jobs.ts for the background analysis,
// request-jobs.ts for what a request asks) off the event loop, through
// tinypool: a bounded number of threads, started on demand and stopped when idle, a task's
// exception (or a worker that dies) rejecting only that task's promise.
//
// Finding the worker's code is the delicate part. Vite handles `new Worker(new URL(…,
// import.meta.url))` only for browser builds (its asset-import-meta-url and worker plugins apply
// to the client environment), and SvelteKit has no server-side worker entry. So the worker is a
// small bootstrap module, given to tinypool as a data: URL, that imports the very module that
// holds runAnalysisTask, by that module's own import.meta.url: in the production build it is the
// server chunk Vite put the module in (build/server/chunks/…), in tests and `vite dev` it is the
// TypeScript source, loaded through tsx's loader. Either way the worker runs the same code as
// the server.
import type Tinypool from 'tinypool';
import { availableParallelism } from 'node:os';
import { MessageChannel, receiveMessageOnPort, type TransferListItem } from 'node:worker_threads';
import {
	ANALYSIS_JOBS_URL,
	type AnalysisTask,
	type TaskProgress,
	type TaskResults
} from './analysis-jobs';
import { bootstrapModuleUrl, loadTinypool } from './worker-bootstrap';
import { REQUEST_JOBS_URL, type RequestTask, type RequestTaskResults } from './request-jobs';
import type { WriteTurnTicket } from './write-turns';

/** Every kind of task a worker runs, and what each gives back. */
export type PoolTask = AnalysisTask | RequestTask;
export type PoolResults = TaskResults & RequestTaskResults;

/** Nice value of the worker threads (0 normal, 19 lowest). */
const WORKER_NICE = 10;

function bootstrapUrl(): string {
	// Workers run at a lower priority than the thread that answers requests: on Linux a nice
	// value is per thread, so a long alignment yields the CPU to the pages (elsewhere: ignored).
	const code = `try { (await import('node:os')).setPriority(${WORKER_NICE}); } catch {}
await import(${JSON.stringify(ANALYSIS_JOBS_URL)});
await import(${JSON.stringify(REQUEST_JOBS_URL)});
const run = globalThis[Symbol.for('puente.analysis-task')];
const requests = globalThis[Symbol.for('puente.request-tasks')];
export default (task) => (Object.hasOwn(requests, task.kind) ? requests[task.kind](task) : run(task));
`;
	return bootstrapModuleUrl(ANALYSIS_JOBS_URL, code);
}

/** Threads: PUENTE_WORKERS, else one fewer than the cores (at least one, at most four). */
export function workerCount(env: NodeJS.ProcessEnv = process.env): number {
	const asked = Number(env.PUENTE_WORKERS);
	if (Number.isInteger(asked) && asked > 0) return asked;
	return Math.max(1, Math.min(4, availableParallelism() - 1));
}

let pool: Promise<Tinypool> | undefined;

async function createPool(): Promise<Tinypool> {
	const Pool = await loadTinypool();
	return new Pool({
		filename: bootstrapUrl(),
		minThreads: 0,
		maxThreads: workerCount(),
		// Threads hold the lexicon and a glossary matcher (~100 MB each): let them go when idle.
		idleTimeout: 30_000,
		// A pathological input runs one worker out of memory, not the server. The limit also sets
		// how far V8 lets a worker's heap grow between collections: at 3,072 MB it allowed 4x, and
		// the server peaked at 425-510 MB aligning two 4.94 MB texts; at 1,536 MB, 431-447 MB
		// (`BENCH_PARTS=memory npm run bench:server`). The largest input's live heap is about a
		// fifth of it.
		resourceLimits: { maxOldGenerationSizeMb: 1536 }
	});
}

function thePool(): Promise<Tinypool> {
	pool ??= createPool();
	return pool;
}

/** A task as a caller gives it: the progress port is the pool's business. */
export type TaskInput<K extends PoolTask['kind']> = Omit<
	Extract<PoolTask, { kind: K }>,
	'progress'
> & { kind: K };

/**
 * Runs a task in a worker thread. `onProgress` hears what the task reports while it runs
 * (sentences detected, pairs aligned); `transfer` lists buffers of the task to move to the
 * worker instead of copying them (they are unusable here afterwards), and ports it carries.
 */
export async function runTask<K extends PoolTask['kind']>(
	task: TaskInput<K>,
	onProgress?: (progress: TaskProgress) => void,
	transfer: TransferListItem[] = []
): Promise<PoolResults[K]> {
	// A job that writes carries the port it asks for its turns on (write-turns.ts): it goes too.
	const ticket = (task as { writeTurn?: WriteTurnTicket }).writeTurn;
	if (ticket) transfer = [...transfer, ticket.port];
	if (!onProgress) return (await thePool()).run(task, { transferList: transfer });
	const channel = new MessageChannel();
	channel.port1.on('message', onProgress);
	try {
		return await (
			await thePool()
		).run({ ...task, progress: channel.port2 }, { transferList: [channel.port2, ...transfer] });
	} finally {
		// Reports still in flight when the result came (another channel) are heard, in order.
		for (let m = receiveMessageOnPort(channel.port1); m; m = receiveMessageOnPort(channel.port1))
			onProgress(m.message as TaskProgress);
		channel.port1.close();
	}
}

/** Stops the threads (tests, shutdown); the next task starts a new pool. */
export async function closePool(): Promise<void> {
	const closing = pool;
	pool = undefined;
	await (await closing)?.destroy();
}
