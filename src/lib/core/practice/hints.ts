// Hints for translating one sentence, revealed one at a time: first the glossary terms found in it
// (the corpus's own translations of its names and key words), then the dictionary's translations
// of its other content words, in the order the sentence has them.
import { lookup, type DictionaryLanguage } from '../dictionary';
import { wordTokens } from './compare-translation';
import { CONTENT_POS } from './word-relations';

/** A glossary term found in the sentence, as offsets into it, with its translation. */
export interface SentenceTerm {
	start: number;
	end: number;
	entryId: string;
	translation: string;
}

export type PracticeHint =
	| { kind: 'glossary'; term: string; translation: string; entryId: string }
	| { kind: 'dictionary'; word: string; lemma: string; pos: string; translations: string[] };

/** A hint names a few translations, most reliable first: enough to unblock, not a dictionary page. */
const TRANSLATIONS_PER_HINT = 3;

/**
 * The hints for `source` (in `from`): its glossary `terms`, then each content word the dictionary
 * translates, once per lemma. Words inside a glossary term are left to the term, and a capitalised
 * word that does not open the sentence is taken for a name (the dictionary would give "lime" for
 * "Lima").
 */
export function practiceHints(
	source: string,
	from: DictionaryLanguage,
	terms: readonly SentenceTerm[] = []
): PracticeHint[] {
	const ordered = [...terms].sort((a, b) => a.start - b.start);
	const hints: PracticeHint[] = [];
	const seenTerms = new Set<string>();
	for (const term of ordered) {
		if (seenTerms.has(term.entryId)) continue;
		seenTerms.add(term.entryId);
		hints.push({
			kind: 'glossary',
			term: source.slice(term.start, term.end),
			translation: term.translation,
			entryId: term.entryId
		});
	}
	const seenLemmas = new Set<string>();
	wordTokens(source).forEach((token, index) => {
		if (ordered.some((t) => token.start < t.end && token.end > t.start)) return;
		if (index > 0 && /^\p{Lu}/u.test(token.text)) return;
		for (const entry of lookup(token.text, from)) {
			if (!CONTENT_POS.has(entry.pos) || !entry.translations.length) continue;
			const key = `${entry.lemma.toLowerCase()}\t${entry.pos}`;
			if (seenLemmas.has(key)) return;
			seenLemmas.add(key);
			hints.push({
				kind: 'dictionary',
				word: token.text,
				lemma: entry.lemma,
				pos: entry.pos,
				translations: entry.translations.slice(0, TRANSLATIONS_PER_HINT)
			});
			// One hint per word: its likeliest reading.
			return;
		}
	});
	return hints;
}
