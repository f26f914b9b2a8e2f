// Confirmed pairs follow their text, not their numbers: placed again on a new segmentation by
// the text of their sentences (in order, nearest their old place), the aligner's pairs filling
// the stretches between them; a pair whose text is gone is returned as unplaced, not dropped.
// And the sentence patches behind text edits, splits and joins apply both ways.
import { describe, expect, it } from 'vitest';
import {
	confirmedPairs,
	pairsStillHold,
	placeConfirmedPairs,
	withConfirmedBeads
} from '$lib/core/align/confirmed-pairs';
import {
	applyPatch,
	applySegmentOverrides,
	invertPatch,
	overridesWith,
	planJoin,
	planSplit,
	planTextEdit,
	shiftOverrides
} from '$lib/core/text/sentence-edits';
import { detectLanguages } from '$lib/core/detect';
import type { Bead } from '$lib/core/types';

const EN = ['One.', 'Two.', 'Three.', 'Four.', 'Five.'];
const ES = ['Uno.', 'Dos.', 'Tres.', 'Cuatro.', 'Cinco.'];
const pair = (en: number[], es: number[], reviewed = false): Bead => ({
	en,
	es,
	confidence: reviewed ? 1 : 0.8,
	...(reviewed ? { reviewed } : {})
});

describe('placing confirmed pairs on a new segmentation', () => {
	const confirmed = confirmedPairs(
		[pair([0], [0]), pair([1], [1, 2], true), pair([2], []), pair([3], [3], true), pair([4], [4])],
		EN,
		ES
	);

	it('keeps only what a person confirmed, with the text of its sentences', () => {
		expect(confirmed).toEqual([
			{ en: [1], es: [1, 2], enTexts: ['Two.'], esTexts: ['Dos.', 'Tres.'] },
			{ en: [3], es: [3], enTexts: ['Four.'], esTexts: ['Cuatro.'] }
		]);
		expect(pairsStillHold(confirmed, EN, ES)).toBe(true);
		expect(pairsStillHold(confirmed, ['Zero.', ...EN], ES)).toBe(false);
	});

	it('follows sentences that moved (a new sentence before them, two joined)', () => {
		// The new segmenter finds a heading first and joins "Dos. Tres." into one sentence.
		const en = ['Heading', ...EN];
		const es = ['Encabezado', 'Uno.', 'Dos. Tres.', 'Cuatro.', 'Cinco.'];
		const { placed, unplaced } = placeConfirmedPairs(confirmed, en, es);
		expect(unplaced).toEqual([]);
		expect(placed.map((b) => [b.en, b.es])).toEqual([
			[[2], [2]],
			[[4], [3]]
		]);
	});

	it('follows a sentence the new segmenter splits in two', () => {
		const es = ['Uno.', 'Dos.', 'Tres.', 'Cuatro', 'y más.', 'Cinco.'];
		const confirmedJoined = confirmedPairs([pair([3], [3], true)], EN, [
			'Uno.',
			'Dos.',
			'Tres.',
			'Cuatro y más.'
		]);
		const { placed } = placeConfirmedPairs(confirmedJoined, EN, es);
		expect(placed.map((b) => [b.en, b.es])).toEqual([[[3], [3, 4]]]);
	});

	it('among repeated texts takes the one nearest the old place, shifted as the pairs before it', () => {
		const en = ['Yes.', 'A.', 'Yes.', 'B.', 'Yes.', 'C.'];
		const es = ['Sí.', 'A.', 'Sí.', 'B.', 'Sí.', 'C.'];
		const pairs = confirmedPairs([pair([0], [0], true), pair([4], [4], true)], en, es);
		// One sentence more at the start: both pairs move one on, never onto another "Yes.".
		const moved = placeConfirmedPairs(pairs, ['X.', ...en], ['X.', ...es]);
		expect(moved.placed.map((b) => [b.en, b.es])).toEqual([
			[[1], [1]],
			[[5], [5]]
		]);
	});

	it('returns a pair whose text is gone as unplaced, and places the rest', () => {
		const en = EN.map((t) => (t === 'Two.' ? 'Deux.' : t));
		const { placed, unplaced } = placeConfirmedPairs(confirmed, en, ES);
		expect(unplaced).toEqual([confirmed[0]]);
		expect(placed.map((b) => [b.en, b.es])).toEqual([[[3], [3]]]);
	});
});

describe('a fresh alignment around confirmed pairs', () => {
	it('keeps fresh pairs that fit between confirmed ones and re-aligns a stretch they cross', () => {
		const fresh = [pair([0], [0]), pair([1], [1]), pair([2], [2]), pair([3], [3]), pair([4], [4])];
		// The person paired English 1 with Spanish 1 and 2; the aligner paired 2 with 2.
		const confirmed = [pair([1], [1, 2], true)];
		const gaps: number[][][] = [];
		const beads = withConfirmedBeads(fresh, confirmed, (en, es) => {
			gaps.push([en, es]);
			return [pair(en, es)];
		});
		expect(gaps).toEqual([
			[
				[2, 3, 4],
				[3, 4]
			]
		]);
		expect(beads.map((b) => [b.en, b.es])).toEqual([
			[[0], [0]],
			[[1], [1, 2]],
			[
				[2, 3, 4],
				[3, 4]
			]
		]);
		// Without a gap aligner the crossing pair is cut to its stretch; every sentence once, in order.
		const cut = withConfirmedBeads(fresh, confirmed);
		expect(cut.flatMap((b) => b.en)).toEqual([0, 1, 2, 3, 4]);
		expect(cut.flatMap((b) => b.es)).toEqual([0, 1, 2, 3, 4]);
	});
});

describe('sentence patches', () => {
	const text = 'The mayor closed the bridge. The OAS sent observers.\n\nSchools stayed closed.';
	const detection = detectLanguages(text);

	it('a text edit changes the text at the sentence, moves the later ones, and inverts exactly', () => {
		const patch = planTextEdit(text, detection, 0, 'The mayor shut the old bridge.');
		expect(patch.ok).toBe(true);
		if (!patch.ok) return;
		const applied = applyPatch(text, detection, patch.value);
		if (!applied.ok) throw new Error(applied.error.code);
		expect(applied.value.text).toBe(text.replace('closed the bridge', 'shut the old bridge'));
		for (const s of applied.value.detection.sentences)
			expect(applied.value.text.slice(s.start, s.end)).toBe(s.text);
		const back = applyPatch(applied.value.text, applied.value.detection, invertPatch(patch.value));
		if (!back.ok) throw new Error(back.error.code);
		expect(back.value.text).toBe(text);
		expect(back.value.detection.sentences.map((s) => [s.start, s.end, s.text])).toEqual(
			detection.sentences.map((s) => [s.start, s.end, s.text])
		);
	});

	it('an undo applies after a re-analysis ran the edited sentence on into the next', () => {
		const original = 'The march began at noon. It reached the square.';
		const first = detectLanguages(original);
		const patch = planTextEdit(original, first, 0, 'The march began at noon and');
		if (!patch.ok) throw new Error(patch.error.code);
		const edited = applyPatch(original, first, patch.value);
		if (!edited.ok) throw new Error(edited.error.code);
		// The segmenter now reads one sentence where the person's edit ended without a full stop.
		const again = detectLanguages(edited.value.text);
		expect(again.sentences).toHaveLength(1);
		const undone = applyPatch(edited.value.text, again, invertPatch(patch.value));
		if (!undone.ok) throw new Error(undone.error.code);
		expect(undone.value.text).toBe(original);
		expect(undone.value.detection.sentences.map((s) => s.text)).toEqual([
			'The march began at noon.',
			'It reached the square.'
		]);
		for (const s of undone.value.detection.sentences)
			expect(undone.value.text.slice(s.start, s.end)).toBe(s.text);
	});

	it('a split and a join are kept as overrides that apply after the segmenter', () => {
		const split = planSplit(text, detection, 1, 'The OAS'.length);
		if (!split.ok) throw new Error(split.error.code);
		expect(split.value.after.map((s) => s.text)).toEqual(['The OAS', 'sent observers.']);
		const join = planJoin(text, detection, 0);
		if (!join.ok) throw new Error(join.error.code);
		let overrides = overridesWith({ splits: [], joins: [] }, split.value);
		overrides = overridesWith(overrides, join.value);
		const again = applySegmentOverrides(text, detectLanguages(text), overrides);
		expect(again.sentences.map((s) => s.text)).toEqual([
			'The mayor closed the bridge. The OAS',
			'sent observers.',
			'Schools stayed closed.'
		]);
		expect(again.runs.at(-1)!.sentenceEnd).toBe(3);
		// Joining where the person had split takes the split back instead of adding a join.
		const rejoin = overridesWith(
			{ splits: [split.value.after[1].start], joins: [] },
			{
				...split.value,
				before: split.value.after,
				after: split.value.before
			}
		);
		expect(rejoin).toEqual({ splits: [], joins: [] });
	});

	it('refuses a split outside the sentence, a join after the last, an empty text', () => {
		expect(planSplit(text, detection, 0, 0).ok).toBe(false);
		expect(planSplit(text, detection, 0, 999).ok).toBe(false);
		expect(planSplit(text, detection, 9, 3).ok).toBe(false);
		expect(planJoin(text, detection, detection.sentences.length - 1).ok).toBe(false);
		expect(planTextEdit(text, detection, 0, '   ').ok).toBe(false);
	});

	it('overrides after a text change move with it; those inside it are dropped', () => {
		expect(
			shiftOverrides(
				{ splits: [5, 20, 40], joins: [30] },
				{ start: 10, before: 'abcdefghijk', after: 'xy' }
			)
		).toEqual({ splits: [5, 31], joins: [21] });
	});
});
