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

// A word that can also be one of these is matched as written only: "in" and "on" are adverbs
// too, and both translate "en"; "una" for "uno" would pass as forms of the verb "unir".
const GRAMMATICAL_POS = new Set([
	'preposition',
	'determiner',
	'pronoun',
	'conjunction',
	'relative',
	'numeral'
]);

interface Sense {
	lemma: string;
	pos: string;
}

interface Reading {
	senses: Sense[];
	/** Whether the word can be a grammatical word as well. */
	grammatical: boolean;
}

// Single-word translations of every lemma, from both directions of the dictionary (an English
// lemma gets its own entry's translations and every Spanish lemma that gives it as one). Built
// on first use and kept: the data never changes while the process runs.
let translationIndex: Record<DictionaryLanguage, Map<string, string[]>> | undefined;
const translationSets: Record<DictionaryLanguage, Map<string, Set<string>>> = {
	en: new Map(),
	es: new Map()
};

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
	return translationIndex[lang].get(lemma) ?? [];
}

function translationSet(lemma: string, lang: DictionaryLanguage): Set<string> {
	let set = translationSets[lang].get(lemma);
	if (!set) translationSets[lang].set(lemma, (set = new Set(translationsOfLemma(lemma, lang))));
	return set;
}

/** The content-word senses the dictionary gives each word, cached for one comparison. */
export class WordSenses {
	readonly #readings = new Map<string, Reading>();
	constructor(readonly lang: DictionaryLanguage) {}

	#read(word: string): Reading {
		let reading = this.#readings.get(word);
		if (!reading) {
			const entries = lookup(word, this.lang);
			reading = {
				senses: entries
					.filter((entry) => CONTENT_POS.has(entry.pos))
					.map((entry) => ({ lemma: entry.lemma.toLowerCase(), pos: entry.pos })),
				grammatical: entries.some((entry) => GRAMMATICAL_POS.has(entry.pos))
			};
			this.#readings.set(word, reading);
		}
		return reading;
	}

	of(word: string): Sense[] {
		return this.#read(word).senses;
	}

	/**
	 * How `attempt` relates to `reference` (two words of the same language that are not the same
	 * word), or undefined when it is simply another word. A form of the same lemma wins over a
	 * synonym; both need a part of speech in common.
	 */
	relation(reference: string, attempt: string): WordRelation | undefined {
		const mine = this.#read(attempt);
		if (!mine.senses.length || mine.grammatical) return undefined;
		const theirs = this.#read(reference);
		if (theirs.grammatical) return undefined;
		for (const r of theirs.senses) {
			if (mine.senses.some((a) => a.lemma === r.lemma && a.pos === r.pos))
				return { kind: 'form', via: r.lemma };
		}
		for (const r of theirs.senses) {
			// Most reliable translation first, so the word shown as the link is the likeliest one.
			const shared = translationsOfLemma(r.lemma, this.lang);
			for (const a of mine.senses) {
				if (a.pos !== r.pos) continue;
				const theirsToo = translationSet(a.lemma, this.lang);
				const via = shared.find((word) => theirsToo.has(word));
				if (via) return { kind: 'synonym', via };
			}
		}
		return undefined;
	}
}
