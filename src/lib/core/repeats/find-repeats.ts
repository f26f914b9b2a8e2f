// Finds passages a document repeats with small edits (an article pasted twice, a section quoted
// again with a word changed), so the reader can show what changed instead of reading it twice or
// pairing the copies as translations. Near-linear: sentences meet only through rare shared word
// shingles, and a candidate pair is grown along the diagonal.
import { diffWords, type Change } from 'diff';
import { foldForSearch } from '../text/fold';

export interface RepeatedStretch {
	/** Sentence index ranges [start, end) of the earlier copy and the later one. */
	first: { start: number; end: number };
	second: { start: number; end: number };
	/** Share of words the two copies have in common, 0..1. */
	similarity: number;
	/** Word-level changes from the first copy to the second. */
	diff: Change[];
}

export interface RepeatOptions {
	/** Shortest repeat worth reporting, in words. */
	minWords?: number;
	/** Sentences this similar (word-set Dice) continue a stretch. */
	minSimilarity?: number;
}

const SHINGLE = 3;
/** A shingle shared by more sentences than this is boilerplate, not evidence of a copy. */
const MAX_POSTINGS = 8;

function words(text: string): string[] {
	return foldForSearch(text).match(/[\p{L}\p{N}]+/gu) ?? [];
}

function dice(a: Set<string>, b: Set<string>): number {
	if (a.size + b.size === 0) return 0;
	let shared = 0;
	for (const w of a) if (b.has(w)) shared++;
	return (2 * shared) / (a.size + b.size);
}

export function findRepeatedPassages(
	sentences: readonly string[],
	options: RepeatOptions = {}
): RepeatedStretch[] {
	const minWords = options.minWords ?? 25;
	const minSimilarity = options.minSimilarity ?? 0.7;
	const tokens = sentences.map(words);
	const sets = tokens.map((t) => new Set(t));

	// Index word shingles; a sentence's candidates are the later sentences sharing a rare one.
	const postings = new Map<string, number[]>();
	tokens.forEach((t, i) => {
		const seen = new Set<string>();
		for (let k = 0; k + SHINGLE <= t.length; k++) {
			const key = t.slice(k, k + SHINGLE).join(' ');
			if (seen.has(key)) continue;
			seen.add(key);
			const list = postings.get(key);
			if (!list) postings.set(key, [i]);
			else if (list.length <= MAX_POSTINGS) list.push(i);
		}
	});
	const candidates = new Map<number, Set<number>>();
	for (const list of postings.values()) {
		if (list.length < 2 || list.length > MAX_POSTINGS) continue;
		for (let a = 0; a < list.length; a++)
			for (let b = a + 1; b < list.length; b++) {
				if (!candidates.has(list[a])) candidates.set(list[a], new Set());
				candidates.get(list[a])!.add(list[b]);
			}
	}

	// Grow each candidate pair along the diagonal; a sentence already in a stretch starts none.
	const found: Span[] = [];
	const used = new Set<number>();
	for (const i of [...candidates.keys()].sort((a, b) => a - b)) {
		if (used.has(i)) continue;
		for (const j of [...candidates.get(i)!].sort((a, b) => a - b)) {
			if (used.has(j) || dice(sets[i], sets[j]) < minSimilarity) continue;
			let length = 1;
			while (
				i + length < j &&
				j + length < sentences.length &&
				!used.has(i + length) &&
				!used.has(j + length) &&
				dice(sets[i + length], sets[j + length]) >= minSimilarity
			)
				length++;
			const first = { start: i, end: i + length };
			const second = { start: j, end: j + length };
			found.push({ first, second });
			for (let k = 0; k < length; k++) used.add(i + k).add(j + k);
			break;
		}
	}
	return mergeNearby(found)
		.filter((span) => stretchWords(span, tokens) >= minWords)
		.map((span) => describe(span, sentences, tokens));
}

/** Stretches this close on both sides are one repeat with a small insertion or deletion. */
const MAX_GAP = 3;
/** Above this many words the diff is taken sentence pair by sentence pair, to stay linear. */
const WHOLE_DIFF_WORDS = 3000;

type Span = Pick<RepeatedStretch, 'first' | 'second'>;

function mergeNearby(found: Span[]): Span[] {
	const sorted = [...found].sort((a, b) => a.first.start - b.first.start);
	const merged: Span[] = [];
	for (const span of sorted) {
		const last = merged.at(-1);
		const gapA = last ? span.first.start - last.first.end : Infinity;
		const gapB = last ? span.second.start - last.second.end : Infinity;
		if (
			last &&
			gapA >= 0 &&
			gapB >= 0 &&
			gapA <= MAX_GAP &&
			gapB <= MAX_GAP &&
			span.first.start < last.second.start
		)
			merged[merged.length - 1] = {
				first: { start: last.first.start, end: span.first.end },
				second: { start: last.second.start, end: span.second.end }
			};
		else merged.push(span);
	}
	return merged;
}

function stretchWords(span: Span, tokens: string[][]): number {
	let n = 0;
	for (let k = span.first.start; k < span.first.end; k++) n += tokens[k].length;
	return n;
}

function describe(span: Span, sentences: readonly string[], tokens: string[][]): RepeatedStretch {
	const a = sentences.slice(span.first.start, span.first.end);
	const b = sentences.slice(span.second.start, span.second.end);
	const diff =
		stretchWords(span, tokens) <= WHOLE_DIFF_WORDS
			? diffWords(a.join(' '), b.join(' '))
			: a.flatMap((sentence, k) => diffWords(`${sentence} `, `${b[k] ?? ''} `));
	const same = diff
		.filter((c) => !c.added && !c.removed)
		.reduce((n, c) => n + words(c.value).length, 0);
	const total = Math.max(words(a.join(' ')).length, words(b.join(' ')).length) || 1;
	return { ...span, similarity: same / total, diff };
}
