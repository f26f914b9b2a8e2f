// Sentences of English and Spanish text with exact UTF-16 offsets. Intl.Segmenter does the
// bulk of the work, one line block at a time (on one long string it slows down badly), and
// the rules here fix what it gets wrong on real text: abbreviations, sentences glued without a
// space ("the end.The only"), headline lines without a final stop, hard-wrapped lines.
import type { Sentence } from '../types';
import { continuesAfterAbbreviation, isKnownAbbreviation } from './abbreviations';
import { isSpace, segmentParagraphs } from './paragraphs';
import { isWordChar } from './tokens';

const segmenter = new Intl.Segmenter('en', { granularity: 'sentence' });

/** Longer blocks are cut at likely sentence ends before Intl.Segmenter sees them. */
const MAX_SEGMENTER_INPUT = 4000;

export function segmentSentences(text: string): Sentence[] {
	const sentences: Sentence[] = [];
	segmentParagraphs(text).forEach((paragraph, index) => {
		for (const [start, end] of lineBlocks(text, paragraph.start, paragraph.end)) {
			for (const [s, e] of sentencesOfBlock(text, start, end)) {
				sentences.push({ start: s, end: e, text: text.slice(s, e), paragraph: index });
			}
		}
	});
	return sentences;
}

/**
 * Splits a paragraph at the line breaks that end a sentence. A line break is a sentence end
 * when the previous line ends with a stop, or when the next line starts with a capital or a
 * digit after a short line (a headline, a byline, a list item). It is only a wrap when the
 * next line starts in lower case or the paragraph is hard-wrapped (its lines, but the last,
 * are long and of similar width) and the previous line is as long as the others.
 * Technical text adds three sure ends, whatever the next line starts with: a break beside a
 * line with no words (a table row of numbers, a rule), after a label of one or two words
 * without a stop ("NAME", "Nota"), and beside a heading in capitals ("VÉASE TAMBIÉN").
 */
function lineBlocks(text: string, start: number, end: number): Array<[number, number]> {
	const firstBreak = text.indexOf('\n', start);
	if (firstBreak < 0 || firstBreak >= end) return [[start, end]];
	const lines: Array<[number, number]> = [];
	let from = start;
	for (let nl = firstBreak; nl >= 0 && nl < end; nl = text.indexOf('\n', from)) {
		lines.push(trimmed(text, from, nl));
		from = nl + 1;
	}
	lines.push(trimmed(text, from, end));
	const widths = lines.map(([a, b]) => b - a);
	// A loop, not Math.max(...widths): a paragraph of ~120,000 lines overflows the call stack.
	const widest = widths.slice(0, -1).reduce((m, w) => Math.max(m, w), -Infinity);
	const hardWrapped = widths.slice(0, -1).every((w) => w >= 40 && w >= 0.6 * widest);

	const kinds = lines.map(([a, b]) => lineKind(text.slice(a, b)));
	const blocks: Array<[number, number]> = [];
	let blockStart = lines[0][0];
	for (let i = 0; i + 1 < lines.length; i++) {
		const [a, b] = lines[i];
		const next = lines[i + 1];
		if (b === a) continue;
		const nextChar = text.slice(next[0], next[0] + 2);
		const standsApart =
			kinds[i] !== 'text' || kinds[i + 1] === 'wordless' || kinds[i + 1] === 'heading';
		const wraps =
			!standsApart &&
			(/^\p{Ll}/u.test(nextChar) ||
				(hardWrapped &&
					widths[i] >= 0.6 * widest &&
					!/[.!?…:]["'”’»)\]]*$/u.test(text.slice(Math.max(a, b - 4), b))));
		if (!wraps) {
			blocks.push([blockStart, b]);
			blockStart = next[0];
		}
	}
	blocks.push([blockStart, lines[lines.length - 1][1]]);
	return blocks.filter(([a, b]) => b > a);
}

/**
 * Lines in capitals longer than this, or ending in a stop or a comma, are more likely a
 * shouted sentence (a licence) than a heading.
 */
const HEADING_WORDS = 6;

/**
 * How a line of a paragraph stands: `wordless` has no word of two letters (a row of numbers,
 * "V:0, I:1", a rule of dashes), `heading` is in capitals ("SEE ALSO"), `label` is one or two
 * words without a final stop ("NAME", "Configuración regional").
 */
function lineKind(line: string): 'wordless' | 'heading' | 'label' | 'text' {
	if (!/\p{L}\p{M}*\p{L}/u.test(line)) return 'wordless';
	const words = line.split(/\s+/).filter((w) => /\p{L}/u.test(w));
	if (!/\p{Ll}/u.test(line) && words.length <= HEADING_WORDS && !/[.,;]$/.test(line))
		return 'heading';
	if (line.split(/\s+/).length <= 2 && !/[.!?…]["'”’»)\]]*$/u.test(line)) return 'label';
	return 'text';
}

function trimmed(text: string, start: number, end: number): [number, number] {
	while (start < end && isSpace(text.charCodeAt(start))) start++;
	while (end > start && isSpace(text.charCodeAt(end - 1))) end--;
	return [start, end];
}

/** Sentences of one block (no sentence-ending line break inside), as trimmed [start, end) pairs. */
function sentencesOfBlock(text: string, start: number, end: number): Array<[number, number]> {
	// Line breaks left inside a block are wraps: the segmenter would take them as hard breaks.
	const raw = text.slice(start, end);
	const block = /[\r\n\u2028\u2029]/.test(raw) ? raw.replace(/[\r\n\u2028\u2029]/g, ' ') : raw;
	const cuts = new Set<number>(gluedSentenceEnds(block));
	const pieces: Array<[number, number]> = [];
	for (const [pa, pb] of chunksForSegmenter(block)) {
		const piece = pa === 0 && pb === block.length ? block : block.slice(pa, pb);
		for (const seg of segmenter.segment(piece)) {
			const a = pa + seg.index;
			const b = a + seg.segment.length;
			let from = a;
			for (const cut of cuts) {
				if (cut <= a || cut >= b) continue;
				pieces.push([from, cut]);
				from = cut;
			}
			pieces.push([from, b]);
		}
	}
	pieces.sort((x, y) => x[0] - y[0]);

	const out: Array<[number, number]> = [];
	for (const [a0, b0] of pieces) {
		const [a, b] = trimmed(block, a0, b0);
		if (b === a) continue;
		const last = out[out.length - 1];
		if (
			last &&
			!cuts.has(a) &&
			(joinsPrevious(block, last, a, b) || !hasWordOrNumber(block, a, b))
		) {
			last[1] = b;
			continue;
		}
		out.push([a, b]);
	}
	return out.map(([a, b]) => [start + a, start + b]);
}

/** The previous piece ends in an abbreviation that the next piece continues ("Sr. García"). */
function joinsPrevious(block: string, previous: [number, number], a: number, b: number): boolean {
	if (block.charCodeAt(previous[1] - 1) !== 0x2e) return false;
	const before = block.slice(Math.max(previous[0], previous[1] - 30), previous[1]);
	const token = /\S+$/u.exec(before)?.[0] ?? '';
	const nextWord = /^\S+/u.exec(block.slice(a, Math.min(b, a + 30)))?.[0] ?? '';
	return continuesAfterAbbreviation(token, nextWord);
}

/** A piece made only of punctuation or symbols ("”", "—") is the tail of the sentence before it. */
function hasWordOrNumber(block: string, a: number, b: number): boolean {
	for (let i = a; i < b; i++) {
		const c = block.charCodeAt(i);
		if (isWordChar(c) || (c >= 48 && c <= 57)) return true;
	}
	return false;
}

/**
 * Positions where one sentence ends and the next starts without a space: a stop after a
 * lower-case word, then a capitalised word ("the end.The only"). Not "U.S.", "e.g.",
 * "www.facebook.com/Page" or "3.5": the letters before the stop must be lower case, and the
 * word must not be part of an address or an abbreviation.
 */
function gluedSentenceEnds(block: string): number[] {
	const ends: number[] = [];
	const glued = /\p{Ll}\p{Ll}([.!?]+)([”"’»)]*)(?=[¿¡“«"(]?\p{Lu}\p{Ll})/gu;
	for (let m = glued.exec(block); m; m = glued.exec(block)) {
		const stop = m.index + 2;
		const word = /\S*$/u.exec(block.slice(Math.max(0, stop - 60), stop))?.[0] ?? '';
		if (/[/@.:\\_=]/.test(word) || isKnownAbbreviation(word.replace(/^\p{P}+/u, ''))) continue;
		ends.push(stop + m[1].length + m[2].length);
	}
	return ends;
}

/** Cuts a long block after a stop followed by a space and a capital, so each chunk stays short. */
function chunksForSegmenter(block: string): Array<[number, number]> {
	if (block.length <= MAX_SEGMENTER_INPUT) return [[0, block.length]];
	const chunks: Array<[number, number]> = [];
	let from = 0;
	const safeEnd = /[.!?]["'”’»)]*\s+(?=[¿¡“«"(]?\p{Lu})/gu;
	while (block.length - from > MAX_SEGMENTER_INPUT) {
		safeEnd.lastIndex = from + MAX_SEGMENTER_INPUT / 2;
		const m = safeEnd.exec(block);
		let cut = m && m.index < from + 2 * MAX_SEGMENTER_INPUT ? m.index + m[0].length : -1;
		// Text without sentence ends (a word list, a log) is cut at a space: a wrong break there
		// costs less than handing the segmenter a megabyte.
		if (cut < 0) {
			const limit = from + 2 * MAX_SEGMENTER_INPUT;
			const space = block.lastIndexOf(' ', limit);
			cut = space > from ? space + 1 : limit;
		}
		chunks.push([from, cut]);
		from = cut;
	}
	if (from < block.length) chunks.push([from, block.length]);
	return chunks;
}
