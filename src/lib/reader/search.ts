// Finding words in the text the reader shows, whatever has been rendered yet: the search runs
// over the documents' text, accent- and case-insensitive like foldForSearch, and answers with
// offsets into the original text (folding changes lengths: "é" may be two code points, "İ"
// lower-cases to two), so the page can mark exactly the words found.
import type { Lang } from '$lib/core/types';
import type { ReadingRow } from '$lib/core/reading/rows';
import { sentenceKey, type ReaderDocument } from './model';
import type { SearchMark } from './pieces';

/** A text folded for search, with the way back to the original. */
export interface FoldedText {
	folded: string;
	/** For each folded code unit, the original offset where its character starts and ends. */
	starts: Int32Array;
	ends: Int32Array;
	/** For each original offset (and the end), the first folded index at or after it. */
	at: Int32Array;
}

const COMBINING = /\p{M}/gu;

/** Folds one character (a code point) the way foldForSearch folds a text. */
function foldChar(ch: string): string {
	const code = ch.charCodeAt(0);
	if (code < 128) return code >= 65 && code <= 90 ? String.fromCharCode(code + 32) : ch;
	return ch.normalize('NFD').replace(COMBINING, '').toLowerCase();
}

/**
 * Folds character by character, so that every folded unit knows the original character it came
 * from. A combining mark written apart (e + U+0301) folds to nothing and joins its base.
 * `before`, when given, is the fold of the start of `text` (cut between two characters), as
 * when more of a book has arrived: only the rest is folded, to the same result as folding it all.
 */
export function foldWithOffsets(text: string, before?: FoldedText): FoldedText {
	const from = before ? before.at.length - 1 : 0;
	const base = before ? before.folded.length : 0;
	const out: string[] = before ? [before.folded] : [];
	const starts: number[] = [];
	const ends: number[] = [];
	const at = new Int32Array(text.length + 1);
	if (before) at.set(before.at.subarray(0, from));
	/** A new end for the last unit of `before`, when a combining mark follows it. */
	let lastEnd = -1;
	let length = base;
	let offset = from;
	for (const ch of before ? text.slice(from) : text) {
		const folded = foldChar(ch);
		for (let k = 0; k < ch.length; k++) at[offset + k] = length;
		if (folded.length === 0 && length > 0) {
			if (length > base) ends[length - base - 1] = offset + ch.length;
			else lastEnd = offset + ch.length;
		}
		for (let k = 0; k < folded.length; k++) {
			starts.push(offset);
			ends.push(offset + ch.length);
		}
		out.push(folded);
		length += folded.length;
		offset += ch.length;
	}
	at[text.length] = length;
	const joined = (kept: Int32Array | undefined, added: number[]) => {
		const all = new Int32Array(base + added.length);
		if (kept) all.set(kept);
		all.set(added, base);
		return all;
	};
	const allEnds = joined(before?.ends, ends);
	if (lastEnd >= 0) allEnds[base - 1] = lastEnd;
	return { folded: out.join(''), starts: joined(before?.starts, starts), ends: allEnds, at };
}

/** The query as the folded text would hold it. */
export const foldQuery = (query: string) => foldWithOffsets(query.trim()).folded;

/** A sentence the current view shows as text, in the order the view shows it. */
export interface SearchUnit {
	doc: number;
	sentence: number;
	/** Index of the reading row it is shown in (or stands at). */
	at: number;
}

export interface SearchMatch extends SearchUnit {
	/** Offsets in the document's text. */
	start: number;
	end: number;
}

export type SearchView =
	| { view: 'parallel'; swapped: boolean }
	| { view: 'original'; places: readonly number[] }
	| { view: 'single'; lang: Lang };

/** The sentences a view shows as text, in its order: what a search goes through. */
export function searchUnits(
	rows: readonly ReadingRow[],
	documentId: number,
	sentenceCount: number,
	view: SearchView
): SearchUnit[] {
	const units: SearchUnit[] = [];
	const add = (side: { doc: number; sentences: number[] }, at: number) => {
		for (const sentence of side.sentences) units.push({ doc: side.doc, sentence, at });
	};
	if (view.view === 'original') {
		for (let sentence = 0; sentence < sentenceCount; sentence++)
			units.push({ doc: documentId, sentence, at: view.places[sentence] ?? -1 });
		return units;
	}
	rows.forEach((row, at) => {
		if (row.kind === 'pair') {
			if (view.view === 'single') add(view.lang === 'en' ? row.en : row.es, at);
			else for (const side of view.swapped ? [row.es, row.en] : [row.en, row.es]) add(side, at);
		} else if (row.kind === 'alone') {
			if (view.view === 'parallel' || row.lang === view.lang || row.lang === 'und')
				add(row.side, at);
		}
		// A repeat is shown as its changes and a pointer row as a note: neither is searched text.
	});
	return units;
}

/**
 * Every occurrence of the query in the units, in their order. Occurrences are found once per
 * document over its whole folded text, then handed to the sentences that hold them: searching
 * each sentence from its start would walk the rest of a book for every sentence.
 */
export function findMatches(
	query: string,
	units: readonly SearchUnit[],
	documents: Record<number, Pick<ReaderDocument, 'sentences'>>,
	foldedOf: (doc: number) => FoldedText
): SearchMatch[] {
	const needle = foldQuery(query);
	if (!needle) return [];
	const hits = new Map<number, number[]>();
	const hitsIn = (doc: number) => {
		let list = hits.get(doc);
		if (!list) {
			list = [];
			const { folded } = foldedOf(doc);
			for (let i = folded.indexOf(needle); i !== -1; i = folded.indexOf(needle, i + needle.length))
				list.push(i);
			hits.set(doc, list);
		}
		return list;
	};
	const matches: SearchMatch[] = [];
	for (const unit of units) {
		const sentence = documents[unit.doc]?.sentences[unit.sentence];
		if (!sentence) continue;
		const text = foldedOf(unit.doc);
		const [from, to] = [text.at[sentence.start], text.at[sentence.end]];
		const list = hitsIn(unit.doc);
		for (let k = firstAtOrAfter(list, from); k < list.length && list[k] + needle.length <= to; k++)
			matches.push({
				...unit,
				start: text.starts[list[k]],
				end: text.ends[list[k] + needle.length - 1]
			});
	}
	return matches;
}

function firstAtOrAfter(sorted: readonly number[], value: number): number {
	let [lo, hi] = [0, sorted.length];
	while (lo < hi) {
		const mid = (lo + hi) >> 1;
		if (sorted[mid] < value) lo = mid + 1;
		else hi = mid;
	}
	return lo;
}

/** The marks to draw, by sentence (`sentenceKey`): match `n` of the list is mark `n`. */
export function marksBySentence(
	matches: readonly SearchMatch[],
	current: number
): Map<string, SearchMark[]> {
	const marks = new Map<string, SearchMark[]>();
	matches.forEach((m, n) => {
		const key = sentenceKey(m.doc, m.sentence);
		const list = marks.get(key) ?? [];
		list.push({ start: m.start, end: m.end, n, current: n === current });
		marks.set(key, list);
	});
	return marks;
}

/**
 * The same marks with another current one: only the sentences of the old and the new current
 * match get new lists (the others keep theirs, and need not be drawn again).
 */
export function moveCurrent(
	marks: ReadonlyMap<string, SearchMark[]>,
	matches: readonly SearchMatch[],
	from: number,
	to: number
): Map<string, SearchMark[]> {
	const next = new Map(marks);
	for (const n of [from, to]) {
		const match = matches[n];
		if (!match) continue;
		const key = sentenceKey(match.doc, match.sentence);
		next.set(
			key,
			(marks.get(key) ?? []).map((m) => ({ ...m, current: m.n === to }))
		);
	}
	return next;
}
