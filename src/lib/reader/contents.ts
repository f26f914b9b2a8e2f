// The table of contents of a long or mixed text: its passages in reading order, each a stretch
// of rows of one kind (a run paired with the translation, a passage paired with its original
// inside the text, a repeat, a passage left untranslated…), with the short heading lines inside
// it. Sentence numbers are the document's own, 1-based when shown; a jump lands on `row`.
import type { Lang, LangOrUnd } from '$lib/core/types';
import type { ReadingRow } from '$lib/core/reading/rows';
import type { ReaderDocument, ReaderRepeat } from './model';

export type PartKind =
	/** This document's sentences paired with the translation document. */
	| 'translated'
	/** Paired with sentences of the other language inside this text (this is the earlier side). */
	| 'paired-inside'
	/** The later side of a pair inside this text: read beside its counterpart, further up. */
	| 'elsewhere'
	/** In the other language and paired with nothing. */
	| 'untranslated'
	/** In the main language, with nothing in the translation. */
	| 'no-counterpart'
	| 'no-language'
	/** Sentences of the translation with no counterpart here. */
	| 'translation-only'
	/** A passage printed again. */
	| 'repeat';

export interface ContentsHeading {
	text: string;
	/** Sentence of this document (0-based) and the row that shows it. */
	sentence: number;
	row: number;
}

export interface ContentsPart {
	kind: PartKind;
	/** Rows it covers, [row, rowEnd): a jump lands on `row`. */
	row: number;
	rowEnd: number;
	/** First and last sentence of this document in it (0-based); absent when it holds none. */
	from?: number;
	to?: number;
	/** Language of its sentences (of the translation's, for `translation-only`). */
	lang: LangOrUnd;
	/** For pairs: the language they are paired with. */
	other?: Lang;
	/** Sentences of this document it refers to: the counterpart inside the text, or the passage repeated. */
	ref?: { from: number; to: number };
	headings: ContentsHeading[];
}

/**
 * A passage shorter than this, of a kind that is not a pair, does not cut the passage around it
 * in two when that passage goes on after it: a page number or a dropped sentence is not a part
 * of the text a reader navigates by (the view still labels it where it stands).
 */
const MIN_PASSAGE_SENTENCES = 3;

/** A text with more rows than this is long enough to need a way around it. */
export const LONG_TEXT_ROWS = 40;

/** Heading lines: a paragraph of one short sentence with no closing punctuation. */
const HEADING_MAX_CHARS = 70;
const HEADING_MAX_WORDS = 9;

export interface ContentsInput {
	documentId: number;
	documents: Record<number, Pick<ReaderDocument, 'text' | 'sentences'>>;
	rows: readonly ReadingRow[];
	repeats: readonly Pick<ReaderRepeat, 'first'>[];
}

interface Raw {
	kind: PartKind;
	lang: LangOrUnd;
	other?: Lang;
	row: number;
	rowEnd: number;
	own: number[];
	ref: number[];
	/** Sentences of any document in it, to weigh a short passage. */
	size: number;
	repeat?: number;
}

export function tableOfContents(input: ContentsInput): ContentsPart[] {
	const doc = input.documents[input.documentId];
	if (!doc) return [];
	// Sentences read inside a pair of this text, to find where a pointer row's passage is read.
	const pairOf = new Map<number, Extract<ReadingRow, { kind: 'pair' }>>();
	for (const row of input.rows)
		if (row.kind === 'pair' && row.en.doc === input.documentId && row.es.doc === input.documentId)
			for (const i of [...row.en.sentences, ...row.es.sentences]) pairOf.set(i, row);
	const raws: Raw[] = [];
	input.rows.forEach((row, index) => {
		const raw = rawOf(row, index, input.documentId, doc.sentences, pairOf);
		const last = raws.at(-1);
		if (last && sameKind(last, raw)) {
			last.rowEnd = raw.rowEnd;
			last.own.push(...raw.own);
			last.ref.push(...raw.ref);
			last.size += raw.size;
		} else raws.push(raw);
	});
	const merged = absorbStrays(raws);
	const headings = headingSentences(doc);
	const placeOf = sentencePlaces(input.rows, input.documentId, doc.sentences.length);
	return merged.map((raw) => {
		const own = [...raw.own].sort((a, b) => a - b);
		const part: ContentsPart = {
			kind: raw.kind,
			row: raw.row,
			rowEnd: raw.rowEnd,
			lang: raw.lang,
			headings: []
		};
		if (raw.other) part.other = raw.other;
		if (own.length) [part.from, part.to] = [own[0], own[own.length - 1]];
		if (raw.kind === 'repeat' && raw.repeat !== undefined) {
			const first = input.repeats[raw.repeat]?.first;
			if (first) part.ref = { from: first.start, to: first.end - 1 };
		} else if (raw.ref.length) part.ref = { from: Math.min(...raw.ref), to: Math.max(...raw.ref) };
		// A repeat is shown as its changes, not its lines: its headings are not there to land on.
		part.headings = (raw.kind === 'repeat' ? [] : own)
			.filter((i) => headings.has(i) && placeOf[i] >= raw.row && placeOf[i] < raw.rowEnd)
			.map((i) => ({ text: headings.get(i)!, sentence: i, row: placeOf[i] }));
		return part;
	});
}

function rawOf(
	row: ReadingRow,
	index: number,
	documentId: number,
	sentences: ReaderDocument['sentences'],
	pairOf: Map<number, Extract<ReadingRow, { kind: 'pair' }>>
): Raw {
	const base = { row: index, rowEnd: index + 1, ref: [] as number[] };
	if (row.kind === 'pair') {
		const inside = row.en.doc === documentId && row.es.doc === documentId;
		if (inside) {
			const [early, late] = row.en.sentences[0] < row.es.sentences[0] ? ['en', 'es'] : ['es', 'en'];
			const own = row[early as Lang].sentences;
			return {
				...base,
				kind: 'paired-inside',
				lang: early as Lang,
				other: late as Lang,
				own: [...own],
				ref: [...row[late as Lang].sentences],
				size: own.length
			};
		}
		const mine: Lang = row.en.doc === documentId ? 'en' : 'es';
		const own = row[mine].sentences;
		return {
			...base,
			kind: 'translated',
			lang: mine,
			other: mine === 'en' ? 'es' : 'en',
			own: [...own],
			size: own.length
		};
	}
	const list = row.side.sentences;
	const own = row.side.doc === documentId ? [...list] : [];
	if (row.kind === 'repeat')
		return {
			...base,
			kind: 'repeat',
			lang: sentences[list[0]]?.lang ?? 'und',
			own,
			size: list.length,
			repeat: row.repeat
		};
	if (row.kind === 'elsewhere') {
		const other: Lang = row.lang === 'en' ? 'es' : 'en';
		const counterparts = list.flatMap((i) => pairOf.get(i)?.[other].sentences ?? []);
		return {
			...base,
			kind: 'elsewhere',
			lang: row.lang,
			other,
			own,
			size: list.length,
			// Where it is read: the other side of the pair it belongs to.
			ref: [...new Set(counterparts)]
		};
	}
	const kind: PartKind =
		row.reason === 'no-counterpart'
			? 'no-counterpart'
			: row.reason === 'untranslated'
				? 'untranslated'
				: row.reason === 'no-language'
					? 'no-language'
					: 'translation-only';
	return { ...base, kind, lang: row.lang, own, size: list.length };
}

/** Rows join the passage before them when they are of its kind (and, for pairs, its languages). */
const sameKind = (a: Raw, b: Raw) =>
	a.kind === b.kind && a.lang === b.lang && a.other === b.other && a.kind !== 'repeat';

const isStray = (raw: Raw) =>
	raw.kind !== 'translated' &&
	raw.kind !== 'paired-inside' &&
	raw.kind !== 'elsewhere' &&
	raw.size < MIN_PASSAGE_SENTENCES;

/** Short non-pair passages between two stretches of one kind fold into it (see MIN_PASSAGE_SENTENCES). */
function absorbStrays(raws: Raw[]): Raw[] {
	const out: Raw[] = [];
	let i = 0;
	while (i < raws.length) {
		const current = { ...raws[i], own: [...raws[i].own], ref: [...raws[i].ref] };
		i++;
		for (;;) {
			let j = i;
			while (j < raws.length && isStray(raws[j]) && !sameKind(current, raws[j])) j++;
			if (j === i || j >= raws.length || !sameKind(current, raws[j])) break;
			for (const raw of raws.slice(i, j + 1)) {
				if (raw.kind === current.kind) current.ref.push(...raw.ref);
				current.own.push(...raw.own);
				current.size += raw.size;
			}
			current.rowEnd = raws[j].rowEnd;
			i = j + 1;
		}
		out.push(current);
	}
	return out;
}

/** Short heading lines of the document by sentence index, with their text. */
export function headingSentences(
	doc: Pick<ReaderDocument, 'text' | 'sentences'>
): Map<number, string> {
	const perParagraph = new Map<number, number>();
	for (const s of doc.sentences)
		perParagraph.set(s.paragraph, (perParagraph.get(s.paragraph) ?? 0) + 1);
	const found = new Map<number, string>();
	doc.sentences.forEach((s, i) => {
		if (perParagraph.get(s.paragraph) !== 1) return;
		const text = doc.text.slice(s.start, s.end).trim();
		if (isHeadingLine(text)) found.set(i, text);
	});
	return found;
}

export function isHeadingLine(text: string): boolean {
	if (!text || text.length > HEADING_MAX_CHARS) return false;
	if (!/\p{L}{2}/u.test(text)) return false;
	if (/[.!?;:,…]["'»”’)]*$/u.test(text)) return false;
	return text.split(/\s+/).length <= HEADING_MAX_WORDS;
}

/**
 * For each sentence of the document, the row where it stands in reading order: the later side
 * of a pair inside the text stands at its pointer row, not at the pair it is read in.
 */
export function sentencePlaces(
	rows: readonly ReadingRow[],
	documentId: number,
	count: number
): number[] {
	const place: number[] = new Array(count).fill(-1);
	rows.forEach((row, r) => {
		if (row.kind === 'elsewhere' && row.side.doc === documentId)
			for (const i of row.side.sentences) if (i < count) place[i] = r;
	});
	rows.forEach((row, r) => {
		const sides =
			row.kind === 'pair' ? [row.en, row.es] : row.kind === 'elsewhere' ? [] : [row.side];
		for (const side of sides)
			if (side.doc === documentId)
				for (const i of side.sentences) if (i < count && place[i] === -1) place[i] = r;
	});
	return place;
}

/**
 * For each row, the first sentence of this document it stands for (0-based): what a position
 * indicator counts. A row of the translation alone takes the place of the sentence before it.
 */
export function rowSentenceNumbers(
	rows: readonly ReadingRow[],
	documentId: number,
	count: number
): number[] {
	const first: number[] = new Array(rows.length).fill(-1);
	sentencePlaces(rows, documentId, count).forEach((r, i) => {
		if (r >= 0 && (first[r] === -1 || i < first[r])) first[r] = i;
	});
	let last = 0;
	return first.map((i) => (i === -1 ? last : (last = i)));
}

/** Reading row index by row key. */
export const rowIndexByKey = (rows: readonly ReadingRow[]) =>
	new Map(rows.map((row, i) => [row.key, i]));

/** Whether a text needs its table of contents: long enough, or more than one kind of passage. */
export function needsContents(rowCount: number, parts: readonly ContentsPart[]): boolean {
	const kinds = new Set(parts.map((p) => p.kind));
	const headings = parts.reduce((n, p) => n + p.headings.length, 0);
	if (kinds.size > 1) return true;
	return rowCount > LONG_TEXT_ROWS && (parts.length > 1 || headings > 1);
}
