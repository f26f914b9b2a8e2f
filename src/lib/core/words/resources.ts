// What word alignment knows before it sees a document: the bilingual dictionary (Apertium +
// FreeDict, 3 MB of JSON, so loaded on first use and never bundled into a page that does not
// align words) and the sentence aligner's hand-written lexicon.
import type { DictionaryEntry, DictionaryLanguage } from '../dictionary';
import { parseLexicon, type Lexicon } from '../align/lexicon';
import { foldWord } from '../align/words';
import { EN_ES_LEXICON } from '../../data/lexicon/en-es';

export interface WordResources {
	/** Dictionary entries of a word of running text (inflected forms understood). */
	lookup: (word: string, lang: DictionaryLanguage) => DictionaryEntry[];
	/** The aligner's word list: concept ids shared by words that translate each other. */
	lexicon: Lexicon;
	/**
	 * Every single-word pair of the dictionary as "english\tspanish", folded (lower case, no
	 * accents); built on first use.
	 */
	translationPairs: () => ReadonlySet<string>;
}

let loading: Promise<WordResources> | undefined;

/** Loads the dictionary and the lexicon once per process (or page); later calls share them. */
export function loadWordResources(): Promise<WordResources> {
	loading ??= import('../dictionary').then((dictionary) => {
		let pairs: Set<string> | undefined;
		return {
			lookup: dictionary.lookup,
			lexicon: parseLexicon(EN_ES_LEXICON),
			translationPairs: () => {
				if (!pairs) {
					pairs = new Set();
					for (const [en, es] of dictionary.translationPairs())
						pairs.add(`${foldWord(en)}\t${foldWord(es)}`);
				}
				return pairs;
			}
		};
	});
	return loading;
}

/** Resources without the dictionary: the lexicon alone, for a page that cannot load 3 MB. */
export function lexiconOnlyResources(): WordResources {
	return {
		lookup: () => [],
		lexicon: parseLexicon(EN_ES_LEXICON),
		translationPairs: () => new Set()
	};
}
