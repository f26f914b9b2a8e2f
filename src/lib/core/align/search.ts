// The search over beads: dynamic programming on the grid of unit boundaries, restricted to a
// band (per row, a range of columns), so time and memory are O(n × band width).

export interface BeadShape {
	en: number;
	es: number;
}

/** Row i of the grid (en boundary 0..n) may use es boundaries lo[i]..hi[i], both included. */
export interface Band {
	lo: Int32Array;
	hi: Int32Array;
}

/**
 * Cost of the bead covering en [i - shape.en, i) and es [j - shape.es, j). `before` is the
 * cost of the path to the bead's start and `best` the cheapest way into (i, j) found so far:
 * when the cost can tell cheaply that `before` + its cost is no less than `best` (the bead
 * cannot win), it may return Infinity instead of costing the bead in full.
 */
export type BeadCost = (
	i: number,
	j: number,
	shape: BeadShape,
	shapeIndex: number,
	before: number,
	best: number
) => number;

/**
 * Makes a band usable: contains both corners and every row overlaps the next, so a path
 * from (0, 0) to (n, m) always exists inside it.
 */
export function closeBand(band: Band, m: number): Band {
	const n = band.lo.length - 1;
	const lo = new Int32Array(n + 1);
	const hi = new Int32Array(n + 1);
	for (let i = 0; i <= n; i++) {
		lo[i] = Math.max(0, Math.min(m, band.lo[i]));
		hi[i] = Math.max(0, Math.min(m, band.hi[i]));
	}
	lo[0] = 0;
	hi[n] = m;
	for (let i = 1; i <= n; i++) hi[i] = Math.max(hi[i], hi[i - 1]);
	for (let i = n - 1; i >= 0; i--) lo[i] = Math.min(lo[i], lo[i + 1]);
	for (let i = 0; i <= n; i++) if (lo[i] > hi[i]) lo[i] = hi[i];
	// Adjacent rows must share a column or touch diagonally.
	for (let i = 1; i <= n; i++) if (lo[i] > hi[i - 1] + 1) lo[i] = hi[i - 1] + 1;
	return { lo, hi };
}

/**
 * The cheapest sequence of beads from (0, 0) to (n, m), as shapes in document order.
 * `floor[s]`, when given, is a lower bound of every cost of shape s: predecessors that
 * cannot beat the best so far are not costed at all.
 */
export function searchBeads(
	band: Band,
	shapes: readonly BeadShape[],
	cost: BeadCost,
	floor?: ArrayLike<number>
): BeadShape[] {
	const { lo, hi } = band;
	const n = lo.length - 1;
	const rowStart = new Int32Array(n + 2);
	for (let i = 0; i <= n; i++) rowStart[i + 1] = rowStart[i] + (hi[i] - lo[i] + 1);
	const cells = rowStart[n + 1];
	const best = new Float64Array(cells).fill(Infinity);
	const choice = new Uint8Array(cells);
	const shapeEn = Int32Array.from(shapes, (s) => s.en);
	const shapeEs = Int32Array.from(shapes, (s) => s.es);
	const shapeFloor = Float64Array.from(shapes, (_, s) => floor?.[s] ?? 0);
	best[0] = 0;
	for (let i = 0; i <= n; i++) {
		for (let j = lo[i]; j <= hi[i]; j++) {
			if (i === 0 && j === 0) continue;
			let bestCost = Infinity;
			let bestShape = 0;
			for (let s = 0; s < shapeEn.length; s++) {
				const pi = i - shapeEn[s];
				const pj = j - shapeEs[s];
				if (pi < 0 || pj < lo[pi] || pj > hi[pi]) continue;
				const before = best[rowStart[pi] + pj - lo[pi]];
				if (before + shapeFloor[s] >= bestCost) continue;
				const total = before + cost(i, j, shapes[s], s, before, bestCost);
				if (total < bestCost) {
					bestCost = total;
					bestShape = s;
				}
			}
			const cell = rowStart[i] + j - lo[i];
			best[cell] = bestCost;
			choice[cell] = bestShape;
		}
	}
	const path: BeadShape[] = [];
	let i = n;
	let j = hi[n];
	while (i > 0 || j > 0) {
		const shape = shapes[choice[rowStart[i] + j - lo[i]]];
		path.push(shape);
		i -= shape.en;
		j -= shape.es;
	}
	return path.reverse();
}
