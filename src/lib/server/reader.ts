// Everything the reader page shows for one document, gathered in one place so the route stays
// thin: the document, its aligned partners, their passages and the glossary terms in them.
import type { Db } from './db';
import { getDocument, type DocumentWithAnalysis } from './documents';
import { ensureAlignments, passagesOf } from './alignments';
import { glossaryMatcher } from './glossary-matching';
import { findRepeatedPassages } from '$lib/core/repeats/find-repeats';
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

export function readerData(db: Db, doc: DocumentWithAnalysis): ReaderData {
	ensureAlignments(db, doc);
	const passages = passagesOf(db, doc.id);
	const documents: Record<number, ReaderDocument> = { [doc.id]: readerDocument(doc) };
	for (const passage of passages)
		for (const id of [passage.enDocumentId, passage.esDocumentId])
			if (!documents[id]) {
				const partner = getDocument(db, id);
				if (partner) documents[id] = readerDocument(partner);
			}

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
	return {
		documentId: doc.id,
		documents,
		passages,
		terms,
		glossary,
		repeats: repeatsOf(doc),
		runs: doc.detection.runs
	};
}

// Repeats depend only on the text: remember the last few documents' (a book takes ~100 ms).
const repeatCache = new Map<string, ReaderRepeat[]>();

function repeatsOf(doc: DocumentWithAnalysis): ReaderRepeat[] {
	const key = `${doc.id}:${doc.version}`;
	let repeats = repeatCache.get(key);
	if (!repeats) {
		repeats = findRepeatedPassages(doc.detection.sentences.map((s) => s.text)).map(
			({ first, second, similarity, diff }) => ({
				first,
				second,
				similarity,
				diff: diff.map(({ value, added, removed }) => ({ value, added, removed }))
			})
		);
		repeatCache.set(key, repeats);
		if (repeatCache.size > 20) repeatCache.delete(repeatCache.keys().next().value!);
	}
	return repeats;
}
