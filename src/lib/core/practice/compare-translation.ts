// Compares a learner's translation with the reference one, word by word (jsdiff's Myers diff on
// word tokens). Case, accents and punctuation don't count as mistakes: "peru" matches "Perú".
import { diffArrays } from 'diff';
import { foldForSearch } from '../text/fold';

export interface WordToken {
	text: string;
	start: number;
	end: number;
}

export type ComparisonStatus = 'match' | 'missing' | 'extra';

export interface ComparedWord {
	text: string;
	/** match: in both; missing: in the reference only; extra: in the attempt only. */
	status: ComparisonStatus;
}

export interface TranslationComparison {
	words: ComparedWord[];
	/** Share of the reference's words the attempt has, in order, 0..1. */
	recall: number;
	/** Share of the attempt's words that are in the reference, in order, 0..1. */
	precision: number;
}

// Hyphens split words: 'coup-Government' and 'coup government' say the same thing.
const WORD = /[\p{L}\p{N}][\p{L}\p{M}\p{N}'’]*/gu;

export function wordTokens(text: string): WordToken[] {
	return [...text.matchAll(WORD)].map((m) => ({
		text: m[0],
		start: m.index!,
		end: m.index! + m[0].length
	}));
}

export function compareTranslation(attempt: string, reference: string): TranslationComparison {
	const ref = wordTokens(reference);
	const mine = wordTokens(attempt);
	const same = (a: WordToken, b: WordToken) => foldForSearch(a.text) === foldForSearch(b.text);
	const words: ComparedWord[] = [];
	let matched = 0;
	for (const change of diffArrays(ref, mine, { comparator: same })) {
		const status: ComparisonStatus = change.added ? 'extra' : change.removed ? 'missing' : 'match';
		if (status === 'match') matched += change.value.length;
		for (const token of change.value) words.push({ text: token.text, status });
	}
	return {
		words,
		recall: ref.length ? matched / ref.length : 0,
		precision: mine.length ? matched / mine.length : 0
	};
}
