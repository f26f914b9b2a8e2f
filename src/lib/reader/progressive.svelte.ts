// Renders a long list in steps: the server sends the first blocks of rows (a fast first paint),
// the browser appends the rest after hydration, a few blocks per frame, so a 5,000-pair book
// neither sends megabytes of HTML nor blocks the page while it mounts. Rows come in fixed blocks
// so that appending never re-walks the rows already there; the number of blocks per frame
// adapts to how long the last step took, aiming at a few tens of milliseconds.
export const BLOCK_ROWS = 40;
// Enough for any article (the longest in the corpus has 146 pairs) to arrive whole from the server.
const FIRST_BLOCKS = 6;
const FRAME_BUDGET_MS = 30;

/** Cuts a list into consecutive blocks of BLOCK_ROWS, remembering where each starts. */
export function inBlocks<T>(items: readonly T[]): { start: number; items: T[] }[] {
	const blocks: { start: number; items: T[] }[] = [];
	for (let start = 0; start < items.length; start += BLOCK_ROWS)
		blocks.push({ start, items: items.slice(start, start + BLOCK_ROWS) });
	return blocks;
}

export class ProgressiveLimit {
	/** How many blocks are rendered. */
	limit = $state(FIRST_BLOCKS);
	#total: () => number;
	#step = 2;

	constructor(totalBlocks: () => number) {
		this.#total = totalBlocks;
		$effect(() => {
			const total = this.#total();
			if (this.limit >= total) return;
			const frame = requestAnimationFrame(() => {
				const started = performance.now();
				this.limit = Math.min(total, this.limit + this.#step);
				// The rows mount in the next flush; time it and size the following step to fit.
				requestAnimationFrame(() => {
					const spent = performance.now() - started;
					const scale = Math.min(2, Math.max(0.5, spent > 0 ? FRAME_BUDGET_MS / spent : 2));
					this.#step = Math.max(1, Math.min(32, Math.round(this.#step * scale)));
				});
			});
			return () => cancelAnimationFrame(frame);
		});
	}

	/** Renders at least the first `blocks` blocks now: a jump or a search needs a row further on. */
	showThrough(blocks: number) {
		const wanted = Math.min(this.#total(), blocks);
		if (wanted > this.limit) this.limit = wanted;
	}
}
