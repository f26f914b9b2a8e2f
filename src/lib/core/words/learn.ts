// Translations a document teaches about itself: word pairs that keep landing on each other
// across its aligned sentence pairs, found by a few rounds of expectation-maximisation in the
// spirit of IBM model 1 / fast_align (expected link counts from the current model, then a new
// model from the counts), started from the dictionary evidence as eflomal starts from priors.
import { linkPosteriors, DEFAULT_SEARCH, type SearchOptions } from './search';
import { PAIR_KEY, type WordFacts, type WordKnowledge } from './features';
import type { WordToken } from './tokens';

export interface LearnedTranslations {
	/** How often, 0..1, the two folded forms were linked when they occurred (a soft Dice score). */
	score(en: WordFacts, es: WordFacts): number;
	/** Sentence pairs it was learned from. */
	pairs: number;
}

export const NOTHING_LEARNED: LearnedTranslations = { score: () => 0, pairs: 0 };

export interface TokenisedPair {
	en: Pick<WordToken, 'text' | 'kind'>[];
	es: Pick<WordToken, 'text' | 'kind'>[];
}

// fast_align runs 5 iterations; with the dictionary as a start, counts settle by then.
const ITERATIONS = 5;
// How many sentence pairs must show two words together before they count as a learned pair.
const MIN_TOGETHER = 2;
// Pairs longer than this cost m×n and say little about single words.
const MAX_TOKENS = 120;

/** Learns from a document's aligned sentence pairs (the pair being aligned may be among them). */
export function learnTranslations(
	pairs: readonly TokenisedPair[],
	knowledge: WordKnowledge,
	options: SearchOptions = DEFAULT_SEARCH
): LearnedTranslations {
	const usable = pairs
		.filter((p) => p.en.length > 0 && p.es.length > 0)
		.filter((p) => p.en.length <= MAX_TOKENS && p.es.length <= MAX_TOKENS)
		.map((p) => ({
			en: p.en.map((t) => knowledge.facts(t, 'en')),
			es: p.es.map((t) => knowledge.facts(t, 'es'))
		}));
	if (usable.length === 0) return NOTHING_LEARNED;
	const occurrences = { en: new Map<number, number>(), es: new Map<number, number>() };
	for (const pair of usable) {
		for (const f of pair.en) bump(occurrences.en, f.foldedId, 1);
		for (const f of pair.es) bump(occurrences.es, f.foldedId, 1);
	}
	// Sentence pairs in which both words occur: a pair of words met once teaches nothing the
	// pair itself does not already say, and hapax pairs would otherwise pull each other in.
	const together = new Map<number, number>();
	for (const pair of usable) {
		const seen = new Set<number>();
		for (const e of pair.en) for (const f of pair.es) seen.add(key(e, f));
		for (const k of seen) bump(together, k, 1);
	}
	let learned = new Map<number, number>();
	const lexical = usable.map((pair) => lexicalMatrix(pair.en, pair.es, knowledge));
	for (let round = 0; round < ITERATIONS; round++) {
		const counts = new Map<number, number>();
		usable.forEach((pair, k) => {
			const m = pair.en.length;
			const n = pair.es.length;
			const scores = new Float64Array(lexical[k]);
			for (let i = 0; i < m; i++) {
				for (let j = 0; j < n; j++) {
					const l = learned.get(key(pair.en[i], pair.es[j]));
					if (l) scores[i * n + j] = combine(scores[i * n + j], l);
				}
			}
			const posterior = linkPosteriors(scores, m, n, options);
			for (let i = 0; i < m; i++) {
				for (let j = 0; j < n; j++) {
					const p = posterior[i * n + j];
					if (p > 0.01) bump(counts, key(pair.en[i], pair.es[j]), p);
				}
			}
		});
		learned = new Map();
		for (const [k, c] of counts) {
			if (together.get(k)! < MIN_TOGETHER) continue;
			const en = Math.floor(k / PAIR_KEY);
			const es = k - en * PAIR_KEY;
			const dice = (2 * c) / (occurrences.en.get(en)! + occurrences.es.get(es)!);
			learned.set(k, Math.min(1, dice));
		}
	}
	const table = learned;
	return { score: (en, es) => table.get(key(en, es)) ?? 0, pairs: usable.length };
}

/** Dictionary evidence and learned evidence are two chances to be right. */
export function combine(lexical: number, learned: number): number {
	return 1 - (1 - lexical) * (1 - learned);
}

export function lexicalMatrix(
	en: WordFacts[],
	es: WordFacts[],
	knowledge: WordKnowledge
): Float64Array {
	const n = es.length;
	const scores = new Float64Array(en.length * n);
	for (let i = 0; i < en.length; i++) {
		for (let j = 0; j < n; j++) scores[i * n + j] = knowledge.score(en[i], es[j]);
	}
	return scores;
}

const key = (en: WordFacts, es: WordFacts) => en.foldedId * PAIR_KEY + es.foldedId;

function bump(map: Map<number, number>, k: number, by: number): void {
	map.set(k, (map.get(k) ?? 0) + by);
}
