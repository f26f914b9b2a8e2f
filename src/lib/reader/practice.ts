// The sentence pairs a learner practises on: every row that pairs sentences, as text.
import { sentenceText, type ReaderData } from './model';

export interface PracticePair {
	key: string;
	en: string;
	es: string;
}

export function practicePairs(data: ReaderData): PracticePair[] {
	const text = (side: { doc: number; sentences: number[] }) =>
		side.sentences.map((i) => sentenceText(data.documents[side.doc], i)).join(' ');
	return data.rows.flatMap((row) =>
		row.kind === 'pair' ? [{ key: row.key, en: text(row.en), es: text(row.es) }] : []
	);
}
