// The sentence pairs a learner practises on: every bead with sentences on both sides, as text.
import { sentenceText, type ReaderData } from './model';

export interface PracticePair {
	key: string;
	en: string;
	es: string;
}

export function practicePairs(data: ReaderData): PracticePair[] {
	const text = (documentId: number, indices: number[]) =>
		indices.map((i) => sentenceText(data.documents[documentId], i)).join(' ');
	return data.passages.flatMap((passage, p) =>
		passage.beads
			.filter((bead) => bead.en.length > 0 && bead.es.length > 0)
			.map((bead, b) => ({
				key: `${p}.${b}`,
				en: text(passage.enDocumentId, bead.en),
				es: text(passage.esDocumentId, bead.es)
			}))
	);
}
