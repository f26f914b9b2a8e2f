// Heavy work a request asks for (an alignment through the API, an import) runs in the worker
// pool, at most PUENTE_HEAVY_JOBS at once (default: the pool's thread count). Past that a request
// is told to come back later (a 503 with Retry-After) instead of queueing without bound: a
// queue of 13 MB alignments would hold memory and answer after the client gave up.
// A huge input (over HUGE_BYTES: aligning two 5 MB texts takes about 250 MB in its worker) runs
// one at a time whatever the bound, so the server's memory stays under 500 MB on any machine.
import {
	runTask,
	workerCount,
	type PoolResults,
	type PoolTask,
	type TaskInput
} from './analysis-pool';

/** Inputs larger than this (the bytes a task carries) are huge: one such job at a time. */
export const HUGE_BYTES = 2 * 1024 * 1024;

export class HeavyJobs {
	private running = 0;
	private huge = 0;

	constructor(readonly limit: number) {}

	/** Whether a job of `bytes` would be refused now (say the bytes when known, else 0). */
	full(bytes = 0): boolean {
		return this.running >= this.limit || (bytes > HUGE_BYTES && this.huge > 0);
	}

	/**
	 * The task's result, or 'busy' when `limit` jobs are running already, or when the task's
	 * input is huge and a huge one is running. The input's size is that of `transfer`, the
	 * buffers the task moves to the worker (a request's body, a file's bytes).
	 */
	async run<K extends PoolTask['kind']>(
		task: TaskInput<K>,
		transfer: ArrayBuffer[] = []
	): Promise<PoolResults[K] | 'busy'> {
		const bytes = transfer.reduce((sum, buffer) => sum + buffer.byteLength, 0);
		if (this.full(bytes)) return 'busy';
		const huge = bytes > HUGE_BYTES;
		this.running++;
		if (huge) this.huge++;
		try {
			return await runTask(task, undefined, transfer);
		} finally {
			this.running--;
			if (huge) this.huge--;
		}
	}
}

function limitFromEnv(env: NodeJS.ProcessEnv = process.env): number {
	const asked = Number(env.PUENTE_HEAVY_JOBS);
	return Number.isInteger(asked) && asked > 0 ? asked : Math.max(2, workerCount(env));
}

export const heavyJobs = new HeavyJobs(limitFromEnv());
