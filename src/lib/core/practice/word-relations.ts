// When a learner's word counts as the reference's word though it is spelt differently: another
// form of the same lemma ("marchó" for "marcharon") or a dictionary synonym ("historical" for
// "historic": both translate "histórico"). Everything comes from the offline dictionary's data.
import { lookup, translationPairs, type DictionaryLanguage } from '../dictionary';

/**
 * Why a word that is not the reference's counts as right: `form` when both are forms of the
 * lemma `via`, `synonym` when both translate the other language's word `via`.
 */
export interface WordRelation {
	kind: 'form' | 'synonym';
	via: string;
}

// Only content words are matched by lemma or meaning. The forms of articles, pronouns and
// prepositions carry the grammar being practised ("la" is not right for "el"), and their
// translations are hubs ("de" gives of, from, by, since), which would make most of them synonyms.
export const CONTENT_POS = new Set(['noun', 'verb', 'adjective', 'adverb']);

interface Sense {
	lemma: string;
	pos: string;
}

// Single-word translations of every lemma, from both directions of the dictionary (an English
// lemma gets its own entry's translations and every Spanish lemma that gives it as one). Built
// on first use and kept: the data never changes while the process runs.
let translationIndex: Record<DictionaryLanguage, Map<string, string[]>> | undefined;

function translationsOfLemma(lemma: string, lang: DictionaryLanguage): readonly string[] {
	if (!translationIndex) {
		const index = { en: new Map<string, string[]>(), es: new Map<string, string[]>() };
		const add = (map: Map<string, string[]>, key: string, value: string) => {
			const list = map.get(key);
			if (list) list.push(value);
			else map.set(key, [value]);
		};
		for (const [en, es] of translationPairs()) {
			add(index.en, en, es);
			add(index.es, es, en);
		}
		translationIndex = index;
	}
	return translationIndex[lang].get(lemma.toLowerCase()) ?? [];
}

/** The content-word senses the dictionary gives a word as written, cached for one comparison. */
export class WordSenses {
	readonly #senses = new Map<string, Sense[]>();
	constructor(readonly lang: DictionaryLanguage) {}

	of(word: string): Sense[] {
		let senses = this.#senses.get(word);
		if (!senses) {
			senses = lookup(word, this.lang)
				.filter((entry) => CONTENT_POS.has(entry.pos))
				.map((entry) => ({ lemma: entry.lemma.toLowerCase(), pos: entry.pos }));
			this.#senses.set(word, senses);
		}
		return senses;
	}

	/**
	 * How `attempt` relates to `reference` (two words of the same language that are not the same
	 * word), or undefined when it is simply another word. A form of the same lemma wins over a
	 * synonym; both need a part of speech in common.
	 */
	relation(reference: string, attempt: string): WordRelation | undefined {
		const mine = this.of(attempt);
		if (!mine.length) return undefined;
		const theirs = this.of(reference);
		for (const r of theirs) {
			if (mine.some((a) => a.lemma === r.lemma && a.pos === r.pos))
				return { kind: 'form', via: r.lemma };
		}
		for (const r of theirs) {
			// Most reliable translation first, so the word shown as the link is the likeliest one.
			const shared = translationsOfLemma(r.lemma, this.lang);
			for (const a of mine) {
				if (a.pos !== r.pos) continue;
				const theirsToo = new Set(translationsOfLemma(a.lemma, this.lang));
				const via = shared.find((word) => theirsToo.has(word));
				if (via) return { kind: 'synonym', via };
			}
		}
		return undefined;
	}
}
