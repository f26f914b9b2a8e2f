// Everything the reader page shows for one document, gathered in one place so the route stays
// thin: the document, the documents its alignments name, the rows that lay them out, and the
// glossary terms in them.
import type { Db } from './db';
import type { DocumentWithAnalysis } from './documents';
import { glossaryMatcher } from './glossary-matching';
import { readingOf } from './reading';
import type {
	ReaderData,
	ReaderDocument,
	ReaderGlossaryEntry,
	ReaderRepeat
} from '$lib/reader/model';
import type { TermMark } from '$lib/reader/pieces';

function readerDocument(doc: DocumentWithAnalysis): ReaderDocument {
	return {
		id: doc.id,
		slug: doc.slug,
		title: doc.title,
		text: doc.text,
		sentences: doc.detection.sentences.map(({ text: _text, ...placed }) => placed)
	};
}

export function readerData(
	db: Db,
	doc: DocumentWithAnalysis,
	options: { partner?: string } = {}
): ReaderData {
	const reading = readingOf(db, doc, options);
	const documents: Record<number, ReaderDocument> = {};
	for (const [id, d] of reading.documents) documents[id] = readerDocument(d);

	const { matcher, entries } = glossaryMatcher(db);
	const terms: Record<number, TermMark[]> = {};
	const glossary: Record<string, ReaderGlossaryEntry> = {};
	for (const document of Object.values(documents)) {
		terms[document.id] = matcher
			.find(document.text)
			.map((m) => ({ start: m.start, end: m.end, entryId: m.entryId }));
		for (const mark of terms[document.id]) {
			const entry = entries.get(mark.entryId);
			if (entry && !glossary[entry.id])
				glossary[entry.id] = {
					id: entry.id,
					type: entry.type,
					en: entry.en,
					es: entry.es,
					explanation: entry.explanation
				};
		}
	}
	const repeats: ReaderRepeat[] = reading.repeats.map(({ first, second, similarity, diff }) => ({
		first,
		second,
		similarity,
		diff: diff.map(({ value, added, removed }) => ({ value, added, removed }))
	}));
	return {
		documentId: doc.id,
		documents,
		alignments: reading.alignments.map(({ beads, ...a }) => ({ ...a, beads: beads.length })),
		rows: reading.rows,
		partners: reading.alignments
			.filter((a) => a.kind === 'translation')
			.map((a) => {
				const partner = reading.documents.get(
					a.enDocumentId === doc.id ? a.esDocumentId : a.enDocumentId
				)!;
				return { alignmentId: a.id, slug: partner.slug, title: partner.title };
			}),
		translationId: reading.translationId,
		terms,
		glossary,
		repeats,
		runs: doc.detection.runs
	};
}
