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

/** Every distinct word form (`lang:form`) of the text's English and Spanish sentences, in order. */
export function documentForms(text: string, sentences: readonly LabelledSentence[]): string[] {
	const forms = new Set<string>();
	for (const sentence of sentences) {
		if (sentence.lang !== 'en' && sentence.lang !== 'es') continue;
		for (const token of tokenize(text, sentence.start, sentence.end))
			if (token.kind === 'word') forms.add(`${sentence.lang}:${token.text}`);
	}
	return [...forms];
}

/** The lemma key (`lang:lemma`) of a form key (`lang:form`), or null for a word that is not vocabulary. */
export function lemmaKey(form: string, lemmaOf: LemmaOf): string | null {
	const lang = form.slice(0, 2) as VocabularyLang;
	const lemma = lemmaOf(form.slice(3), lang);
	return lemma === null ? null : `${lang}:${lemma}`;
}

/**
 * `lang:lemma` for every distinct word lemma of the text's English and Spanish sentences. Each
 * form is looked up once: a book repeats its words thousands of times.
 */
export function documentLemmas(
	text: string,
	sentences: readonly LabelledSentence[],
	lemmaOf: LemmaOf
): Set<string> {
	const lemmas = new Set<string>();
	for (const form of documentForms(text, sentences)) {
		const key = lemmaKey(form, lemmaOf);
		if (key) lemmas.add(key);
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
