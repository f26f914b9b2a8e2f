// How much of a text's vocabulary a learner knows: the distinct lemmas of its words, per
// language, against the lemmas and forms the learner marked known.
import type { LabelledSentence } from '../types';
import { tokenize } from '../text/tokens';
import type { VocabularyLang } from './input';

/**
 * A word's lemma in `lang`, lower-cased, or null for a word that is not vocabulary (a name the
 * dictionary does not know). Given by the caller, so the core does not load the dictionary.
 */
export type LemmaOf = (word: string, lang: VocabularyLang) => string | null;

/** `lang:lemma` for every distinct word lemma of the text's English and Spanish sentences. */
export function documentLemmas(
	text: string,
	sentences: readonly LabelledSentence[],
	lemmaOf: LemmaOf
): Set<string> {
	const lemmas = new Set<string>();
	const seen = new Set<string>();
	for (const sentence of sentences) {
		if (sentence.lang !== 'en' && sentence.lang !== 'es') continue;
		const lang = sentence.lang;
		for (const token of tokenize(text, sentence.start, sentence.end)) {
			if (token.kind !== 'word') continue;
			// Each form is looked up once per text: a book repeats its words thousands of times.
			const formKey = `${lang}:${token.text}`;
			if (seen.has(formKey)) continue;
			seen.add(formKey);
			const lemma = lemmaOf(token.text, lang);
			if (lemma) lemmas.add(`${lang}:${lemma}`);
		}
	}
	return lemmas;
}

export interface VocabularyShare {
	known: number;
	total: number;
}

/** How many of the text's lemmas (`lang:lemma`) are among the known ones (`lang:lemma-or-form`). */
export function vocabularyShare(lemmas: Set<string>, known: Set<string>): VocabularyShare {
	let count = 0;
	for (const lemma of lemmas) if (known.has(lemma)) count++;
	return { known: count, total: lemmas.size };
}
