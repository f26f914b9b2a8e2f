// Hard-wrapped input (a man page as `man` prints it, a plain-text e-mail): its lines are not
// units of meaning, so they are joined back into sentences before aligning, and the sentence
// beads are turned back into beads over the original line numbers: a sentence that runs over
// a line break keeps its lines in one bead. Input that is not wrapped goes through untouched.
import { segmentSentences } from '../text';
import type { ScoredBead } from './align-sentences';

/** Lines a wrap joins: consecutive line numbers, and each sentence's lines. */
export interface Rewrapped {
	/** The units the aligner sees: sentences of the joined lines. */
	units: string[];
	/** Original line numbers of each unit (consecutive). */
	lines: number[][];
}

/** A side is read as hard-wrapped when at least this share of its lines continues a full one. */
const WRAPPED_SHARE = 0.15;
/** A wrapped text has at least this share of its lines filling the column. */
const COLUMN_SHARE = 0.3;
/** Lines this close to the widest one count as filling the column. */
const COLUMN_SLACK = 12;
/** Narrower text is not taken for a wrapped column (lists, code). */
const MIN_WIDTH = 40;

const leading = (line: string) => /^\s*/.exec(line)?.[0].length ?? 0;

/** Where each line continues the one before (a wrap), or null when the text is not wrapped. */
export function findWraps(lines: string[]): boolean[] | null {
	const widths = lines.map((line) => line.trimEnd().length);
	// A loop, not Math.max(...widths): ~150,000 lines overflow the call stack as arguments.
	const width = widths.reduce((m, w) => Math.max(m, w), 0);
	if (width < MIN_WIDTH) return null;
	const wraps = lines.map((line, k) => {
		if (k === 0) return false;
		const before = lines[k - 1];
		const text = line.trim();
		if (!text || !before.trim()) return false;
		// The line before broke because this line's first word did not fit after it.
		const firstWord = /^\S+/.exec(text)?.[0] ?? '';
		if (widths[k - 1] + 1 + firstWord.length <= width) return false;
		// A continuation keeps the paragraph's indentation and does not open a list item.
		if (leading(line) !== leading(before)) return false;
		return !/^([•▪◦*·-]|\d+[.)])\s/u.test(text);
	});
	const nonEmpty = lines.filter((line) => line.trim()).length;
	const count = wraps.filter(Boolean).length;
	// A wrapped text fills a column: many lines end near the same width. One sentence a line
	// does not (its widest line is just the longest sentence).
	const nearFull = widths.filter((w) => w > width - COLUMN_SLACK).length;
	return nonEmpty > 0 && count >= WRAPPED_SHARE * nonEmpty && nearFull >= COLUMN_SHARE * nonEmpty
		? wraps
		: null;
}

/** Joins wrapped lines into paragraphs and cuts those into sentences; null when not wrapped. */
export function unwrap(lines: string[]): Rewrapped | null {
	const wraps = findWraps(lines);
	if (!wraps) return null;
	const units: string[] = [];
	const unitLines: number[][] = [];
	let k = 0;
	while (k < lines.length) {
		if (!lines[k].trim()) {
			// A blank line stays a unit of its own (it is left out at no cost).
			units.push(lines[k]);
			unitLines.push([k]);
			k++;
			continue;
		}
		let end = k + 1;
		while (end < lines.length && wraps[end]) end++;
		// One paragraph: its lines joined by a space, with where each line starts.
		const starts: number[] = [];
		let text = '';
		for (let line = k; line < end; line++) {
			if (text) text += ' ';
			starts.push(text.length);
			text += lines[line].trim();
		}
		const lineAt = (offset: number) => {
			let found = 0;
			while (found + 1 < starts.length && starts[found + 1] <= offset) found++;
			return k + found;
		};
		const sentences = segmentSentences(text);
		if (sentences.length === 0) {
			units.push(text);
			unitLines.push(range(k, end));
		}
		for (const sentence of sentences) {
			units.push(sentence.text);
			unitLines.push(
				range(lineAt(sentence.start), lineAt(Math.max(sentence.start, sentence.end - 1)) + 1)
			);
		}
		k = end;
	}
	return { units, lines: unitLines };
}

/**
 * Beads over units back to beads over the original lines. Beads that share a line are merged
 * (a line holding the end of one sentence and the start of the next belongs to both); a
 * deletion covering several lines becomes one bead per line, as the bead format wants.
 */
export function beadsOverLines(
	beads: ScoredBead[],
	enLines: number[][],
	esLines: number[][]
): ScoredBead[] {
	const groups: { en: Set<number>; es: Set<number>; beads: ScoredBead[] }[] = [];
	for (const bead of beads) {
		const en = new Set(bead.en.flatMap((u) => enLines[u]));
		const es = new Set(bead.es.flatMap((u) => esLines[u]));
		const last = groups[groups.length - 1];
		const shares =
			last && ([...en].some((l) => last.en.has(l)) || [...es].some((l) => last.es.has(l)));
		if (shares) {
			for (const l of en) last.en.add(l);
			for (const l of es) last.es.add(l);
			last.beads.push(bead);
		} else groups.push({ en, es, beads: [bead] });
	}
	const out: ScoredBead[] = [];
	for (const group of groups) {
		const en = [...group.en].sort((a, b) => a - b);
		const es = [...group.es].sort((a, b) => a - b);
		const paired = group.beads.filter((b) => b.en.length > 0 && b.es.length > 0);
		if (en.length === 0 || es.length === 0) {
			const confidence = Math.min(...group.beads.map((b) => b.confidence));
			for (const l of en) out.push({ en: [l], es: [], confidence, similarity: 0 });
			for (const l of es) out.push({ en: [], es: [l], confidence, similarity: 0 });
			continue;
		}
		out.push({
			en,
			es,
			confidence: Math.min(...group.beads.map((b) => b.confidence)),
			similarity:
				paired.length > 0 ? paired.reduce((s, b) => s + b.similarity, 0) / paired.length : 0
		});
	}
	return out;
}

function range(from: number, to: number): number[] {
	return Array.from({ length: to - from }, (_, k) => from + k);
}
