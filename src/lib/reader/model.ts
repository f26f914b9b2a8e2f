// What the reader page receives from the server: the documents involved, the alignments that
// pair their sentences, and the glossary terms found in them. Plain data, serialisable.
import type { LanguageRun } from '$lib/core/types';
import type { AlignmentKind, ReadingRow } from '$lib/core/reading/rows';
import type { PlacedSentence, TermMark } from './pieces';
import type { ContentsPart } from './contents';

/**
 * A sentence as the page places it, without its text (sliced from the document's: sending both
 * doubled the payload) or the detector's confidence (the page never shows it).
 */
export type ReaderSentence = PlacedSentence;

export interface ReaderDocument {
	id: number;
	slug: string;
	title: string;
	/** The version a sentence edit of this document must name (the translation's as well). */
	version: number;
	text: string;
	sentences: ReaderSentence[];
}

export const sentenceText = (doc: ReaderDocument, index: number): string =>
	doc.text.slice(doc.sentences[index].start, doc.sentences[index].end);

/** An alignment as the page needs it: which documents, and the version an edit must name. */
export interface ReaderAlignment {
	id: number;
	kind: AlignmentKind;
	enDocumentId: number;
	esDocumentId: number;
	version: number;
	edited: boolean;
	/** Number of beads, so an editor knows which pair is the last. */
	beads: number;
}

/** A translation of this document, when it has one or more. */
export interface ReaderPartner {
	alignmentId: number;
	slug: string;
	title: string;
}

/** A passage the document prints twice with small edits, and the word-level changes. */
export interface ReaderRepeat {
	first: { start: number; end: number };
	second: { start: number; end: number };
	similarity: number;
	diff: { value: string; added?: boolean; removed?: boolean }[];
}

export interface ReaderGlossaryEntry {
	id: string;
	type: string;
	en: string;
	es: string;
	explanation: { en: string; es: string };
}

export interface ReaderData {
	documentId: number;
	documents: Record<number, ReaderDocument>;
	alignments: ReaderAlignment[];
	/** Every sentence of the document once, in reading order (see core/reading/rows). */
	rows: ReadingRow[];
	/** The document's translations; `translationId` is the one laid out. */
	partners: ReaderPartner[];
	translationId?: number;
	/** Glossary occurrences per document id. */
	terms: Record<number, TermMark[]>;
	glossary: Record<string, ReaderGlossaryEntry>;
	/** Repeated passages of the main document (sentence indices into its sentences). */
	repeats: ReaderRepeat[];
	/** The main document's language runs, as the detector found them. */
	runs: LanguageRun[];
	/** A book's table of contents, made on the server (the page makes a short text's itself). */
	contents?: ContentsPart[];
	/**
	 * Set when this is a book's first screen only (the server renders it; the page fetches the
	 * rest from reader.json): `rows` are the first of `rowCount`, and every document is cut after
	 * the last sentence they show.
	 */
	partial?: { rowCount: number };
}

/** Beads below this confidence are flagged for a person to review. */
export const REVIEW_THRESHOLD = 0.5;

export const sentenceKey = (documentId: number, index: number) => `${documentId}:${index}`;

/** For every sentence shown, the row that shows it, so any view can light its counterpart. */
export function rowOfSentence(rows: readonly ReadingRow[]): Map<string, ReadingRow> {
	const map = new Map<string, ReadingRow>();
	for (const row of rows) {
		const sides =
			row.kind === 'pair' ? [row.en, row.es] : row.kind === 'elsewhere' ? [] : [row.side];
		for (const side of sides)
			for (const i of side.sentences) map.set(sentenceKey(side.doc, i), row);
	}
	return map;
}
