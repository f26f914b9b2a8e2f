// Cuts a labelled sentence into the pieces the page renders: plain text, inline foreign-language
// spans (each with its own `lang`, so screen readers switch voice) and glossary terms, which may
// cover or sit inside a span ("La Toma de Lima": a Spanish span holding the term Toma de Lima).
import type { LabelledSentence, LangOrUnd } from '$lib/core/types';

/** What placing a sentence needs: its offsets, language, paragraph and inline spans. */
export type PlacedSentence = Pick<
	LabelledSentence,
	'start' | 'end' | 'lang' | 'spans' | 'paragraph'
>;

/** A glossary occurrence as the reader needs it: where, and which entry. */
export interface TermMark {
	start: number;
	end: number;
	entryId: string;
}

/** Words a search found, as offsets into the document's text; `n` numbers them across the view. */
export interface SearchMark {
	start: number;
	end: number;
	n: number;
	current: boolean;
}

export interface TextSegment {
	text: string;
	/** The language of this segment; differs from the sentence's inside an inline span. */
	lang: LangOrUnd;
	inline: boolean;
	/** The search match this segment is part of, if any. */
	mark?: SearchMark;
}

/** Consecutive segments, either plain or all inside one glossary term. */
export interface PieceGroup {
	term?: TermMark;
	segments: TextSegment[];
}

export function sentencePieces(
	source: string,
	sentence: PlacedSentence,
	terms: readonly TermMark[] = [],
	marks: readonly SearchMark[] = []
): PieceGroup[] {
	const { start, end } = sentence;
	const spans = sentence.spans.filter((s) => s.start >= start && s.end <= end && s.start < s.end);
	const inside = terms.filter((t) => t.start >= start && t.end <= end && t.start < t.end);
	const found = marks.filter((m) => m.start >= start && m.end <= end && m.start < m.end);
	const cuts = new Set<number>([start, end]);
	for (const s of spans) cuts.add(s.start).add(s.end);
	for (const t of inside) cuts.add(t.start).add(t.end);
	for (const m of found) cuts.add(m.start).add(m.end);
	const points = [...cuts].sort((a, b) => a - b);

	const groups: PieceGroup[] = [];
	for (let i = 0; i + 1 < points.length; i++) {
		const [from, to] = [points[i], points[i + 1]];
		const span = spans.find((s) => s.start <= from && s.end >= to);
		const term = inside.find((t) => t.start <= from && t.end >= to);
		const mark = found.find((m) => m.start <= from && m.end >= to);
		const segment: TextSegment = {
			text: source.slice(from, to),
			lang: span ? span.lang : sentence.lang,
			inline: !!span
		};
		if (mark) segment.mark = mark;
		const last = groups.at(-1);
		if (last && last.term === term) last.segments.push(segment);
		else groups.push({ term, segments: [segment] });
	}
	return groups;
}

export interface ParagraphBlock {
	index: number;
	sentences: { index: number; sentence: PlacedSentence; lineBreakBefore: boolean }[];
}

/** Groups sentences by paragraph, remembering where the original had a line break between two. */
export function paragraphBlocks(source: string, sentences: PlacedSentence[]): ParagraphBlock[] {
	const blocks: ParagraphBlock[] = [];
	sentences.forEach((sentence, index) => {
		let block = blocks.at(-1);
		if (!block || block.index !== sentence.paragraph) {
			block = { index: sentence.paragraph, sentences: [] };
			blocks.push(block);
		}
		const previous = block.sentences.at(-1)?.sentence;
		const gap = previous ? source.slice(previous.end, sentence.start) : '';
		block.sentences.push({ index, sentence, lineBreakBefore: gap.includes('\n') });
	});
	return blocks;
}

/**
 * The glossary marks of each sentence, in one merge pass over both lists (sorted by start):
 * filtering the whole document's marks for every sentence was quadratic on a book.
 */
export function termsBySentence(
	sentences: readonly PlacedSentence[],
	terms: readonly TermMark[]
): TermMark[][] {
	const sorted = [...terms].sort((a, b) => a.start - b.start);
	const grouped: TermMark[][] = sentences.map(() => []);
	let t = 0;
	sentences.forEach((sentence, i) => {
		while (t < sorted.length && sorted[t].start < sentence.start) t++;
		for (let k = t; k < sorted.length && sorted[k].start < sentence.end; k++)
			if (sorted[k].end <= sentence.end) grouped[i].push(sorted[k]);
	});
	return grouped;
}

/**
 * The marks inside one sentence, from all of a document's sorted by start (a bisection): what
 * `termsBySentence` gives that sentence, without grouping every sentence of a book first.
 */
export function termsInSentence(
	sorted: readonly TermMark[],
	sentence: Pick<PlacedSentence, 'start' | 'end'>
): TermMark[] {
	let low = 0;
	let high = sorted.length;
	while (low < high) {
		const mid = (low + high) >> 1;
		if (sorted[mid].start < sentence.start) low = mid + 1;
		else high = mid;
	}
	const inside: TermMark[] = [];
	for (let k = low; k < sorted.length && sorted[k].start < sentence.end; k++)
		if (sorted[k].end <= sentence.end) inside.push(sorted[k]);
	return inside;
}
