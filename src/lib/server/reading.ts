// One document as it is read: its alignments (computed on first need), the documents they name,
// its repeated passages, and the rows that lay them out. The reader, the exports, practice and
// the concordance all start here, so they agree on what is paired with what.
import { LRUCache } from 'lru-cache';
import type { Db } from './db';
import {
	getDocument,
	getStoredDocument,
	storedRepeats,
	type DocumentWithAnalysis
} from './documents';
import { alignmentsOf, ensureAlignments, type StoredAlignment } from './alignments';
import { findRepeatedPassages, type RepeatedStretch } from '$lib/core/repeats/find-repeats';
import { readingRows, type ReadingRow } from '$lib/core/reading/rows';
import type { Lang } from '$lib/core/types';

export interface Reading {
	document: DocumentWithAnalysis;
	/** This document and every document its alignments name, by id. */
	documents: Map<number, DocumentWithAnalysis>;
	alignments: StoredAlignment[];
	/** The translation alignment laid out (the first, unless another partner was asked for by slug). */
	translationId: number | undefined;
	repeats: RepeatedStretch[];
	rows: ReadingRow[];
}

/**
 * `stored: true` (the pages) reads only what the store holds: no alignment or detection is
 * computed, a partner not analysed yet is left out. Without it, missing work is done here, on
 * this thread (scripts, exports, tests).
 */
export function readingOf(
	db: Db,
	doc: DocumentWithAnalysis,
	options: { partner?: string; stored?: boolean } = {}
): Reading {
	if (!options.stored) ensureAlignments(db, doc);
	const alignments = alignmentsOf(db, doc.id);
	const documents = new Map([[doc.id, doc]]);
	for (const a of alignments)
		for (const id of [a.enDocumentId, a.esDocumentId])
			if (!documents.has(id)) {
				const partner = options.stored ? getStoredDocument(db, id) : getDocument(db, id);
				if (partner && (!options.stored || (partner as { analysed?: boolean }).analysed))
					documents.set(id, partner);
			}
	// A bead never names a sentence past the end of its document (a stored alignment older than
	// a re-segmentation the analysis has not caught up with yet): such indices are left out.
	const sentenceCount = (id: number) => documents.get(id)!.detection.sentences.length;
	const usable = alignments
		.filter((a) => documents.has(a.enDocumentId) && documents.has(a.esDocumentId))
		.map((a) => {
			const [en, es] = [sentenceCount(a.enDocumentId), sentenceCount(a.esDocumentId)];
			if (a.beads.every((b) => b.en.every((i) => i < en) && b.es.every((i) => i < es))) return a;
			const beads = a.beads
				.map((b) => ({ ...b, en: b.en.filter((i) => i < en), es: b.es.filter((i) => i < es) }))
				.filter((b) => b.en.length + b.es.length > 0);
			return { ...a, beads };
		});
	const translations = usable.filter((a) => a.kind === 'translation');
	const partnerOf = (a: StoredAlignment) =>
		documents.get(a.enDocumentId === doc.id ? a.esDocumentId : a.enDocumentId)!;
	const translationId =
		translations.find((a) => partnerOf(a).slug === options.partner)?.id ?? translations[0]?.id;
	// Found by the analysis worker and stored; looked for here only for an analysis made on this
	// thread (or an older store).
	// A text not analysed yet shows no repeats (its paragraphs stand in for sentences).
	const unanalysed = (doc as { analysed?: boolean }).analysed === false;
	const repeats = unanalysed
		? []
		: // Stored with the detection they were found in (cleared whenever it is replaced), so
			// they hold for the stored detection this document was read with: an export need not
			// look for them again.
			(storedRepeats(db, doc.id) ?? repeatsOf(doc));
	const rows = readingRows({
		documentId: doc.id,
		documents: Object.fromEntries([...documents].map(([id, d]) => [id, d.detection.sentences])),
		alignments: usable,
		repeats,
		translationId
	});
	return { document: doc, documents, alignments: usable, translationId, repeats, rows };
}

// Repeats depend only on the text: remember the last few documents' (a book takes ~100 ms).
const repeatCache = new LRUCache<string, RepeatedStretch[]>({ max: 20 });

function repeatsOf(doc: DocumentWithAnalysis): RepeatedStretch[] {
	// The sentence count tells the real detection from the stand-in of an unanalysed text.
	const key = `${doc.id}:${doc.version}:${doc.text.length}:${doc.detection.sentences.length}`;
	let repeats = repeatCache.get(key);
	if (!repeats) {
		repeats = findRepeatedPassages(doc.detection.sentences.map((s) => s.text));
		repeatCache.set(key, repeats);
	}
	return repeats;
}

/** The text of a row side: its sentences joined as the document separates them. */
export function sideText(reading: Reading, side: { doc: number; sentences: number[] }): string {
	const doc = reading.documents.get(side.doc);
	return doc ? side.sentences.map((i) => doc.detection.sentences[i].text).join(' ') : '';
}

export interface Counterpart {
	slug: string;
	sentenceIndex: number;
	text: string;
	lang: Lang;
}

/** The translation shown beside each sentence of the document, by sentence index. */
export function counterparts(reading: Reading): Map<number, Counterpart> {
	const map = new Map<number, Counterpart>();
	const own = reading.document.id;
	for (const row of reading.rows) {
		if (row.kind !== 'pair') continue;
		const sides = [
			[row.en, row.es, 'es'],
			[row.es, row.en, 'en']
		] as const;
		// A pair inside one document lists both of its sides as this document's sentences.
		for (const [from, to, lang] of sides) {
			if (from.doc !== own) continue;
			const counterpart = {
				slug: reading.documents.get(to.doc)!.slug,
				sentenceIndex: to.sentences[0],
				text: sideText(reading, to),
				lang
			};
			for (const i of from.sentences) map.set(i, counterpart);
		}
	}
	return map;
}
