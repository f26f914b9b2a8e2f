// Heavy work a request asks for (an alignment through the API, an import) runs in the worker
// pool, at most PUENTE_HEAVY_JOBS at once (default: the pool's thread count). Past that a request
// is told to come back later (a 503 with Retry-After) instead of queueing without bound: a
// queue of 13 MB alignments would hold memory and answer after the client gave up.
import {
	runTask,
	workerCount,
	type PoolResults,
	type PoolTask,
	type TaskInput
} from './analysis-pool';

export class HeavyJobs {
	private running = 0;

	constructor(readonly limit: number) {}

	full(): boolean {
		return this.running >= this.limit;
	}

	/** The task's result, or 'busy' when `limit` jobs are running already. */
	async run<K extends PoolTask['kind']>(
		task: TaskInput<K>,
		transfer: ArrayBuffer[] = []
	): Promise<PoolResults[K] | 'busy'> {
		if (this.full()) return 'busy';
		this.running++;
		try {
			return await runTask(task, undefined, transfer);
		} finally {
			this.running--;
		}
	}
}

function limitFromEnv(env: NodeJS.ProcessEnv = process.env): number {
	const asked = Number(env.PUENTE_HEAVY_JOBS);
	return Number.isInteger(asked) && asked > 0 ? asked : Math.max(2, workerCount(env));
}

export const heavyJobs = new HeavyJobs(limitFromEnv());
