// A person's corrections to a document's sentences: edit one sentence's text, split a sentence
// at a character offset, join two neighbours. Each is planned as a patch (the sentences it
// replaces, the ones it puts there, the text it changes) that applies forwards and backwards,
// so undo is the same patch the other way. Splits and joins are also kept as segmentation
// overrides (offsets into the text), applied to every later analysis after the segmenter.
import { mergeRuns } from '../detect';
import { fail, ok, type Result } from '../errors';
import type { Detection, LabelledSentence } from '../types';

/** A person's splits and joins, as UTF-16 offsets into the document's text. */
export interface SegmentOverrides {
	/** Cut the sentence that contains this offset here. */
	splits: number[];
	/** Join the sentence that starts at this offset to the one before it. */
	joins: number[];
}

export const noOverrides = (): SegmentOverrides => ({ splits: [], joins: [] });

export interface SentencePatch {
	/** Index of the first sentence replaced. */
	at: number;
	before: LabelledSentence[];
	after: LabelledSentence[];
	/** The document's text change, when there is one: at `start`, `before` becomes `after`. */
	text?: { start: number; before: string; after: string };
}

const isSpace = (c: string | undefined) => c !== undefined && /\s/.test(c);

/** A sentence over [start, end) of the text, trimmed of white space; undefined if nothing is left. */
function sentenceOver(
	text: string,
	start: number,
	end: number,
	like: LabelledSentence
): LabelledSentence | undefined {
	while (start < end && isSpace(text[start])) start++;
	while (end > start && isSpace(text[end - 1])) end--;
	if (end <= start) return undefined;
	return {
		...like,
		start,
		end,
		text: text.slice(start, end),
		spans: like.spans.filter((s) => s.start >= start && s.end <= end)
	};
}

function sentenceAt(detection: Detection, index: number): Result<LabelledSentence> {
	const sentence = Number.isInteger(index) ? detection.sentences[index] : undefined;
	return sentence ? ok(sentence) : fail('invalid-input', { detail: `no sentence ${index + 1}` });
}

/** Replaces a sentence's text (its span in the document) with `newText`. */
export function planTextEdit(
	text: string,
	detection: Detection,
	index: number,
	newText: string
): Result<SentencePatch> {
	const found = sentenceAt(detection, index);
	if (!found.ok) return found;
	const sentence = found.value;
	if (newText.trim() === '') return fail('text-empty');
	if (newText === sentence.text) return fail('invalid-input', { detail: 'the text is unchanged' });
	const start = sentence.start;
	const edited = text.slice(0, start) + newText + text.slice(sentence.end);
	const after = sentenceOver(edited, start, start + newText.length, { ...sentence, spans: [] })!;
	return ok({
		at: index,
		before: [sentence],
		after: [after],
		text: { start, before: sentence.text, after: newText }
	});
}

/** Splits a sentence at `offset` (UTF-16, inside the sentence's text); both parts must keep text. */
export function planSplit(
	text: string,
	detection: Detection,
	index: number,
	offset: number
): Result<SentencePatch> {
	const found = sentenceAt(detection, index);
	if (!found.ok) return found;
	const sentence = found.value;
	if (!Number.isInteger(offset) || offset <= 0 || offset >= sentence.text.length)
		return fail('invalid-input', { detail: 'the split point is not inside the sentence' });
	const cut = sentence.start + offset;
	const first = sentenceOver(text, sentence.start, cut, sentence);
	const second = sentenceOver(text, cut, sentence.end, sentence);
	if (!first || !second)
		return fail('invalid-input', { detail: 'a split must leave text on both sides' });
	return ok({ at: index, before: [sentence], after: [first, second] });
}

/** Joins a sentence with the next one. */
export function planJoin(text: string, detection: Detection, index: number): Result<SentencePatch> {
	const found = sentenceAt(detection, index);
	if (!found.ok) return found;
	const next = detection.sentences[index + 1];
	if (!next) return fail('invalid-input', { detail: 'the last sentence has nothing to join' });
	const first = found.value;
	// The joined sentence keeps the language of the longer part.
	const like = next.end - next.start > first.end - first.start ? next : first;
	const joined = sentenceOver(text, first.start, next.end, {
		...like,
		paragraph: first.paragraph,
		spans: [...first.spans, ...next.spans]
	})!;
	return ok({ at: index, before: [first, next], after: [joined] });
}

/** The same patch, undone. */
export function invertPatch(patch: SentencePatch): SentencePatch {
	return {
		at: patch.at,
		before: patch.after,
		after: patch.before,
		text: patch.text && {
			start: patch.text.start,
			before: patch.text.after,
			after: patch.text.before
		}
	};
}

const sameSentence = (a: LabelledSentence | undefined, b: LabelledSentence) =>
	!!a && a.start === b.start && a.end === b.end && a.text === b.text;

/**
 * Applies a patch to a document's text and detection. Refused (a conflict) when the document no
 * longer has what the patch replaces, e.g. a re-analysis segmented it anew since.
 */
export function applyPatch(
	text: string,
	detection: Detection,
	patch: SentencePatch
): Result<{ text: string; detection: Detection }> {
	const { at, before, after } = patch;
	let newText = text;
	let delta = 0;
	if (patch.text) {
		const { start, before: old, after: replacement } = patch.text;
		if (text.slice(start, start + old.length) !== old)
			return fail('conflict', { detail: 'the text changed since' });
		newText = text.slice(0, start) + replacement + text.slice(start + old.length);
		delta = replacement.length - old.length;
	}
	const moved = (s: LabelledSentence): LabelledSentence =>
		delta === 0
			? s
			: {
					...s,
					start: s.start + delta,
					end: s.end + delta,
					spans: s.spans.map((x) => ({ ...x, start: x.start + delta, end: x.end + delta }))
				};
	const all = detection.sentences;
	if (before.every((s, k) => sameSentence(all[at + k], s))) {
		const sentences = [...all.slice(0, at), ...after, ...all.slice(at + before.length).map(moved)];
		return ok({ text: newText, detection: { sentences, runs: mergeRuns(sentences) } });
	}
	// A re-analysis segmented the stretch anew since (an edited sentence now reads as two, or
	// runs on into the next): the text is what counts. The sentences over the stretch give way to
	// the patch's, keeping any part of theirs that lies outside it as a sentence of its own.
	const [from, to] = [before[0].start, before[before.length - 1].end];
	const first = all.findIndex((s) => s.end > from);
	let last = first - 1;
	while (last + 1 < all.length && all[last + 1].start < to) last++;
	if (first < 0 || last < first) return fail('conflict', { detail: 'the sentences changed since' });
	const [opening, closing] = [all[first], all[last]];
	const left =
		opening.start < from
			? sentenceOver(newText, opening.start, from, { ...opening, spans: [] })
			: undefined;
	const right =
		closing.end > to
			? sentenceOver(newText, to + delta, closing.end + delta, { ...closing, spans: [] })
			: undefined;
	const sentences = [
		...all.slice(0, first),
		...(left ? [left] : []),
		...after,
		...(right ? [right] : []),
		...all.slice(last + 1).map(moved)
	];
	return ok({ text: newText, detection: { sentences, runs: mergeRuns(sentences) } });
}

/** Where a sentence index goes after a patch: a list (a split sentence becomes two). */
export function sentenceIndexMap(patch: SentencePatch): (index: number) => number[] {
	const { at, before, after } = patch;
	const delta = after.length - before.length;
	return (index) => {
		if (index < at) return [index];
		if (index >= at + before.length) return [index + delta];
		// Inside: a split gives both parts to the bead that had the sentence; a join gives the
		// joined sentence to the bead that had the first part.
		if (before.length === 1) return after.map((_, k) => at + k);
		return index === at ? [at] : [];
	};
}

/** Overrides after a text change (offsets after it move with it; any inside it are dropped). */
export function shiftOverrides(
	overrides: SegmentOverrides,
	change: { start: number; before: string; after: string }
): SegmentOverrides {
	const end = change.start + change.before.length;
	const delta = change.after.length - change.before.length;
	const shift = (offsets: number[]) =>
		offsets.flatMap((o) => (o <= change.start ? [o] : o >= end ? [o + delta] : []));
	return { splits: shift(overrides.splits), joins: shift(overrides.joins) };
}

/** The overrides with a patch's split or join added (a join undoes a split made there, and back). */
export function overridesWith(overrides: SegmentOverrides, patch: SentencePatch): SegmentOverrides {
	if (patch.text) return shiftOverrides(overrides, patch.text);
	if (patch.before.length === 1 && patch.after.length === 2) {
		const at = patch.after[1].start;
		const joins = overrides.joins.filter((o) => o !== at);
		const splits =
			joins.length < overrides.joins.length ? overrides.splits : [...overrides.splits, at];
		return { splits: splits.sort((a, b) => a - b), joins };
	}
	if (patch.before.length === 2 && patch.after.length === 1) {
		const at = patch.before[1].start;
		const splits = overrides.splits.filter((o) => o !== at);
		const joins =
			splits.length < overrides.splits.length ? overrides.joins : [...overrides.joins, at];
		return { splits, joins: joins.sort((a, b) => a - b) };
	}
	return overrides;
}

/**
 * A detection with a person's splits and joins applied after the segmenter (and the labeller):
 * split parts keep their sentence's language; a joined sentence takes the longer part's. An
 * override that no longer fits (no sentence contains the offset, or none starts there) is skipped.
 */
export function applySegmentOverrides(
	text: string,
	detection: Detection,
	overrides: SegmentOverrides | undefined
): Detection {
	if (!overrides || overrides.splits.length + overrides.joins.length === 0) return detection;
	const joins = new Set(overrides.joins);
	const splits = [...overrides.splits].sort((a, b) => a - b);
	// Joins first, then splits (a person may split a sentence they joined).
	const joined: LabelledSentence[] = [];
	for (const sentence of detection.sentences) {
		const previous = joined[joined.length - 1];
		if (previous && joins.has(sentence.start)) {
			const like =
				sentence.end - sentence.start > previous.end - previous.start ? sentence : previous;
			joined[joined.length - 1] = sentenceOver(text, previous.start, sentence.end, {
				...like,
				paragraph: previous.paragraph,
				spans: [...previous.spans, ...sentence.spans]
			})!;
		} else joined.push(sentence);
	}
	const out: LabelledSentence[] = [];
	for (const sentence of joined) {
		let rest: LabelledSentence | undefined = sentence;
		for (const cut of splits) {
			if (!rest || cut <= rest.start || cut >= rest.end) continue;
			const first = sentenceOver(text, rest.start, cut, rest);
			const second = sentenceOver(text, cut, rest.end, rest);
			if (!first || !second) continue;
			out.push(first);
			rest = second;
		}
		if (rest) out.push(rest);
	}
	return { sentences: out, runs: mergeRuns(out) };
}
