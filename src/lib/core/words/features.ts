// The evidence that an English token and a Spanish token translate each other, before position
// and before the document's own statistics: the dictionary through lemmas (so "marched" meets
// "marcharon" through march ↔ marchar), the aligner's lexicon, identical names, numbers and
// symbols, and cognates. Each word's facts are looked up once and cached, since a reader aligns
// the same words over and over.
import { foldWord } from '../align/words';
import { cognateSkeleton } from '../align/words';
import type { DictionaryEntry } from '../dictionary';
import type { WordResources } from './resources';
import type { WordToken } from './tokens';

export type Side = 'en' | 'es';

/** What one word form is, whatever sentence it appears in. */
export interface WordFacts {
	/** Identifies the form as written, for caches. */
	id: number;
	folded: string;
	/** Identifies the folded form, for statistics ("Perú" and "peru" count together). */
	foldedId: number;
	kind: WordToken['kind'];
	/** Starts with a capital letter (a name, or a sentence's first word). */
	capitalised: boolean;
	/** The dictionary knows it as a word of its language. */
	known: boolean;
	/** Has something besides letters: a command, a path, an option, a code ("apt-get", "/etc"). */
	symbolic: boolean;
	/** Folded lemmas the word can be a form of, the folded word itself included. */
	lemmas: string[];
	/** Folded translations of those lemmas → how much to trust them (1 single word, less for a word of a phrase). */
	translations: Map<string, number>;
	/** Lexicon concept ids. */
	concepts: readonly number[];
	/** Cross-language spelling for cognates ("constitution" and "constitución" share one). */
	skeleton: string;
	/** Digits only, for numbers written with either decimal mark ("50.13" = "50,13"). */
	digits: string;
	/** Quotes of every style are one class, dashes another. */
	punctClass: string;
}

const QUOTES = /^["“”«»„‘’'`‹›]+$/u;
const DASHES = /^[-‐‑‒–—―]+$/u;

const ENTITIES: Record<string, string> = { quot: '"', apos: "'", amp: '&', lt: '<', gt: '>' };

/** "&quot;" → '"': Moses-style tokenisers escape punctuation. */
function unescape(token: string): string {
	const m = /^&(#x[0-9a-f]+|#\d+|[a-z]+);$/i.exec(token);
	if (!m) return token;
	const name = m[1].toLowerCase();
	if (name.startsWith('#x')) return String.fromCodePoint(parseInt(name.slice(2), 16));
	if (name.startsWith('#')) return String.fromCodePoint(Number(name.slice(1)));
	return ENTITIES[name] ?? token;
}

function punctuationClass(mark: string): string {
	if (QUOTES.test(mark)) return '"';
	if (DASHES.test(mark)) return '-';
	return mark;
}

/** Ids of one side stay below this, so that a pair of ids makes one number key. */
export const PAIR_KEY = 2 ** 24;

const MAX_CACHED_SCORES = 500_000;

// An infinitive or gerund (accents folded) followed by one or two object pronouns.
const ENCLITICS = /^(.+?(?:ar|er|ir|ndo))((?:me|te|se|nos|os|lo|la|los|las|le|les){1,2})$/;
const CLITIC_PARTS =
	/^(me|te|se|nos|os|lo|la|los|las|le|les)(me|te|se|nos|os|lo|la|los|las|le|les)?$/;

/** What a two-step path through the dictionary is worth against a direct entry (1). */
const BRIDGE_SCORE = 0.5;

/** Weight of a word that is one of several in a dictionary translation ("go away" for "marcharse"). */
const PHRASE_WORD_WEIGHT = 0.5;

export class WordKnowledge {
	private readonly cache = { en: new Map<string, WordFacts>(), es: new Map<string, WordFacts>() };
	private readonly foldedIds = { en: new Map<string, number>(), es: new Map<string, number>() };
	private readonly scores = new Map<number, number>();

	constructor(private readonly resources: WordResources) {}

	/** lexicalScore, remembered: a document pairs the same words again and again. */
	score(en: WordFacts, es: WordFacts): number {
		const key = en.id * PAIR_KEY + es.id;
		let score = this.scores.get(key);
		if (score === undefined) {
			score = lexicalScore(en, es);
			if (score < BRIDGE_SCORE) score = Math.max(score, this.bridgeScore(en, es));
			// Word pairs seen together grow with every pair aligned; start afresh rather than grow
			// without bound in a long-running server (a few tens of MB at this size).
			if (this.scores.size >= MAX_CACHED_SCORES) this.scores.clear();
			this.scores.set(key, score);
		}
		return score;
	}

	facts(token: Pick<WordToken, 'text' | 'kind'>, side: Side): WordFacts {
		const cache = this.cache[side];
		let facts = cache.get(token.text);
		if (!facts) {
			facts = this.describe(token, side);
			cache.set(token.text, facts);
		}
		return facts;
	}

	/**
	 * Synonyms through the dictionary: "jail" → prisión, and "cárcel" → prison, and prisión ↔
	 * prison, so jail ↔ cárcel, weaker than a direct entry. Content words only (four letters or
	 * more): function words have so many translations that every path would connect them.
	 */
	private bridgeScore(en: WordFacts, es: WordFacts): number {
		if (en.kind !== 'word' || es.kind !== 'word') return 0;
		if (en.folded.length < 4 || es.folded.length < 4) return 0;
		const pairs = this.resources.translationPairs();
		for (const [spanish, w1] of en.translations) {
			if (w1 < 1) continue;
			for (const [english, w2] of es.translations) {
				if (w2 === 1 && pairs.has(`${english}\t${spanish}`)) return BRIDGE_SCORE;
			}
		}
		return 0;
	}

	/**
	 * The pronouns attached to a Spanish infinitive or gerund ("atacarlo", "exterminarlos",
	 * "diciéndole"), whose translations are words of their own in English ("attack him"): the
	 * dictionary gives the verb, this gives the pronouns.
	 */
	private encliticEntries(folded: string): DictionaryEntry[] {
		const m = ENCLITICS.exec(folded);
		if (!m) return [];
		const verb = this.resources.lookup(m[1], 'es');
		if (!verb.some((e) => e.pos === 'verb')) return [];
		return CLITIC_PARTS.exec(m[2])!
			.slice(1)
			.flatMap((clitic) =>
				clitic ? this.resources.lookup(clitic, 'es').filter((e) => e.pos === 'pronoun') : []
			);
	}

	private describe(token: Pick<WordToken, 'text' | 'kind'>, side: Side): WordFacts {
		const { text, kind } = token;
		const folded = foldWord(text);
		const foldedIds = this.foldedIds[side];
		if (!foldedIds.has(folded)) foldedIds.set(folded, foldedIds.size);
		const facts: WordFacts = {
			id: this.cache[side].size,
			folded,
			foldedId: foldedIds.get(folded)!,
			kind,
			capitalised: /^\p{Lu}/u.test(text),
			known: false,
			symbolic: kind === 'word' && /[^\p{L}\p{M}'’]/u.test(text),
			lemmas: [folded],
			translations: new Map(),
			concepts: [],
			skeleton: cognateSkeleton(folded),
			digits: kind === 'number' ? text.replace(/[^\p{N}]/gu, '') : '',
			punctClass: kind === 'punct' ? punctuationClass(unescape(text)) : ''
		};
		if (kind !== 'word') return facts;
		const entries = this.resources.lookup(text, side);
		facts.known = entries.length > 0;
		for (const entry of entries) {
			const lemma = foldWord(entry.lemma);
			if (!facts.lemmas.includes(lemma)) facts.lemmas.push(lemma);
			for (const translation of entry.translations) {
				const words = foldWord(translation).split(/[\s-]+/);
				const weight = words.length === 1 ? 1 : PHRASE_WORD_WEIGHT;
				for (const word of words) {
					// In a phrase ("atacar a", "fin de semana") the short words are its grammar.
					if (words.length > 1 && word.length <= 3) continue;
					if (word && (facts.translations.get(word) ?? 0) < weight)
						facts.translations.set(word, weight);
				}
			}
		}
		// Only the pronouns' translations: their lemmas ("lo") would match "the" as well.
		if (side === 'es') {
			for (const entry of this.encliticEntries(folded)) {
				for (const translation of entry.translations) {
					const word = foldWord(translation);
					if (!word.includes(' ')) facts.translations.set(word, 1);
				}
			}
		}
		facts.concepts = this.resources.lexicon.lookup(side === 'en' ? 'a' : 'b', folded);
		return facts;
	}
}

/** How sure the evidence makes us that `en` and `es` translate each other, 0..1. */
export function lexicalScore(en: WordFacts, es: WordFacts): number {
	if (en.kind === 'punct' || es.kind === 'punct') {
		return en.punctClass !== '' && en.punctClass === es.punctClass ? 1 : 0;
	}
	if (en.kind === 'number' || es.kind === 'number') {
		return en.digits !== '' && en.digits === es.digits ? 1 : 0;
	}
	let score = 0;
	for (const lemma of es.lemmas) score = Math.max(score, en.translations.get(lemma) ?? 0);
	for (const lemma of en.lemmas) score = Math.max(score, es.translations.get(lemma) ?? 0);
	if (score === 1) return 1;
	if (sharesConcept(en.concepts, es.concepts)) return 1;
	if (en.folded === es.folded && sameWordBothSides(en, es)) {
		// The same spelling: a name, an acronym, a loan word ("software"), a command.
		return Math.max(score, 0.9);
	}
	return Math.max(score, cognateScore(en, es));
}

/**
 * Whether one spelling on both sides is one word: short common words are false friends more
 * often than not ("a", "me", "son"), so a short lower-case word needs to be a name, a symbol or
 * a word that one of the languages does not have ("ls", "dpkg").
 */
function sameWordBothSides(en: WordFacts, es: WordFacts): boolean {
	if (en.folded.length >= 4 || en.capitalised || es.capitalised) return true;
	return en.symbolic || es.symbolic || !en.known || !es.known;
}

function sharesConcept(a: readonly number[], b: readonly number[]): boolean {
	if (a.length === 0 || b.length === 0) return false;
	for (const id of a) if (b.includes(id)) return true;
	return false;
}

/**
 * Cognates spell alike across the languages once their spelling is brought together
 * ("democracy"/"democracia", "insecure"/"inseguro", "restraint"/"restrinja"): the longest
 * common subsequence ratio of the two skeletons (Melamed 1995), and they must start alike.
 * Short words are left out: most short look-alikes are not cognates.
 */
function cognateScore(en: WordFacts, es: WordFacts): number {
	const a = en.skeleton;
	const b = es.skeleton;
	if (Math.min(a.length, b.length) < 4 || a.slice(0, 2) !== b.slice(0, 2)) return 0;
	const ratio = commonSubsequence(a, b) / Math.max(a.length, b.length);
	return ratio >= COGNATE_RATIO ? 0.5 + 0.4 * ratio : 0;
}

// Melamed's threshold for cognates by longest common subsequence ratio.
const COGNATE_RATIO = 0.58;

function commonSubsequence(a: string, b: string): number {
	let previous = new Uint16Array(b.length + 1);
	let current = new Uint16Array(b.length + 1);
	for (let i = 1; i <= a.length; i++) {
		for (let j = 1; j <= b.length; j++) {
			current[j] =
				a.charCodeAt(i - 1) === b.charCodeAt(j - 1)
					? previous[j - 1] + 1
					: Math.max(previous[j], current[j - 1]);
		}
		[previous, current] = [current, previous];
	}
	return previous[b.length];
}
