// A book's reader data cut into a few parts of about equal size, and joined again: the page
// fetches them one at a time, so that no single parse of megabytes of JSON holds the main thread
// (issue #12: the longest task). A part carries a share of what grows with the book (the rows, each
// document's text, sentences and glossary marks); the first part also carries everything else.
import type { ReaderData, ReaderDocument, ReaderSentence } from './model';
import type { ReadingRow } from '$lib/core/reading/rows';
import type { TermMark } from './pieces';

/**
 * Reading rows per part: a 20,000-pair book comes in 8 parts, each a short parse, for one round
 * trip more per part (and a book of a few thousand pairs in two, as the browser tests' book).
 */
export const ROWS_PER_PART = 2500;

/** The number of parts a book's data is sent in (1 for a text that fits in one). */
export const partCount = (rows: number) => Math.max(1, Math.ceil(rows / ROWS_PER_PART));

export interface ReaderDataPart {
	part: number;
	parts: number;
	rows: ReadingRow[];
	documents: Record<number, { text: string; sentences: ReaderSentence[]; terms: TermMark[] }>;
	/** In the first part only: the reader data without what the parts share out. */
	rest?: Omit<ReaderData, 'rows' | 'documents' | 'terms'> & {
		documents: Record<number, Omit<ReaderDocument, 'text' | 'sentences'>>;
	};
}

/** The `part`-th of `parts` equal shares of a list. */
function share<T>(list: readonly T[], part: number, parts: number): T[] {
	const size = Math.ceil(list.length / parts);
	return list.slice(part * size, (part + 1) * size);
}

function shareOfText(text: string, part: number, parts: number): string {
	const size = Math.ceil(text.length / parts);
	return text.slice(part * size, (part + 1) * size);
}

/** Part `part` (from 0) of `parts` of the reader data. */
export function readerDataPart(data: ReaderData, part: number, parts: number): ReaderDataPart {
	const documents: ReaderDataPart['documents'] = {};
	for (const doc of Object.values(data.documents))
		documents[doc.id] = {
			text: shareOfText(doc.text, part, parts),
			sentences: share(doc.sentences, part, parts),
			terms: share(data.terms[doc.id] ?? [], part, parts)
		};
	const result: ReaderDataPart = {
		part,
		parts,
		rows: share(data.rows, part, parts),
		documents
	};
	if (part === 0) {
		const { rows: _rows, documents: _documents, terms: _terms, ...rest } = data;
		const heads: Record<number, Omit<ReaderDocument, 'text' | 'sentences'>> = {};
		for (const { text: _text, sentences: _sentences, ...head } of Object.values(data.documents))
			heads[head.id] = head;
		result.rest = { ...rest, documents: heads };
	}
	return result;
}

/**
 * The reader data again from all its parts, in any order; undefined when one is missing or they
 * are not parts of one whole (a part of another version, a count that differs).
 */
export function joinReaderData(parts: readonly ReaderDataPart[]): ReaderData | undefined {
	const count = parts[0]?.parts ?? 0;
	const ordered: ReaderDataPart[] = [];
	for (const part of parts) {
		if (part.parts !== count || ordered[part.part]) return undefined;
		ordered[part.part] = part;
	}
	const rest = ordered[0]?.rest;
	if (!rest || ordered.length !== count || ordered.includes(undefined as never)) return undefined;
	const documents: Record<number, ReaderDocument> = {};
	const terms: Record<number, TermMark[]> = {};
	for (const head of Object.values(rest.documents)) {
		const pieces = ordered.map((part) => part.documents[head.id]);
		if (pieces.includes(undefined as never)) return undefined;
		documents[head.id] = {
			...head,
			text: pieces.map((p) => p.text).join(''),
			sentences: pieces.flatMap((p) => p.sentences)
		};
		terms[head.id] = pieces.flatMap((p) => p.terms);
	}
	return { ...rest, documents, terms, rows: ordered.flatMap((part) => part.rows) };
}

/**
 * What the first parts of a book's data hold, while the rest are on their way (they come in
 * order, from part 0): their rows, and of each document the sentences whose text has arrived
 * (its text cut after the last of them). A search goes through it meanwhile; the page still shows
 * its first screen. Undefined when part 0 has not arrived or the parts are not one book's.
 */
export function joinReaderPrefix(
	parts: readonly ReaderDataPart[],
	rowCount: number
): ReaderData | undefined {
	const rest = parts[0]?.rest;
	if (!rest || parts.some((part, k) => part.part !== k || part.parts !== parts[0].parts))
		return undefined;
	const documents: Record<number, ReaderDocument> = {};
	const terms: Record<number, TermMark[]> = {};
	for (const head of Object.values(rest.documents)) {
		const pieces = parts.map((part) => part.documents[head.id]);
		if (pieces.includes(undefined as never)) return undefined;
		const text = pieces.map((p) => p.text).join('');
		const sentences = pieces.flatMap((p) => p.sentences);
		let kept = sentences.length;
		while (kept > 0 && sentences[kept - 1].end > text.length) kept--;
		const end = kept > 0 ? sentences[kept - 1].end : 0;
		documents[head.id] = {
			...head,
			text: text.slice(0, end),
			sentences: sentences.slice(0, kept)
		};
		terms[head.id] = pieces.flatMap((p) => p.terms).filter((mark) => mark.end <= end);
	}
	return {
		...rest,
		documents,
		terms,
		rows: parts.flatMap((part) => part.rows),
		partial: { rowCount }
	};
}
