// The pairs a person confirmed or corrected, anchored to their sentences' text rather than to
// sentence numbers: when re-segmentation moves sentences (a new detector, a split or a join),
// each pair is found again by its text, in order and near where it was, and the rest of the
// alignment is taken from a fresh one around them. A pair whose text is gone is returned as
// unplaced, never dropped.
import type { Bead } from '../types';
import type { AlignOptions } from './align-sentences';
import { alignTranslation, type TranslationSide } from './translation';

/** A confirmed pair with the text of its sentences when it was confirmed. */
export interface ConfirmedPair {
	en: number[];
	es: number[];
	enTexts: string[];
	esTexts: string[];
}

const norm = (text: string) => text.replace(/\s+/g, ' ').trim();

/** The confirmed beads of an alignment with their sentences' text (indices past the end are left out). */
export function confirmedPairs(
	beads: readonly Bead[],
	enTexts: readonly string[],
	esTexts: readonly string[]
): ConfirmedPair[] {
	return beads
		.filter((b) => b.reviewed)
		.map((b) => {
			const en = b.en.filter((i) => i < enTexts.length);
			const es = b.es.filter((i) => i < esTexts.length);
			return { en, es, enTexts: en.map((i) => enTexts[i]), esTexts: es.map((i) => esTexts[i]) };
		})
		.filter((p) => p.en.length + p.es.length > 0);
}

/** True when every confirmed pair's sentences still have the text they were confirmed with. */
export function pairsStillHold(
	pairs: readonly ConfirmedPair[],
	enTexts: readonly string[],
	esTexts: readonly string[]
): boolean {
	return pairs.every(
		(p) =>
			p.en.every((i, k) => i < enTexts.length && norm(enTexts[i]) === norm(p.enTexts[k])) &&
			p.es.every((i, k) => i < esTexts.length && norm(esTexts[i]) === norm(p.esTexts[k]))
	);
}

/**
 * Finds each pair's text among one side's sentences: a run of consecutive sentences whose text,
 * joined, is the pair's text joined (so a sentence the new segmenter splits in two, or two it
 * joins, inside the pair still match). Runs only move forward, and among several matches the one
 * nearest the pair's old place (shifted as the pairs before it shifted) wins.
 */
class SideIndex {
	private readonly normed: string[];
	private readonly byText = new Map<string, number[]>();
	private readonly byPrefix = new Map<string, number[]>();
	static readonly PREFIX = 16;

	constructor(texts: readonly string[]) {
		this.normed = texts.map(norm);
		this.normed.forEach((t, j) => {
			if (!t) return;
			push(this.byText, t, j);
			if (t.length >= SideIndex.PREFIX) push(this.byPrefix, t.slice(0, SideIndex.PREFIX), j);
		});
	}

	/** Candidate first sentences for a target text: those whose text starts it. */
	private starts(target: string): number[] {
		const found = new Set<number>();
		for (const j of this.byPrefix.get(target.slice(0, SideIndex.PREFIX)) ?? []) found.add(j);
		for (let length = 1; length < SideIndex.PREFIX && length <= target.length; length++)
			for (const j of this.byText.get(target.slice(0, length)) ?? []) found.add(j);
		return [...found].filter((j) => target.startsWith(this.normed[j]));
	}

	/** The range [first, last + 1) whose joined text is `target`, starting at `j`, if any. */
	private runFrom(j: number, target: string): number | undefined {
		let joined = '';
		for (let k = j; k < this.normed.length; k++) {
			joined = joined ? `${joined} ${this.normed[k]}` : this.normed[k];
			if (joined === target) return k + 1;
			if (joined.length >= target.length || !target.startsWith(joined)) return undefined;
		}
		return undefined;
	}

	place(texts: readonly string[], from: number, expected: number): number[] | undefined {
		const target = norm(texts.join(' '));
		if (!target) return undefined;
		let best: { start: number; end: number } | undefined;
		for (const j of this.starts(target)) {
			if (j < from) continue;
			const end = this.runFrom(j, target);
			if (end === undefined) continue;
			if (!best || Math.abs(j - expected) < Math.abs(best.start - expected))
				best = { start: j, end };
		}
		return best && Array.from({ length: best.end - best.start }, (_, k) => best!.start + k);
	}
}

function push(map: Map<string, number[]>, key: string, value: number) {
	const list = map.get(key);
	if (list) list.push(value);
	else map.set(key, [value]);
}

export interface Placement {
	/** Confirmed beads over the new sentences, in order. */
	placed: Bead[];
	/** Pairs whose text is not found (in order) among the new sentences. */
	unplaced: ConfirmedPair[];
}

/** Places confirmed pairs on a new segmentation of their documents. */
export function placeConfirmedPairs(
	pairs: readonly ConfirmedPair[],
	enTexts: readonly string[],
	esTexts: readonly string[]
): Placement {
	const sides = { en: new SideIndex(enTexts), es: new SideIndex(esTexts) };
	const next = { en: 0, es: 0 };
	const shift = { en: 0, es: 0 };
	const placed: Bead[] = [];
	const unplaced: ConfirmedPair[] = [];
	for (const pair of pairs) {
		const found: Partial<Record<'en' | 'es', number[]>> = {};
		for (const side of ['en', 'es'] as const) {
			const texts = side === 'en' ? pair.enTexts : pair.esTexts;
			const old = pair[side];
			found[side] = texts.length
				? sides[side].place(texts, next[side], (old[0] ?? next[side]) + shift[side])
				: [];
		}
		if (!found.en || !found.es) {
			unplaced.push(pair);
			continue;
		}
		for (const side of ['en', 'es'] as const) {
			const at = found[side]!;
			if (at.length) {
				shift[side] = at[0] - pair[side][0];
				next[side] = at[at.length - 1] + 1;
			}
		}
		placed.push({ en: found.en, es: found.es, confidence: 1, reviewed: true });
	}
	return { placed, unplaced };
}

/** Aligns the sentences of one stretch between confirmed pairs (absolute indices in, beads out). */
export type GapAligner = (en: number[], es: number[]) => Bead[];

/**
 * A fresh alignment with the confirmed beads put in: between two confirmed beads, the fresh beads
 * that lie wholly in that stretch are kept; a stretch where a fresh bead crosses a confirmed one
 * (the aligner disagreed with the person) is aligned again on its own by `alignGap`, or, without
 * one, gets the fresh beads cut to the stretch.
 */
export function withConfirmedBeads(
	fresh: readonly Bead[],
	confirmed: readonly Bead[],
	alignGap?: GapAligner
): Bead[] {
	if (confirmed.length === 0) return [...fresh];
	const taken = { en: new Set<number>(), es: new Set<number>() };
	for (const b of confirmed) {
		b.en.forEach((i) => taken.en.add(i));
		b.es.forEach((i) => taken.es.add(i));
	}
	// Stretch k lies before confirmed bead k (the last one after every confirmed bead).
	const bounds: { en: number; es: number }[] = [];
	let low = { en: 0, es: 0 };
	for (const b of confirmed) {
		const start = { en: b.en[0] ?? low.en, es: b.es[0] ?? low.es };
		bounds.push(start);
		low = {
			en: b.en.length ? b.en[b.en.length - 1] + 1 : start.en,
			es: b.es.length ? b.es[b.es.length - 1] + 1 : start.es
		};
	}
	// How many confirmed beads start at or before sentence i: the stretch it falls in (bisection).
	const stretchOf = (side: 'en' | 'es', i: number) => {
		let [lo, hi] = [0, bounds.length];
		while (lo < hi) {
			const mid = (lo + hi) >> 1;
			if (bounds[mid][side] <= i) lo = mid + 1;
			else hi = mid;
		}
		return lo;
	};
	const stretches = Array.from({ length: confirmed.length + 1 }, () => ({
		beads: [] as Bead[],
		en: [] as number[],
		es: [] as number[],
		crossed: false
	}));
	for (const bead of fresh) {
		const en = bead.en.filter((i) => !taken.en.has(i));
		const es = bead.es.filter((i) => !taken.es.has(i));
		const parts = new Map<number, Bead>();
		for (const i of en) {
			const k = stretchOf('en', i);
			stretches[k].en.push(i);
			const part = parts.get(k) ?? { en: [], es: [], confidence: bead.confidence };
			part.en.push(i);
			parts.set(k, part);
		}
		for (const i of es) {
			const k = stretchOf('es', i);
			stretches[k].es.push(i);
			const part = parts.get(k) ?? { en: [], es: [], confidence: bead.confidence };
			part.es.push(i);
			parts.set(k, part);
		}
		const whole = parts.size === 1 && en.length === bead.en.length && es.length === bead.es.length;
		for (const [k, part] of parts) {
			if (!whole) stretches[k].crossed = true;
			stretches[k].beads.push(part);
		}
	}
	const out: Bead[] = [];
	stretches.forEach((stretch, k) => {
		if (stretch.crossed && alignGap && stretch.en.length + stretch.es.length > 0)
			out.push(...alignGap(stretch.en, stretch.es));
		else out.push(...stretch.beads);
		if (k < confirmed.length) out.push(confirmed[k]);
	});
	return out;
}

/** A document pair aligned again around what a person confirmed. */
export interface Realigned {
	beads: Bead[];
	/** The confirmed pairs with their sentences' text, as placed now. */
	anchors: ConfirmedPair[];
	unplaced: ConfirmedPair[];
}

/**
 * Aligns a document with its translation keeping the pairs a person confirmed: they are placed
 * by their text on the current sentences, the aligner's pairs fill the stretches between them,
 * and a stretch where the aligner disagreed with the person is aligned again on its own.
 */
export function realignTranslation(
	en: TranslationSide,
	es: TranslationSide,
	confirmed: readonly ConfirmedPair[],
	options: Omit<AlignOptions, 'paragraphs'> = {}
): Realigned {
	const fresh = alignTranslation(en, es, options);
	const { placed, unplaced } = placeConfirmedPairs(confirmed, en.texts, es.texts);
	const pick = (side: TranslationSide, ids: number[]): TranslationSide => ({
		texts: ids.map((i) => side.texts[i]),
		langs: ids.map((i) => side.langs[i]),
		paragraphs: ids.map((i) => side.paragraphs[i])
	});
	const beads = withConfirmedBeads(fresh, placed, (enIds, esIds) =>
		alignTranslation(pick(en, enIds), pick(es, esIds), options).map((b) => ({
			...b,
			en: b.en.map((k) => enIds[k]),
			es: b.es.map((k) => esIds[k])
		}))
	);
	return { beads, anchors: confirmedPairs(beads, en.texts, es.texts), unplaced };
}

/**
 * The same for one passage pair of a mixed document: `fresh` is the passage's new beads (the
 * passage pairing is not run again per stretch), cut around the confirmed pairs.
 */
export function realignPassage(
	fresh: readonly Bead[],
	texts: readonly string[],
	confirmed: readonly ConfirmedPair[]
): Realigned {
	const { placed, unplaced } = placeConfirmedPairs(confirmed, texts, texts);
	const beads = withConfirmedBeads(fresh, placed);
	return { beads, anchors: confirmedPairs(beads, texts, texts), unplaced };
}
