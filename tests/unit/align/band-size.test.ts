// The band the first pass searches grows with the distance between anchors and with how unequal
// the unit counts are between them: two long texts with few anchors would get a band hundreds of
// cells wide on every row (2.2 GB for 5 MB of repeated lines). Its size is bounded; texts that
// anchor as translations do keep exactly the band they had.
import { describe, expect, it } from 'vitest';
import { bandAroundAnchors, type Anchor } from '$lib/core/align/anchors';
import { alignSentences } from '$lib/core/align';
import { closeBand } from '$lib/core/align/search';

const cells = (band: { lo: Int32Array; hi: Int32Array }) => {
	let total = 0;
	for (let i = 0; i < band.lo.length; i++) total += band.hi[i] - band.lo[i] + 1;
	return total;
};

describe('the first pass band', () => {
	it('stays within its bound when long texts have no anchors and unequal counts', () => {
		const n = 200_000;
		const m = 150_000;
		const band = closeBand(bandAroundAnchors([], n, m, 8), m);
		// Unbounded, every row would span 2 × (8 + 232) + 1 = 481 cells: over 96 million.
		expect(cells(band)).toBeLessThanOrEqual(8_200_000);
		// Still a band a path can cross: every row overlaps the next, corners included.
		expect(band.lo[0]).toBe(0);
		expect(band.hi[n]).toBe(m);
		for (let i = 1; i <= n; i++) expect(band.lo[i]).toBeLessThanOrEqual(band.hi[i - 1] + 1);
	});

	it('is exactly as wide as before wherever the bound is not reached', () => {
		const n = 5_000;
		const m = 5_400;
		const anchors: Anchor[] = [];
		for (let i = 50; i < n; i += 97)
			anchors.push({ en: i, es: Math.round(i * 1.08), similarity: 1 });
		const band = bandAroundAnchors(anchors, n, m, 8);
		// Between two anchors the band is centred on their line and widened by how unequal
		// the stretch is (at most 4 × 8 + 200).
		const i = 1_000;
		const before = anchors.filter((a) => a.en + 1 <= i).at(-1)!;
		const after = anchors.find((a) => a.en > i)!;
		const [i0, j0, i1, j1] = [before.en + 1, before.es + 1, after.en, after.es];
		const centre = j0 + ((i - i0) * (j1 - j0)) / (i1 - i0);
		const half = 8 + Math.min(Math.abs(i1 - i0 - (j1 - j0)), 232);
		expect(band.lo[i]).toBe(Math.floor(centre - half));
		expect(band.hi[i]).toBe(Math.ceil(centre + half));
	});

	it('aligns 30,000 copies of three lines against 25,000 of their translations', () => {
		const en = ['The river rose overnight.', 'The bridge is closed.', 'Farmers lost their crops.'];
		const es = [
			'El río creció de noche.',
			'El puente está cerrado.',
			'Los agricultores perdieron sus cosechas.'
		];
		const beads = alignSentences(
			Array.from({ length: 30_000 }, (_, k) => en[k % 3]),
			Array.from({ length: 25_000 }, (_, k) => es[k % 3]),
			{ realign: false }
		);
		// Every unit in exactly one bead, in order.
		expect(beads.flatMap((b) => b.en)).toEqual(Array.from({ length: 30_000 }, (_, k) => k));
		expect(beads.flatMap((b) => b.es)).toEqual(Array.from({ length: 25_000 }, (_, k) => k));
	}, 120_000);
});
