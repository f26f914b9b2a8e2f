// What the reader page receives from the server: the documents involved, the alignments that
// pair their sentences, and the glossary terms found in them. Plain data, serialisable.
import type { Bead, LabelledSentence, Lang, LanguageRun } from '$lib/core/types';
import type { TermMark } from './pieces';

/** A sentence without its text: the page slices it from the document text (sending both doubled the payload). */
export type ReaderSentence = Omit<LabelledSentence, 'text'>;

export interface ReaderDocument {
	id: number;
	slug: string;
	title: string;
	text: string;
	sentences: ReaderSentence[];
}

export const sentenceText = (doc: ReaderDocument, index: number): string =>
	doc.text.slice(doc.sentences[index].start, doc.sentences[index].end);

/** One aligned passage pair: English sentences of one document against Spanish ones of another (or the same). */
export interface ReaderPassage {
	alignmentId: number;
	enDocumentId: number;
	esDocumentId: number;
	beads: Bead[];
	version: number;
	edited: boolean;
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
	passages: ReaderPassage[];
	/** Glossary occurrences per document id. */
	terms: Record<number, TermMark[]>;
	glossary: Record<string, ReaderGlossaryEntry>;
	/** Repeated passages of the main document (sentence indices into its sentences). */
	repeats: ReaderRepeat[];
	/** The main document's language runs, as the detector found them. */
	runs: LanguageRun[];
}

/** Beads below this confidence are flagged for a person to review. */
export const REVIEW_THRESHOLD = 0.5;

/** A stable key for bead `b` of passage `p`, used in data attributes and for highlighting. */
export const beadKey = (passage: number, bead: number) => `${passage}.${bead}`;
export const sentenceKey = (documentId: number, index: number) => `${documentId}:${index}`;

export interface SentenceRef {
	documentId: number;
	index: number;
	lang: Lang;
}

/**
 * For every aligned sentence, the beads it belongs to (one per passage it takes part in: a
 * sentence of La Mosca sits in its internal pair and in the pair with its Spanish version),
 * so any view can light up the counterparts.
 */
export function beadOfSentence(passages: ReaderPassage[]): Map<string, string[]> {
	const map = new Map<string, string[]>();
	const add = (sentence: string, bead: string) => {
		const list = map.get(sentence);
		if (list) list.push(bead);
		else map.set(sentence, [bead]);
	};
	passages.forEach((passage, p) =>
		passage.beads.forEach((bead, b) => {
			const key = beadKey(p, b);
			for (const i of bead.en) add(sentenceKey(passage.enDocumentId, i), key);
			for (const i of bead.es) add(sentenceKey(passage.esDocumentId, i), key);
		})
	);
	return map;
}

/** The sentences on each side of a bead. */
export function beadSentences(
	passage: ReaderPassage,
	beadIndex: number
): { en: SentenceRef[]; es: SentenceRef[] } {
	const bead = passage.beads[beadIndex];
	return {
		en: bead.en.map((index) => ({ documentId: passage.enDocumentId, index, lang: 'en' as const })),
		es: bead.es.map((index) => ({ documentId: passage.esDocumentId, index, lang: 'es' as const }))
	};
}
