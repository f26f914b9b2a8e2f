// Evidence from the bilingual dictionary (Apertium eng-spa + FreeDict) for the sentence aligner,
// weighted by how much a match proves. A word meets its translation at the level of lemmas, so
// "houses" and "casas" meet through house → casa. A pair both directions of the dictionary
// give (house → casa and casa → house) is a strong concept; a pair only one direction gives is
// a weak one. Both count less than the curated lexicon and the words learned from the document
// itself: the dictionary lists every sense of a word, so its translations also turn up in the
// neighbouring sentences.
//
// Used in two ways. Confirming the word pairs learned from the first pass (learn.ts): a pair the
// dictionary gives is learned from one co-occurrence (on). Matching words through it when
// scoring beads (AlignOptions.matchThroughDictionary): off, because on the real dev sets every
// strength tried lost more than it gained (`npm run bench:align`, rows puente+dictionary and
// puente+dictionary matching). The caller hands in the dictionary's lookup, loaded when it
// wants it (3 MB): the aligner never imports it, so the command's start-up does not pay for
// it and other language pairs never load it.
import type { DictionaryEntry, DictionaryLanguage } from '../dictionary';
import { foldForSearch } from '../text/fold';

/** The dictionary's `lookup`: entries (lemma, translations) of a word of running text. */
export type DictionaryLookup = (word: string, from: DictionaryLanguage) => DictionaryEntry[];

export interface WeightedConcept {
	key: string;
	/** 0..1: how much of the word's weight a match through this concept is worth. */
	strength: number;
}

/** A pair that both directions of the dictionary give. */
export const MUTUAL_STRENGTH = 0.7;
/** A pair that only one direction gives. */
export const ONE_WAY_STRENGTH = 0.4;

/** Words shorter than this (articles, "de", "in") have too many senses to be evidence. */
const MIN_LETTERS = 3;
/** A word with more translations than this ("get", "hacer") proves little about its partner. */
const MAX_TRANSLATIONS = 12;

const fold = foldForSearch;

interface Caches {
	words: Record<'en' | 'es', Map<string, WeightedConcept[]>>;
	keys: Record<'en' | 'es', Map<string, string[]>>;
	lemmas: Record<'en' | 'es', Map<string, Set<string>>>;
}
/** Per dictionary: a long text repeats its words, and documents share most of theirs. */
const caches = new WeakMap<DictionaryLookup, Caches>();
const CACHE_SIZE = 50_000;

function cachesOf(lookup: DictionaryLookup): Caches {
	let found = caches.get(lookup);
	if (!found) {
		found = {
			words: { en: new Map(), es: new Map() },
			keys: { en: new Map(), es: new Map() },
			lemmas: { en: new Map(), es: new Map() }
		};
		caches.set(lookup, found);
	}
	return found;
}

function remember<T>(cache: Map<string, T>, key: string, value: T): T {
	if (cache.size >= CACHE_SIZE) cache.clear();
	cache.set(key, value);
	return value;
}

/**
 * The dictionary concepts of a folded word of one side. A word carries its own lemmas at full
 * strength (`en:house` on "houses") and its lemmas' translations at the pair's strength
 * (`es:casa` on "houses"); the other side does the same, so "houses" and "casas" meet on
 * `es:casa` and on `en:house`, worth the pair's strength.
 */
export function dictionaryConcepts(
	lookup: DictionaryLookup,
	word: string,
	side: 'en' | 'es'
): WeightedConcept[] {
	const cache = cachesOf(lookup).words[side];
	return cache.get(word) ?? remember(cache, word, conceptsOf(lookup, word, side));
}

/**
 * The keys of dictionaryConcepts, without their strengths: all that telling whether two words
 * share a concept needs (learn.ts), and much cheaper, since a strength looks up every
 * translation's own entry to see whether the pair is mutual.
 */
export function dictionaryConceptKeys(
	lookup: DictionaryLookup,
	word: string,
	side: 'en' | 'es'
): string[] {
	const cache = cachesOf(lookup).keys[side];
	return (
		cache.get(word) ??
		remember(
			cache,
			word,
			conceptsOf(lookup, word, side, false).map((c) => c.key)
		)
	);
}

function conceptsOf(
	lookup: DictionaryLookup,
	word: string,
	side: 'en' | 'es',
	withStrength = true
): WeightedConcept[] {
	if (word.length < MIN_LETTERS || !/^\p{L}+$/u.test(word)) return [];
	const other = side === 'en' ? 'es' : 'en';
	const found = new Map<string, number>();
	const add = (key: string, strength: number) =>
		found.set(key, Math.max(found.get(key) ?? 0, strength));
	let translations = 0;
	for (const entry of lookup(word, side)) {
		const lemma = fold(entry.lemma);
		if (lemma.length < MIN_LETTERS) continue;
		add(`${side}:${lemma}`, 1);
		for (const t of entry.translations) {
			if (t.includes(' ')) continue;
			const translation = fold(t);
			translations++;
			const mutual = withStrength && translationsOfLemma(lookup, translation, other).has(lemma);
			add(`${other}:${translation}`, mutual ? MUTUAL_STRENGTH : ONE_WAY_STRENGTH);
		}
	}
	if (translations === 0 || translations > MAX_TRANSLATIONS) return [];
	return [...found].map(([key, strength]) => ({ key, strength }));
}

/** The folded translations the dictionary gives for a lemma itself (not for its forms). */
function translationsOfLemma(
	lookup: DictionaryLookup,
	lemma: string,
	side: 'en' | 'es'
): Set<string> {
	const cache = cachesOf(lookup).lemmas[side];
	const known = cache.get(lemma);
	if (known) return known;
	const translations = new Set<string>();
	for (const entry of lookup(lemma, side))
		if (fold(entry.lemma) === lemma) for (const t of entry.translations) translations.add(fold(t));
	return remember(cache, lemma, translations);
}
