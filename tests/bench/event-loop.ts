// How long this process's event loop was held while a piece of work ran: what a request arriving
// meanwhile would have waited. Shared by the benches that compare work in the worker pool with
// the same work on the thread itself (bench:server's memory import, bench:glossary-load's).
import { monitorEventLoopDelay } from 'node:perf_hooks';

export interface WatchedRun<T> {
	value: T;
	/** Wall time of the work alone, in milliseconds. */
	ms: number;
	/** The longest and the 99th-percentile gap between a 5 ms timer's ticks, in milliseconds. */
	longestGap: number;
	p99Gap: number;
	/** monitorEventLoopDelay's largest delay, in milliseconds. */
	delayMax: number;
}

/** Runs `work` with the loop watched by a 5 ms timer and monitorEventLoopDelay beside it. */
export async function watchEventLoop<T>(work: () => T | Promise<T>): Promise<WatchedRun<T>> {
	// A 5 ms timer that keeps the loop turning, as requests would: the gaps between its ticks
	// are how long anything else had to wait (monitorEventLoopDelay beside it).
	const histogram = monitorEventLoopDelay({ resolution: 10 });
	const gaps: number[] = [];
	let last = performance.now();
	const tick = setInterval(() => {
		const now = performance.now();
		gaps.push(now - last);
		last = now;
	}, 5);
	histogram.enable();
	await new Promise((r) => setTimeout(r, 20));
	const t = performance.now();
	const value = await work();
	const ms = performance.now() - t;
	// One more turn of the loop, so a stall that just ended is recorded.
	await new Promise((r) => setTimeout(r, 20));
	histogram.disable();
	clearInterval(tick);
	gaps.sort((a, b) => a - b);
	return {
		value,
		ms,
		longestGap: gaps[gaps.length - 1],
		p99Gap: gaps[Math.floor(0.99 * (gaps.length - 1))],
		delayMax: histogram.max / 1e6
	};
}
