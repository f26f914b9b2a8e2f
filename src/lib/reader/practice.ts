// The sentence pairs a learner practises on: every row that pairs sentences, as text.
import { sentenceText, type ReaderData } from './model';
import type { TermMark } from './pieces';

export interface PracticePair {
	key: string;
	en: string;
	es: string;
}

type PairSide = { doc: number; sentences: number[] };

const pairRows = (data: ReaderData) =>
	data.rows.flatMap((row) => (row.kind === 'pair' ? [row] : []));

// A side's sentences joined by one space: the text the learner sees and the offsets below use.
const sideText = (data: ReaderData, side: PairSide) =>
	side.sentences.map((i) => sentenceText(data.documents[side.doc], i)).join(' ');

export function practicePairs(data: ReaderData): PracticePair[] {
	return pairRows(data).map((row) => ({
		key: row.key,
		en: sideText(data, row.en),
		es: sideText(data, row.es)
	}));
}

/**
 * The glossary terms found in one side of the `index`th pair, as offsets into that side's text
 * (as `practicePairs` joins it); [] when there is no such pair.
 */
export function practicePairTerms(data: ReaderData, index: number, lang: 'en' | 'es'): TermMark[] {
	const row = pairRows(data)[index];
	if (!row) return [];
	const side = row[lang];
	const doc = data.documents[side.doc];
	const marks = data.terms[side.doc] ?? [];
	const found: TermMark[] = [];
	let offset = 0;
	for (const i of side.sentences) {
		const { start, end } = doc.sentences[i];
		for (const mark of marks) {
			if (mark.start >= start && mark.end <= end && mark.start < mark.end) {
				found.push({
					start: mark.start - start + offset,
					end: mark.end - start + offset,
					entryId: mark.entryId
				});
			}
		}
		offset += end - start + 1;
	}
	return found;
}
