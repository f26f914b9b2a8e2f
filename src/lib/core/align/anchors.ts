// Anchors: 1-1 pairs so clearly translations of each other (rare words in common, nothing
// else close) that the search only needs to look in a narrow band around them.
import { forEachConcept, type OverlapCounter, type PairFeatures } from './features';
import type { Band } from './search';

export interface Anchor {
	en: number;
	es: number;
	similarity: number;
}

/** Concepts seen in more units than this are too common to point at one pair. */
const RARE_DF = 8;

/**
 * Candidate pairs by rare shared concepts inside a generous window around the diagonal,
 * kept when clearly better than the runner-up and mutually best, then the heaviest
 * increasing chain of them.
 */
export function findAnchors(
	f: PairFeatures,
	overlap: OverlapCounter,
	minSimilarity: number
): Anchor[] {
	const n = f.en.units;
	const m = f.es.units;
	if (n === 0 || m === 0) return [];
	// First round: a wide window around the diagonal, strict. Second round: a narrow window
	// around the line through the first anchors, where a repeated passage elsewhere no
	// longer competes, so many more pairs qualify.
	const rare = rarePostings(f);
	const wide = anchorsNear(
		f,
		rare,
		overlap,
		minSimilarity,
		(i) => (i * m) / n,
		Math.max(40, Math.ceil(0.1 * Math.max(n, m)))
	);
	if (wide.length < 2) return wide;
	const guide = guideLine(wide, n, m);
	return anchorsNear(f, rare, overlap, minSimilarity, guide, GUIDED_WINDOW);
}

/** Half-width of the search window around the first anchors' line. */
const GUIDED_WINDOW = 25;

function guideLine(anchors: Anchor[], n: number, m: number): (i: number) => number {
	const points: [number, number][] = [
		[0, 0],
		...anchors.map((a): [number, number] => [a.en, a.es]),
		[n, m]
	];
	return (i: number) => {
		let lo = 0;
		let hi = points.length - 1;
		while (hi - lo > 1) {
			const mid = (lo + hi) >> 1;
			if (points[mid][0] <= i) lo = mid;
			else hi = mid;
		}
		const [i0, j0] = points[lo];
		const [i1, j1] = points[hi];
		return i1 > i0 ? j0 + ((i - i0) * (j1 - j0)) / (i1 - i0) : j0;
	};
}

interface Postings {
	/** es units of concept c: postings[postingStart[c] .. postingStart[c+1]), in unit order. */
	postingStart: Int32Array;
	postings: Int32Array;
}

/** Postings: es units of each concept, for concepts rare on the Spanish side (both rounds share them). */
function rarePostings(f: PairFeatures): Postings {
	const { es } = f;
	const m = es.units;
	const df = new Int32Array(f.conceptCount);
	const seen = new Int32Array(f.conceptCount).fill(-1);
	for (let u = 0; u < m; u++)
		forEachConcept(es, u, (concept) => {
			if (seen[concept] !== u) {
				seen[concept] = u;
				df[concept]++;
			}
		});
	const postingStart = new Int32Array(f.conceptCount + 1);
	for (let c = 0; c < f.conceptCount; c++)
		postingStart[c + 1] = postingStart[c] + (df[c] <= RARE_DF ? df[c] : 0);
	const postings = new Int32Array(postingStart[f.conceptCount]);
	const fill = postingStart.slice(0, f.conceptCount);
	seen.fill(-1);
	for (let u = 0; u < m; u++)
		forEachConcept(es, u, (concept) => {
			if (df[concept] <= RARE_DF && seen[concept] !== u) {
				seen[concept] = u;
				postings[fill[concept]++] = u;
			}
		});
	return { postingStart, postings };
}

function anchorsNear(
	f: PairFeatures,
	{ postingStart, postings }: Postings,
	overlap: OverlapCounter,
	minSimilarity: number,
	centreOf: (i: number) => number,
	window: number
): Anchor[] {
	const { en } = f;
	const n = en.units;
	const m = f.es.units;

	const score = new Float64Array(m);
	const touched: number[] = [];
	const conceptSeen = new Int32Array(f.conceptCount).fill(-1);
	const bestForEs = new Map<number, Anchor>();
	for (let i = 0; i < n; i++) {
		const centre = centreOf(i);
		for (let k = en.unitStart[i]; k < en.unitStart[i + 1]; k++) {
			const w = en.words[k];
			for (let c = en.conceptStart[w]; c < en.conceptStart[w + 1]; c++) {
				const concept = en.concepts[c];
				if (conceptSeen[concept] === i) continue;
				conceptSeen[concept] = i;
				// Postings are in unit order: jump to the window, stop past it.
				let p = postingStart[concept];
				const last = postingStart[concept + 1];
				if (p === last) continue;
				for (let hi = last; p < hi;) {
					const mid = (p + hi) >> 1;
					if (postings[mid] < centre - window) p = mid + 1;
					else hi = mid;
				}
				for (; p < last; p++) {
					const j = postings[p];
					if (j > centre + window) break;
					if (score[j] === 0) touched.push(j);
					score[j] += en.weight[w];
				}
			}
		}
		let first = -1;
		let second = -1;
		for (const j of touched) {
			if (first < 0 || score[j] > score[first]) {
				second = first;
				first = j;
			} else if (second < 0 || score[j] > score[second]) second = j;
		}
		if (first >= 0) {
			const similarity = overlap.similarity(i, first);
			const runnerUp = second >= 0 ? overlap.similarity(i, second) : 0;
			if (similarity >= minSimilarity && similarity >= 1.4 * runnerUp) {
				const previous = bestForEs.get(first);
				if (!previous || previous.similarity < similarity)
					bestForEs.set(first, { en: i, es: first, similarity });
			}
		}
		for (const j of touched) score[j] = 0;
		touched.length = 0;
	}
	return dropOutliers(
		heaviestChain([...bestForEs.values()].sort((a, b) => a.en - b.en || a.es - b.es)),
		n,
		m
	);
}

/** How far (in units) an anchor may sit off the line its neighbours agree on. */
const OUTLIER_TOLERANCE = 15;

/**
 * A chain can still hold a stray pair (a repeated verse, a shared name far away). Keep an
 * anchor when its offset from the diagonal agrees with the anchors before it or with those
 * after it: one side suffices, so the step at an omitted passage survives.
 */
function dropOutliers(chain: Anchor[], n: number, m: number): Anchor[] {
	const k = 4;
	const offset = chain.map((a) => a.es - (a.en * m) / n);
	const median = (values: number[]) => {
		const sorted = [...values].sort((x, y) => x - y);
		return sorted[sorted.length >> 1];
	};
	return chain.filter((_, index) => {
		const before = offset.slice(Math.max(0, index - k), index);
		const after = offset.slice(index + 1, index + 1 + k);
		if (before.length + after.length < 2) return true;
		const fits = (side: number[]) =>
			side.length >= 2 && Math.abs(offset[index] - median(side)) <= OUTLIER_TOLERANCE;
		return fits(before) || fits(after);
	});
}

/** Strictly increasing in both indices, maximal total similarity (Fenwick tree over es). */
function heaviestChain(candidates: Anchor[]): Anchor[] {
	if (candidates.length === 0) return [];
	// A loop, not Math.max(...): ~125,000 candidates overflow the call stack as arguments.
	const size = candidates.reduce((m, a) => Math.max(m, a.es), -Infinity) + 2;
	const tree = new Float64Array(size + 1);
	const treeArg = new Int32Array(size + 1).fill(-1);
	const total = new Float64Array(candidates.length);
	const previous = new Int32Array(candidates.length).fill(-1);
	// Candidates sharing an en index must not chain: process each en group after querying all.
	let start = 0;
	while (start < candidates.length) {
		let end = start;
		while (end < candidates.length && candidates[end].en === candidates[start].en) end++;
		for (let k = start; k < end; k++) {
			let bestValue = 0;
			let bestArg = -1;
			for (let x = candidates[k].es; x > 0; x -= x & -x) {
				if (tree[x] > bestValue) {
					bestValue = tree[x];
					bestArg = treeArg[x];
				}
			}
			total[k] = bestValue + candidates[k].similarity;
			previous[k] = bestArg;
		}
		for (let k = start; k < end; k++) {
			for (let x = candidates[k].es + 1; x <= size; x += x & -x) {
				if (total[k] > tree[x]) {
					tree[x] = total[k];
					treeArg[x] = k;
				}
			}
		}
		start = end;
	}
	let last = 0;
	for (let k = 1; k < candidates.length; k++) if (total[k] > total[last]) last = k;
	const chain: Anchor[] = [];
	for (let k = last; k >= 0; k = previous[k]) chain.push(candidates[k]);
	return chain.reverse();
}

/**
 * A band through the anchors: between two anchors, around the straight line joining them,
 * widened by how unevenly the gap splits between the sides (an omitted passage).
 */
export function bandAroundAnchors(anchors: Anchor[], n: number, m: number, width: number): Band {
	const points: [number, number][] = [[0, 0]];
	for (const a of anchors) points.push([a.en, a.es], [a.en + 1, a.es + 1]);
	points.push([n, m]);
	const centre = new Float64Array(n + 1);
	const extra = new Float64Array(n + 1);
	let segment = 0;
	for (let i = 0; i <= n; i++) {
		while (segment < points.length - 2 && points[segment + 1][0] <= i && points[segment + 1][0] < n)
			segment++;
		const [i0, j0] = points[segment];
		const [i1, j1] = points[segment + 1];
		const span = i1 - i0;
		centre[i] = span > 0 ? j0 + ((i - i0) * (j1 - j0)) / span : (j0 + j1) / 2;
		extra[i] = Math.min(Math.abs(span - (j1 - j0)), 4 * width + 200);
	}
	const scale = extraScale(extra, width);
	const lo = new Int32Array(n + 1);
	const hi = new Int32Array(n + 1);
	for (let i = 0; i <= n; i++) {
		const half = width + extra[i] * scale;
		lo[i] = Math.floor(centre[i] - half);
		hi[i] = Math.ceil(centre[i] + half);
	}
	return { lo, hi };
}

/**
 * The most cells a band may hold. The search and the overlap table keep about 25 bytes a
 * cell, so this bounds them near 200 MB: without it, two long texts with few anchors and
 * unequal unit counts (two unrelated 5 MB files, or one line repeated 100,000 times) get a
 * band about 480 cells wide on every row, which took 2.2 GB. Texts that translate each
 * other are anchored every few units and stay far below it.
 */
const MAX_BAND_CELLS = 8_000_000;

/** 1, or the share of each row's extra width that keeps the band within MAX_BAND_CELLS. */
function extraScale(extra: Float64Array, width: number): number {
	let base = 0;
	let extraCells = 0;
	for (let i = 0; i < extra.length; i++) {
		base += 2 * width + 2;
		extraCells += 2 * extra[i];
	}
	if (base + extraCells <= MAX_BAND_CELLS) return 1;
	return Math.max(0, (MAX_BAND_CELLS - base) / extraCells);
}
