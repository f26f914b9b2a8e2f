import { describe, expect, it } from 'vitest';
import { applyBeadEdit, coversInOrder, type BeadEdit } from '$lib/core/align/bead-edits';
import type { Bead } from '$lib/core/types';

const b = (en: number[], es: number[], confidence = 0.8): Bead => ({ en, es, confidence });
// en 0..5, es 0..5: 1-1, 2-1, 0-1, 1-2, 1-1, 1-0
const start = [b([0], [0]), b([1, 2], [1]), b([], [2]), b([3], [3, 4]), b([4], [5]), b([5], [])];

function apply(beads: Bead[], edit: BeadEdit): Bead[] {
	const result = applyBeadEdit(beads, edit);
	if (!result.ok) throw new Error(result.error.params?.detail as string);
	return result.value;
}

describe('applyBeadEdit', () => {
	it('merges a pair with the next and marks it reviewed', () => {
		const merged = apply(start, { kind: 'merge', bead: 1 });
		expect(merged[1]).toEqual({ en: [1, 2], es: [1, 2], confidence: 1, reviewed: true });
		expect(merged).toHaveLength(start.length - 1);
	});

	it('splits a 2-1 pair into 1-1 and 1-0', () => {
		const split = apply(start, { kind: 'split', bead: 1, en: 1, es: 1 });
		expect(split.slice(1, 3).map(({ en, es }) => ({ en, es }))).toEqual([
			{ en: [1], es: [1] },
			{ en: [2], es: [] }
		]);
	});

	it('relinks: moves the last English sentence of a pair into the next pair', () => {
		const moved = apply(start, { kind: 'move', bead: 1, side: 'en', direction: 'down' });
		expect(moved[1].en).toEqual([1]);
		expect(moved[2]).toMatchObject({ en: [2], es: [2] });
	});

	it('drops a pair left empty by a move', () => {
		const moved = apply(start, { kind: 'move', bead: 2, side: 'es', direction: 'up' });
		expect(moved).toHaveLength(start.length - 1);
		expect(moved[1]).toMatchObject({ en: [1, 2], es: [1, 2] });
	});

	it('confirms a pair without changing it', () => {
		expect(apply(start, { kind: 'review', bead: 0 })[0]).toEqual({
			en: [0],
			es: [0],
			confidence: 1,
			reviewed: true
		});
	});

	it('refuses edits that make no sense, as errors, not exceptions', () => {
		for (const edit of [
			{ kind: 'merge', bead: 5 },
			{ kind: 'merge', bead: 9 },
			{ kind: 'split', bead: 0, en: 0, es: 0 },
			{ kind: 'move', bead: 0, side: 'en', direction: 'up' },
			{ kind: 'move', bead: 2, side: 'en', direction: 'down' }
		] as BeadEdit[]) {
			const result = applyBeadEdit(start, edit);
			expect(result.ok, JSON.stringify(edit)).toBe(false);
		}
	});

	it('keeps every sentence in exactly one pair, in order, through any sequence of edits', () => {
		let seed = 7;
		const random = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2 ** 31), seed % n);
		let beads = start;
		let applied = 0;
		for (let step = 0; step < 500; step++) {
			const bead = random(beads.length);
			const kinds: BeadEdit[] = [
				{ kind: 'merge', bead },
				{
					kind: 'split',
					bead,
					en: random(beads[bead].en.length + 1),
					es: random(beads[bead].es.length + 1)
				},
				{ kind: 'move', bead, side: random(2) ? 'en' : 'es', direction: random(2) ? 'up' : 'down' }
			];
			const result = applyBeadEdit(beads, kinds[random(3)]);
			if (result.ok) {
				beads = result.value;
				applied++;
			}
			expect(coversInOrder(beads, 6, 6)).toBe(true);
		}
		expect(applied).toBeGreaterThan(100);
	});
});
