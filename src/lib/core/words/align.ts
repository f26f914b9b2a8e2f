// Word alignment of one English/Spanish sentence pair: tokens with offsets, the evidence for
// each token pair (features.ts, plus what the document taught, learn.ts), term units
// (phrases.ts), and the search (search.ts) that turns evidence and position into links.
import { WordKnowledge } from './features';
import { combine, learnTranslations, lexicalMatrix, NOTHING_LEARNED } from './learn';
import type { LearnedTranslations, TokenisedPair } from './learn';
import {
	compileTerms,
	findTermUnits,
	type TermMatcher,
	type TermPair,
	type TermUnit
} from './phrases';
import type { WordResources } from './resources';
import {
	anchorsOf,
	decodeLinks,
	DEFAULT_SEARCH,
	linkPosteriors,
	type SearchOptions
} from './search';
import { tokenizeSentence, type WordToken } from './tokens';

export interface WordLink {
	/** Index into the English tokens. */
	en: number;
	/** Index into the Spanish tokens. */
	es: number;
	/** Posterior probability of the link, 0..1 (1 for a term unit). */
	confidence: number;
}

export interface WordAlignment {
	en: WordToken[];
	es: WordToken[];
	/** Sorted by English index, then Spanish. */
	links: WordLink[];
	/** Terms that aligned as one unit, by token index ranges. */
	units: TermUnit[];
}

export interface WordAlignerOptions {
	/** The document's aligned sentence pairs (text), to learn its own translations from. */
	documentPairs?: ReadonlyArray<{ en: string; es: string }>;
	/** The same, already tokenised (as the command line reads them). */
	tokenisedPairs?: readonly TokenisedPair[];
	/** Glossary terms and phrases that align as units. */
	terms?: readonly TermPair[];
	search?: SearchOptions;
}

/**
 * Aligns the words of sentence pairs of one document. Build one per document (learning from its
 * pairs takes a few milliseconds per hundred pairs), then call `align` per pair; word lookups
 * are cached inside, so aligning the pairs on screen costs microseconds each.
 */
export class WordAligner {
	readonly learned: LearnedTranslations;
	private readonly knowledge: WordKnowledge;
	private readonly terms: TermMatcher;
	private readonly search: SearchOptions;
	private readonly aligned = new Map<string, WordAlignment>();

	constructor(resources: WordResources, options: WordAlignerOptions = {}) {
		this.knowledge = knowledgeOf(resources);
		this.terms = compileTerms(options.terms ?? []);
		this.search = options.search ?? DEFAULT_SEARCH;
		const pairs: TokenisedPair[] = [...(options.tokenisedPairs ?? [])];
		for (const pair of options.documentPairs ?? []) {
			pairs.push({ en: tokenizeSentence(pair.en, 'en'), es: tokenizeSentence(pair.es, 'es') });
		}
		this.learned = pairs.length
			? learnTranslations(pairs, this.knowledge, this.search)
			: NOTHING_LEARNED;
	}

	/**
	 * Tokenises and aligns a sentence pair given as text; offsets index `en` and `es`. Results
	 * are remembered per pair of texts (the last few thousand), so a reader can call this on
	 * every hover; treat them as read-only.
	 */
	align(en: string, es: string): WordAlignment {
		const key = `${en}\u0000${es}`;
		const known = this.aligned.get(key);
		if (known) return known;
		const enTokens = tokenizeSentence(en, 'en');
		const esTokens = tokenizeSentence(es, 'es');
		const alignment = { en: enTokens, es: esTokens, ...this.alignTokens(enTokens, esTokens) };
		if (this.aligned.size >= MAX_REMEMBERED_PAIRS) this.aligned.clear();
		this.aligned.set(key, alignment);
		return alignment;
	}

	/** Aligns tokens the caller made (pre-tokenised text). */
	alignTokens(
		en: readonly Pick<WordToken, 'text' | 'kind'>[],
		es: readonly Pick<WordToken, 'text' | 'kind'>[]
	): { links: WordLink[]; units: TermUnit[] } {
		const m = en.length;
		const n = es.length;
		const enFacts = en.map((t) => this.knowledge.facts(t, 'en'));
		const esFacts = es.map((t) => this.knowledge.facts(t, 'es'));
		const scores = lexicalMatrix(enFacts, esFacts, this.knowledge);
		if (this.learned.pairs > 0) {
			for (let i = 0; i < m; i++) {
				for (let j = 0; j < n; j++) {
					const learned = this.learned.score(enFacts[i], esFacts[j]);
					if (learned > 0) scores[i * n + j] = combine(scores[i * n + j], learned);
				}
			}
		}
		const units = findTermUnits(en, es, this.terms);
		const enUnit = new Int32Array(m).fill(-1);
		const esUnit = new Int32Array(n).fill(-1);
		units.forEach((unit, u) => {
			for (let i = unit.en[0]; i < unit.en[1]; i++) enUnit[i] = u;
			for (let j = unit.es[0]; j < unit.es[1]; j++) esUnit[j] = u;
		});
		// A term's words translate each other and nothing outside the term.
		if (units.length) {
			for (let i = 0; i < m; i++) {
				for (let j = 0; j < n; j++) {
					if (enUnit[i] !== -1 || esUnit[j] !== -1)
						scores[i * n + j] = enUnit[i] === esUnit[j] ? 1 : 0;
				}
			}
		}
		const firstPass = linkPosteriors(scores, m, n, this.search);
		const posterior = linkPosteriors(scores, m, n, this.search, anchorsOf(firstPass, m, n));
		const links: WordLink[] = [];
		for (const [i, j] of decodeLinks(posterior, m, n, this.search.linkThreshold)) {
			if (enUnit[i] === -1 && esUnit[j] === -1)
				links.push({ en: i, es: j, confidence: posterior[i * n + j] });
		}
		for (const unit of units) {
			for (let i = unit.en[0]; i < unit.en[1]; i++) {
				for (let j = unit.es[0]; j < unit.es[1]; j++) links.push({ en: i, es: j, confidence: 1 });
			}
		}
		links.sort((a, b) => a.en - b.en || a.es - b.es);
		return { links, units };
	}
}

const MAX_REMEMBERED_PAIRS = 5000;

// What is known about each word does not change with the document, so every aligner built on the
// same resources shares it: a reader pays for a word's dictionary lookup once per process.
const knowledgeByResources = new WeakMap<WordResources, WordKnowledge>();

function knowledgeOf(resources: WordResources): WordKnowledge {
	let knowledge = knowledgeByResources.get(resources);
	if (!knowledge) {
		knowledge = new WordKnowledge(resources);
		knowledgeByResources.set(resources, knowledge);
	}
	return knowledge;
}

/** The tokens of the other side that token `index` of `side` is linked to, in order. */
export function counterparts(
	alignment: Pick<WordAlignment, 'links'>,
	side: 'en' | 'es',
	index: number
): number[] {
	const other = side === 'en' ? 'es' : 'en';
	return alignment.links
		.filter((link) => link[side] === index)
		.map((link) => link[other])
		.sort((a, b) => a - b);
}
