// The search over links of one sentence pair, in fast_align's shape: every token of one side
// chooses a token of the other side or none (null), with probability proportional to how well
// they translate times a prior that prefers the diagonal; this is done in both directions and
// a link is kept when the two directions agree on it (the geometric mean of their posteriors),
// which makes the result the same whichever language is called the source.

export interface SearchOptions {
	/** Diagonal tension (fast_align's λ): how fast a link's prior falls with its distance from the diagonal. */
	diagonalTension: number;
	/** Prior probability that a token translates nothing (fast_align's p0). */
	nullProbability: number;
	/** The translation score of the null word: a token with less evidence than this anywhere stays unlinked. */
	nullScore: number;
	/** Translation score of two tokens with no evidence at all. */
	floorScore: number;
	/** A link needs this agreement (geometric mean of the two directions' posteriors). */
	linkThreshold: number;
}

// fast_align's published defaults for λ and p0; the null and floor scores set what "no
// evidence" weighs against a dictionary match (score 1). The floor stays well below the null
// word's share (p0 × nullScore = 0.004), so that a token no evidence supports goes to null
// rather than to whatever lies near the diagonal, and the unsupported positions of a long
// sentence do not add up against a real match far from the diagonal. A link must win in
// agreement.
export const DEFAULT_SEARCH: SearchOptions = {
	diagonalTension: 4,
	nullProbability: 0.08,
	nullScore: 0.05,
	floorScore: 0.001,
	linkThreshold: 0.5
};

/**
 * Posterior link probabilities for an m×n score matrix (row i = English token, column j =
 * Spanish token, `scores[i * n + j]` ≥ 0), as the geometric mean of the two directions' posteriors.
 *
 * With `anchors` (links already certain), half of the position prior follows the anchors
 * instead of the diagonal: a token between two anchored words expects its counterpart between
 * their counterparts, as an HMM aligner (eflomal) would through its jump model. This is what
 * tells the "los" of "giro de los acontecimientos" from the "the" of "the historical agenda".
 */
export function linkPosteriors(
	scores: Float64Array,
	m: number,
	n: number,
	options: SearchOptions = DEFAULT_SEARCH,
	anchors: ReadonlyArray<readonly [number, number]> = []
): Float64Array {
	const posterior = new Float64Array(m * n);
	if (m === 0 || n === 0) return posterior;
	const directions = [new Float64Array(m * n), new Float64Array(m * n)];
	const prior = new Float64Array(Math.max(m, n));
	const local = new Float64Array(Math.max(m, n));
	// Spanish token j chooses an English token i, then English token i chooses a Spanish j.
	for (const direction of [0, 1]) {
		const [sources, targets] = direction === 0 ? [m, n] : [n, m];
		// Anchors as (target, source) positions, in target order.
		const marks = anchors
			.map(([i, j]) => (direction === 0 ? [j, i] : [i, j]))
			.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
		const diagonal = diagonalPrior(sources, targets, options.diagonalTension);
		for (let t = 0; t < targets; t++) {
			for (let s = 0; s < sources; s++) prior[s] = diagonal[t * sources + s];
			const expected = marks.length ? expectedSource(marks, t, sources / targets) : -1;
			if (expected >= 0) {
				let localSum = 0;
				for (let s = 0; s < sources; s++) {
					local[s] = Math.exp(-Math.abs(s - expected) / ANCHOR_WIDTH);
					localSum += local[s];
				}
				for (let s = 0; s < sources; s++) prior[s] = (prior[s] + local[s] / localSum) / 2;
			}
			let linked = 0;
			for (let s = 0; s < sources; s++) {
				const score = direction === 0 ? scores[s * n + t] : scores[t * n + s];
				prior[s] *= (1 - options.nullProbability) * (options.floorScore + score);
				linked += prior[s];
			}
			const total = linked + options.nullProbability * options.nullScore;
			for (let s = 0; s < sources; s++) {
				const index = direction === 0 ? s * n + t : t * n + s;
				directions[direction][index] = prior[s] / total;
			}
		}
	}
	// Agreement of the two directions (Liang, Taskar & Klein 2006): a link both believe in.
	for (let k = 0; k < m * n; k++) posterior[k] = Math.sqrt(directions[0][k] * directions[1][k]);
	return posterior;
}

/**
 * The diagonal prior of every target position over the source positions, normalised; the same
 * for every sentence pair of the same lengths, so kept for the lengths seen last.
 */
function diagonalPrior(sources: number, targets: number, tension: number): Float64Array {
	const key = `${sources} ${targets} ${tension}`;
	let prior = diagonalPriors.get(key);
	if (prior) return prior;
	prior = new Float64Array(sources * targets);
	for (let t = 0; t < targets; t++) {
		let sum = 0;
		for (let s = 0; s < sources; s++) {
			const p = Math.exp(-tension * Math.abs((s + 0.5) / sources - (t + 0.5) / targets));
			prior[t * sources + s] = p;
			sum += p;
		}
		for (let s = 0; s < sources; s++) prior[t * sources + s] /= sum;
	}
	if (diagonalPriors.size >= 1000) diagonalPriors.clear();
	diagonalPriors.set(key, prior);
	return prior;
}

const diagonalPriors = new Map<string, Float64Array>();

/** How many tokens away from where the anchors point a counterpart may drift (e-folding distance). */
const ANCHOR_WIDTH = 1.5;

/** Where the anchors around target position t say its source should be, by interpolation. */
function expectedSource(marks: number[][], t: number, slope: number): number {
	let left: number[] | undefined;
	let right: number[] | undefined;
	for (const mark of marks) {
		if (mark[0] <= t) left = mark;
		else {
			right = mark;
			break;
		}
	}
	if (left && left[0] === t) return left[1];
	if (left && right) return left[1] + ((right[1] - left[1]) * (t - left[0])) / (right[0] - left[0]);
	if (left) return left[1] + (t - left[0]) * slope;
	if (right) return Math.max(0, right[1] - (right[0] - t) * slope);
	return -1;
}

/**
 * Links certain enough to guide the position prior of a second pass: each the best of its row
 * and of its column (the intersection of the two directions' best choices) and agreed on.
 */
export function anchorsOf(
	posterior: Float64Array,
	m: number,
	n: number,
	threshold = DEFAULT_SEARCH.linkThreshold
): Array<[number, number]> {
	const rowBest = new Int32Array(m).fill(-1);
	const columnBest = new Int32Array(n).fill(-1);
	for (let i = 0; i < m; i++) {
		for (let j = 0; j < n; j++) {
			const p = posterior[i * n + j];
			if (rowBest[i] < 0 || p > posterior[i * n + rowBest[i]]) rowBest[i] = j;
			if (columnBest[j] < 0 || p > posterior[columnBest[j] * n + j]) columnBest[j] = i;
		}
	}
	const anchors: Array<[number, number]> = [];
	for (let i = 0; i < m; i++) {
		const j = rowBest[i];
		if (j >= 0 && columnBest[j] === i && posterior[i * n + j] >= threshold) anchors.push([i, j]);
	}
	return anchors;
}

/** The links the posteriors support, as [english, spanish] index pairs in reading order. */
export function decodeLinks(
	posterior: Float64Array,
	m: number,
	n: number,
	threshold = DEFAULT_SEARCH.linkThreshold
): Array<[number, number]> {
	const links: Array<[number, number]> = [];
	for (let i = 0; i < m; i++) {
		for (let j = 0; j < n; j++) if (posterior[i * n + j] >= threshold) links.push([i, j]);
	}
	return links;
}
