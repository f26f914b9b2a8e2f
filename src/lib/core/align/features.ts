// Features that score a candidate bead: how much of its words translate each other
// (lexicon, learned dictionary, cognates, numbers, names, punctuation, glossary anchors)
// and how plausible its two lengths are. The search never looks at words, only at these.
import { dictionaryConcepts, type DictionaryLookup } from './dictionary-concepts';
import type { Lexicon } from './lexicon';
import {
	addressPieces,
	cognateSkeleton,
	foldPiece,
	foldWord,
	forEachToken,
	isNumber,
	splitUnit
} from './words';

/** One side of the document pair, words interned, in compressed rows. */
export interface SideFeatures {
	units: number;
	chars: Float64Array;
	/** Word ids of unit u: words[unitStart[u] .. unitStart[u+1]). */
	unitStart: Int32Array;
	words: Int32Array;
	/** Inverse document frequency of each word id: frequent words weigh nothing. */
	weight: Float64Array;
	/** Sum of the weights of a unit's words. */
	unitWeight: Float64Array;
	/** Concept ids of word w: concepts[conceptStart[w] .. conceptStart[w+1]). */
	conceptStart: Int32Array;
	concepts: Int32Array;
	/**
	 * How much a match through each concept is worth, 0..1, parallel to `concepts`: 1 for the
	 * lexicon, learned words, cognates and numbers; less for a bilingual dictionary's pair.
	 */
	conceptStrength: Float32Array;
	/**
	 * The strengths a match is counted at, parallel to `concepts`: `conceptStrength`, with a
	 * dictionary concept weakened by its rarity on the other side (weakenByConceptRarity).
	 * Words' concepts are stored once per word, not per occurrence: a book repeats its words
	 * tens of times, and per-occurrence copies of these lists were most of the aligner's memory.
	 */
	matchStrength: Float32Array;
	vocabulary: string[];
}

export interface PairFeatures {
	en: SideFeatures;
	es: SideFeatures;
	conceptCount: number;
	/** Expected Spanish characters per English character, from this document pair. */
	lengthRatio: number;
	/** Variance per character of the length difference (Gale-Church's s²). */
	lengthVariance: number;
}

/** Word translations learned from this document pair: concept id lists per folded word. */
export interface LearnedDictionary {
	en: Map<string, number[]>;
	es: Map<string, number[]>;
	size: number;
}

export interface FeatureOptions {
	lexicon?: Lexicon;
	learned?: LearnedDictionary;
	anchorPairs?: { en: string; es: string }[];
	/** Also match words through this English/Spanish dictionary, at its pairs' strengths. */
	dictionary?: DictionaryLookup;
}

/** Glossary anchors count this many times the rarest word: a term pair is near-proof. */
const ANCHOR_BOOST = 3;

/** Units with fewer words than this also count their whole text as one piece. */
const WHOLE_UNIT_WORDS = 3;

/**
 * One side's units as word ids in compressed rows. Pieces are interned as each unit is split,
 * so a book never holds a string array per unit (for two 5 MB texts those arrays and their
 * strings were the largest thing the aligner allocated).
 */
interface Interned {
	vocabulary: string[];
	unitStart: Int32Array;
	words: Int32Array;
	chars: Float64Array;
}

/**
 * A side being interned: the units' own pieces, plus what the other side decides (a unit of
 * few words whose whole text the other side has too) and the glossary phrases each unit holds.
 */
interface Scanned extends Interned {
	ids: Map<string, number>;
	/** The whole text of each unit of few words (see wholeUnit), by unit. */
	wholes: Map<number, string>;
	/** The glossary phrase pieces (`a:k`) of each unit that has some, by unit. */
	phrases: Map<number, string[]>;
}

/**
 * A unit of few or no words ("...", "$ man 1 bash", "-c --stdout", a table row of numbers) is
 * mostly copied, not translated: its whole text, spaces folded, is one more piece when the
 * other side has the same line, so an identical line is evidence and not nothing.
 */
function wholeUnit(
	text: string,
	/** The unit's distinct pieces other than punctuation. */
	words: number
): string | undefined {
	if (words >= WHOLE_UNIT_WORDS) return undefined;
	return text.trim().replace(/\s+/g, ' ').toLowerCase() || undefined;
}

function idOf(side: Pick<Scanned, 'ids' | 'vocabulary'>, piece: string): number {
	let id = side.ids.get(piece);
	if (id === undefined) {
		id = side.vocabulary.length;
		side.ids.set(piece, id);
		side.vocabulary.push(piece);
	}
	return id;
}

function scan(units: string[], phrases: string[]): Scanned {
	const side: Scanned = {
		ids: new Map(),
		vocabulary: [],
		unitStart: new Int32Array(units.length + 1),
		words: new Int32Array(Math.max(64, units.length * 16)),
		chars: new Float64Array(units.length),
		wholes: new Map(),
		phrases: new Map()
	};
	const foldedPhrases = phrases.map(
		(p) =>
			` ${splitUnit(p)
				.pieces.filter((w) => !w.startsWith('p:'))
				.join(' ')} `
	);
	// splitUnit's pieces, interned as they are found: each spelling of a token is folded and
	// looked up once per text (a book repeats its words tens of times), and a piece seen
	// twice in a unit is told by its id. Same ids, in the same order, as interning splitUnit's.
	const idOfToken = new Map<string, number>();
	let inUnit = new Int32Array(1024).fill(-1);
	let length = 0;
	let words = 0;
	let u = 0;
	const add = (id: number) => {
		if (id >= inUnit.length) {
			const grown = new Int32Array(Math.max(2 * inUnit.length, id + 1)).fill(-1);
			grown.set(inUnit);
			inUnit = grown;
		}
		if (inUnit[id] === u) return;
		inUnit[id] = u;
		if (length === side.words.length) {
			const grown = new Int32Array(2 * side.words.length);
			grown.set(side.words);
			side.words = grown;
		}
		side.words[length++] = id;
		if (!side.vocabulary[id].startsWith('p:')) words++;
	};
	const addToken = (raw: string) => {
		let id = idOfToken.get(raw);
		if (id === undefined) {
			id = idOf(side, foldPiece(raw));
			idOfToken.set(raw, id);
		}
		add(id);
	};
	for (; u < units.length; u++) {
		side.unitStart[u] = length;
		const trimmed = units[u].trim();
		side.chars[u] = trimmed.length;
		words = 0;
		for (const piece of addressPieces(trimmed)) add(idOf(side, piece));
		forEachToken(trimmed, addToken);
		const whole = wholeUnit(units[u], words);
		if (whole) side.wholes.set(u, whole);
		if (phrases.length > 0) {
			const folded = ` ${units[u]
				.split(/[^\p{L}\p{M}\p{N}]+/u)
				.filter(Boolean)
				.map(foldWord)
				.join(' ')} `;
			const found: string[] = [];
			foldedPhrases.forEach((p, k) => {
				if (p.trim() && folded.includes(p)) found.push(`a:${k}`);
			});
			if (found.length > 0) side.phrases.set(u, found);
		}
	}
	side.unitStart[units.length] = length;
	side.words = side.words.subarray(0, length);
	return side;
}

/** The units' rows with the pieces found beside them: each unit's own, `x:` whole text, `a:` phrases. */
function finish(side: Scanned, shared: Set<string>): Interned {
	const units = side.chars.length;
	const extra = new Map<number, number[]>();
	let added = 0;
	for (let u = 0; u < units; u++) {
		const whole = side.wholes.get(u);
		const ids: number[] = [];
		if (whole && shared.has(whole)) ids.push(idOf(side, `x:${whole}`));
		for (const piece of side.phrases.get(u) ?? []) ids.push(idOf(side, piece));
		if (ids.length > 0) {
			extra.set(u, ids);
			added += ids.length;
		}
	}
	const { unitStart, vocabulary, chars } = side;
	if (added === 0) return { vocabulary, unitStart, words: side.words.slice(), chars };
	const words = new Int32Array(side.words.length + added);
	const rows = new Int32Array(units + 1);
	let length = 0;
	for (let u = 0; u < units; u++) {
		rows[u] = length;
		words.set(side.words.subarray(unitStart[u], unitStart[u + 1]), length);
		length += unitStart[u + 1] - unitStart[u];
		for (const id of extra.get(u) ?? []) words[length++] = id;
	}
	rows[units] = length;
	return { vocabulary, unitStart: rows, words, chars };
}

export function buildPairFeatures(
	en: string[],
	es: string[],
	options: FeatureOptions = {}
): PairFeatures {
	const concepts = new Map<string, number>();
	const conceptId = (key: string) => {
		let id = concepts.get(key);
		if (id === undefined) {
			id = concepts.size;
			concepts.set(key, id);
		}
		return id;
	};
	const anchors = options.anchorPairs ?? [];
	const enScan = scan(
		en,
		anchors.map((a) => a.en)
	);
	const esScan = scan(
		es,
		anchors.map((a) => a.es)
	);
	const enWholes = new Set(enScan.wholes.values());
	const shared = new Set<string>();
	for (const w of esScan.wholes.values()) if (enWholes.has(w)) shared.add(w);
	const enSide = buildSide(finish(enScan, shared), 'en', options, conceptId);
	const esSide = buildSide(finish(esScan, shared), 'es', options, conceptId);
	if (options.dictionary) {
		const fromDictionary = new Uint8Array(concepts.size);
		for (const [key, id] of concepts) if (key.startsWith('B')) fromDictionary[id] = 1;
		weakenByConceptRarity(enSide, esSide, fromDictionary);
		weakenByConceptRarity(esSide, enSide, fromDictionary);
	}
	let enChars = 0;
	let esChars = 0;
	for (let u = 0; u < enSide.chars.length; u++) enChars += enSide.chars[u];
	for (let u = 0; u < esSide.chars.length; u++) esChars += esSide.chars[u];
	const lengthRatio = enChars > 0 && esChars > 0 ? esChars / enChars : 1;
	return {
		en: enSide,
		es: esSide,
		conceptCount: concepts.size,
		lengthRatio,
		lengthVariance: 6.8 * lengthRatio
	};
}

/**
 * A dictionary concept found in many units of the other side (a lemma, all its forms counted,
 * or a translation several words share) says little about which unit is the partner: a match
 * through it is worth at most its own rarity there, as a word is worth its rarity (IDF).
 */
function weakenByConceptRarity(
	side: SideFeatures,
	other: SideFeatures,
	fromDictionary: Uint8Array
): void {
	const df = new Int32Array(fromDictionary.length);
	const seen = new Int32Array(fromDictionary.length).fill(-1);
	for (let u = 0; u < other.units; u++)
		for (let k = other.unitStart[u]; k < other.unitStart[u + 1]; k++) {
			const w = other.words[k];
			for (let c = other.conceptStart[w]; c < other.conceptStart[w + 1]; c++) {
				const concept = other.concepts[c];
				if (fromDictionary[concept] && seen[concept] !== u) {
					seen[concept] = u;
					df[concept]++;
				}
			}
		}
	// Once per word (every word of the vocabulary occurs): a match is worth the same anywhere.
	for (let w = 0; w < side.vocabulary.length; w++) {
		const own = side.weight[w];
		if (own <= 0) continue;
		for (let c = side.conceptStart[w]; c < side.conceptStart[w + 1]; c++) {
			const concept = side.concepts[c];
			if (!fromDictionary[concept] || df[concept] === 0) continue;
			const rarity = Math.log((other.units + 1) / df[concept]);
			side.matchStrength[c] *= Math.min(1, rarity / own);
		}
	}
}

/**
 * The same features with a learned dictionary's entries added to each word's concepts:
 * the second pass reuses the words, weights and lexicon lookups of the first.
 */
export function withLearned(base: PairFeatures, learned: LearnedDictionary): PairFeatures {
	const first = base.conceptCount;
	const extend = (side: SideFeatures, entries: Map<string, number[]>): SideFeatures => {
		const { vocabulary } = side;
		const extra: (number[] | undefined)[] = vocabulary.map((word) => entries.get(word));
		const conceptStart = new Int32Array(vocabulary.length + 1);
		for (let w = 0; w < vocabulary.length; w++)
			conceptStart[w + 1] =
				conceptStart[w] + side.conceptStart[w + 1] - side.conceptStart[w] + (extra[w]?.length ?? 0);
		const concepts = new Int32Array(conceptStart[vocabulary.length]);
		const strength = new Float32Array(conceptStart[vocabulary.length]).fill(1);
		for (let w = 0; w < vocabulary.length; w++) {
			let to = conceptStart[w];
			for (let c = side.conceptStart[w]; c < side.conceptStart[w + 1]; c++) {
				strength[to] = side.conceptStrength[c];
				concepts[to++] = side.concepts[c];
			}
			for (const entry of extra[w] ?? []) concepts[to++] = first + entry;
		}
		// Learned features match at the plain strengths: the rarity weakening applies to the
		// first pass only (as it always has; the aligner's output depends on it).
		return { ...side, conceptStart, concepts, conceptStrength: strength, matchStrength: strength };
	};
	return {
		...base,
		en: extend(base.en, learned.en),
		es: extend(base.es, learned.es),
		conceptCount: first + learned.size
	};
}

function buildSide(
	interned: Interned,
	side: 'en' | 'es',
	options: FeatureOptions,
	conceptId: (key: string) => number
): SideFeatures {
	const { vocabulary, unitStart, words } = interned;
	const df = new Int32Array(vocabulary.length);
	for (let k = 0; k < words.length; k++) df[words[k]]++;
	const units = interned.chars.length;
	const weight = new Float64Array(vocabulary.length);
	let maxWeight = 0;
	for (let w = 0; w < vocabulary.length; w++) {
		weight[w] = Math.log((units + 1) / df[w]);
		if (weight[w] > maxWeight) maxWeight = weight[w];
	}
	vocabulary.forEach((word, w) => {
		if (word.startsWith('a:')) weight[w] = Math.max(1, maxWeight) * ANCHOR_BOOST;
	});
	const unitWeight = new Float64Array(units);
	for (let u = 0; u < units; u++)
		for (let k = unitStart[u]; k < unitStart[u + 1]; k++) unitWeight[u] += weight[words[k]];

	const conceptStart = new Int32Array(vocabulary.length + 1);
	const conceptList: number[] = [];
	const strengthList: number[] = [];
	const lexSide = side === 'en' ? 'a' : 'b';
	const full = (id: number) => {
		conceptList.push(id);
		strengthList.push(1);
	};
	vocabulary.forEach((word, w) => {
		conceptStart[w] = conceptList.length;
		for (const key of conceptKeys(word)) full(conceptId(key));
		const lex = options.lexicon?.lookup(lexSide, word);
		if (lex) for (const entry of lex) full(conceptId(`L${entry}`));
		const learned = options.learned?.[side].get(word);
		if (learned) for (const entry of learned) full(conceptId(`D${entry}`));
		if (options.dictionary && !/^[pauzx]:/.test(word))
			for (const { key, strength } of dictionaryConcepts(options.dictionary, word, side)) {
				conceptList.push(conceptId(`B${key}`));
				strengthList.push(strength);
			}
	});
	conceptStart[vocabulary.length] = conceptList.length;
	const conceptStrength = Float32Array.from(strengthList);
	return {
		units,
		chars: interned.chars,
		unitStart,
		words,
		weight,
		unitWeight,
		conceptStart,
		concepts: Int32Array.from(conceptList),
		conceptStrength,
		matchStrength: options.dictionary ? conceptStrength.slice() : conceptStrength,
		vocabulary
	};
}

/** Calls `visit` with the concept of every word of unit u, in text order (repeats included). */
export function forEachConcept(
	side: SideFeatures,
	u: number,
	visit: (concept: number) => void
): void {
	const { unitStart, words, conceptStart, concepts } = side;
	for (let k = unitStart[u]; k < unitStart[u + 1]; k++) {
		const w = words[k];
		for (let c = conceptStart[w]; c < conceptStart[w + 1]; c++) visit(concepts[c]);
	}
}

/** Language-neutral evidence: numbers, punctuation, glossary phrases, shared spellings. */
function conceptKeys(word: string): string[] {
	if (
		word.startsWith('p:') ||
		word.startsWith('a:') ||
		word.startsWith('u:') ||
		word.startsWith('x:')
	)
		return [word];
	if (isNumber(word)) return [`#${word.replace(/^0+(?=\d)/, '')}`];
	if (word.length < 3) return [];
	if (word.length === 3) return [`=${word}`];
	const skeleton = cognateSkeleton(word);
	if (skeleton.length > 4) return [`c:${skeleton.slice(0, 5)}`];
	// A four-letter skeleton also meets the five-letter ones that add a vowel: class → clase,
	// mass → masa, plan → plano.
	if (skeleton.length === 4) return ['', 'a', 'e', 'i', 'o'].map((v) => `c:${skeleton}${v}`);
	return [`=${word}`];
}

/**
 * Measures word overlap between units with stamp arrays, so each pair costs only the
 * length of the two units.
 */
export class OverlapCounter {
	private readonly enStamp: Int32Array;
	private readonly esStamp: Int32Array;
	/** The strongest strength each stamped concept has in the stamped unit. */
	private readonly enStrength: Float32Array;
	private readonly esStrength: Float32Array;
	private enEpoch = 0;
	private esEpoch = 0;
	private currentEn = -1;
	private currentEs = -1;
	/**
	 * Every match counts in full (no dictionary matching, the default): a word is then found
	 * or not, and the strengths need neither storing nor comparing. Same sums, fewer reads:
	 * this is the innermost loop of a book's alignment.
	 */
	private readonly full: boolean;

	/** Each side's words and concepts that can meet the other side (see `matchableWords`). */
	private readonly enMatchable: MatchableWords | undefined;
	private readonly esMatchable: MatchableWords | undefined;

	constructor(private readonly f: PairFeatures) {
		this.enStamp = new Int32Array(f.conceptCount);
		this.esStamp = new Int32Array(f.conceptCount);
		this.enStrength = new Float32Array(f.conceptCount);
		this.esStrength = new Float32Array(f.conceptCount);
		this.full =
			f.en.matchStrength.every((s) => s === 1) && f.es.matchStrength.every((s) => s === 1);
		if (this.full) {
			this.enMatchable = matchableWords(f.en, f.es, f.conceptCount);
			this.esMatchable = matchableWords(f.es, f.en, f.conceptCount);
		}
	}

	/** Weight of the words of en unit i with a counterpart in es unit j. */
	matchedEn = 0;
	/** Weight of the words of es unit j with a counterpart in en unit i. */
	matchedEs = 0;

	/** Counts both directions of overlap between en unit i and es unit j into matchedEn/matchedEs. */
	count(i: number, j: number): void {
		this.matchedEs = this.esFoundIn(i, j);
		this.matchedEn = this.enFoundIn(i, j);
	}

	/** Weight of es unit j's words with a counterpart in en unit i (en i stamped once per run of calls). */
	esFoundIn(i: number, j: number): number {
		if (this.currentEn !== i) {
			this.enEpoch++;
			this.currentEn = i;
			if (this.enMatchable) stampFull(this.enMatchable, i, this.enStamp, this.enEpoch);
			else stamp(this.f.en, i, this.enStamp, this.enStrength, this.enEpoch);
		}
		return this.esMatchable
			? matchedWeightFull(this.f.es, this.esMatchable, j, this.enStamp, this.enEpoch)
			: matchedWeight(this.f.es, j, this.enStamp, this.enStrength, this.enEpoch);
	}

	/** Weight of en unit i's words with a counterpart in es unit j (es j stamped once per run of calls). */
	enFoundIn(i: number, j: number): number {
		if (this.currentEs !== j) {
			this.esEpoch++;
			this.currentEs = j;
			if (this.esMatchable) stampFull(this.esMatchable, j, this.esStamp, this.esEpoch);
			else stamp(this.f.es, j, this.esStamp, this.esStrength, this.esEpoch);
		}
		return this.enMatchable
			? matchedWeightFull(this.f.en, this.enMatchable, i, this.esStamp, this.esEpoch)
			: matchedWeight(this.f.en, i, this.esStamp, this.esStrength, this.esEpoch);
	}

	/** Share of the pair's word weight that has a counterpart: 0 nothing, 1 everything. */
	similarity(i: number, j: number): number {
		const total = this.f.en.unitWeight[i] + this.f.es.unitWeight[j];
		if (total <= 0) return 0;
		this.count(i, j);
		return (this.matchedEn + this.matchedEs) / total;
	}
}

function stamp(
	side: SideFeatures,
	u: number,
	marks: Int32Array,
	strengths: Float32Array,
	epoch: number
): void {
	const { unitStart, words, conceptStart, concepts, matchStrength } = side;
	for (let k = unitStart[u]; k < unitStart[u + 1]; k++) {
		const w = words[k];
		const end = conceptStart[w + 1];
		for (let c = conceptStart[w]; c < end; c++) {
			const concept = concepts[c];
			if (marks[concept] !== epoch) {
				marks[concept] = epoch;
				strengths[concept] = matchStrength[c];
			} else if (matchStrength[c] > strengths[concept]) strengths[concept] = matchStrength[c];
		}
	}
}

/**
 * A side's words as the overlap counts read them when every strength is 1: per unit, only the
 * occurrences of words with a concept that also occurs on the other side, and per word only
 * those concepts. The others can never be found, so the sums are exactly the same (an
 * occurrence not found adds nothing), with far fewer reads in the innermost loop.
 */
interface MatchableWords {
	/** Word ids of unit u's matchable occurrences: words[unitStart[u] .. unitStart[u+1]). */
	unitStart: Int32Array;
	words: Int32Array;
	/** Concept ids of word w that the other side has: concepts[conceptStart[w] .. conceptStart[w+1]). */
	conceptStart: Int32Array;
	concepts: Int32Array;
}

function matchableWords(
	side: SideFeatures,
	other: SideFeatures,
	conceptCount: number
): MatchableWords {
	const onOther = new Uint8Array(conceptCount);
	const otherConcepts = other.concepts;
	for (let c = 0; c < otherConcepts.length; c++) onOther[otherConcepts[c]] = 1;
	const vocabularySize = side.conceptStart.length - 1;
	const conceptStart = new Int32Array(vocabularySize + 1);
	let kept = 0;
	for (let w = 0; w < vocabularySize; w++) {
		for (let c = side.conceptStart[w]; c < side.conceptStart[w + 1]; c++)
			kept += onOther[side.concepts[c]];
		conceptStart[w + 1] = kept;
	}
	const concepts = new Int32Array(kept);
	for (let w = 0, to = 0; w < vocabularySize; w++)
		for (let c = side.conceptStart[w]; c < side.conceptStart[w + 1]; c++)
			if (onOther[side.concepts[c]]) concepts[to++] = side.concepts[c];
	const unitStart = new Int32Array(side.units + 1);
	let occurrences = 0;
	for (let k = 0; k < side.words.length; k++)
		if (conceptStart[side.words[k] + 1] > conceptStart[side.words[k]]) occurrences++;
	const words = new Int32Array(occurrences);
	for (let u = 0, to = 0; u < side.units; u++) {
		for (let k = side.unitStart[u]; k < side.unitStart[u + 1]; k++) {
			const w = side.words[k];
			if (conceptStart[w + 1] > conceptStart[w]) words[to++] = w;
		}
		unitStart[u + 1] = to;
	}
	return { unitStart, words, conceptStart, concepts };
}

/** `stamp` when every strength is 1: marks only. */
function stampFull(side: MatchableWords, u: number, marks: Int32Array, epoch: number): void {
	const { unitStart, words, conceptStart, concepts } = side;
	for (let k = unitStart[u]; k < unitStart[u + 1]; k++) {
		const w = words[k];
		const end = conceptStart[w + 1];
		for (let c = conceptStart[w]; c < end; c++) marks[concepts[c]] = epoch;
	}
}

/**
 * `matchedWeight` when every strength is 1: a word found adds its weight (weight × 1), one
 * not found adds nothing (weight × 0 left the sum as it was), so the sums are the same.
 */
function matchedWeightFull(
	side: SideFeatures,
	matchable: MatchableWords,
	u: number,
	marks: Int32Array,
	epoch: number
): number {
	const { weight } = side;
	const { unitStart, words, conceptStart, concepts } = matchable;
	let total = 0;
	for (let k = unitStart[u]; k < unitStart[u + 1]; k++) {
		const w = words[k];
		const end = conceptStart[w + 1];
		for (let c = conceptStart[w]; c < end; c++)
			if (marks[concepts[c]] === epoch) {
				total += weight[w];
				break;
			}
	}
	return total;
}

/**
 * Weight of unit u's words with a counterpart among the stamped concepts, each word counted
 * at the strength of its best match (a match is as strong as the weaker of its two ends).
 */
function matchedWeight(
	side: SideFeatures,
	u: number,
	marks: Int32Array,
	strengths: Float32Array,
	epoch: number
): number {
	const { unitStart, words, conceptStart, concepts, matchStrength, weight } = side;
	let total = 0;
	for (let k = unitStart[u]; k < unitStart[u + 1]; k++) {
		const w = words[k];
		const end = conceptStart[w + 1];
		let best = 0;
		for (let c = conceptStart[w]; c < end; c++) {
			const concept = concepts[c];
			if (marks[concept] !== epoch) continue;
			const strength = Math.min(matchStrength[c], strengths[concept]);
			if (strength > best) {
				best = strength;
				if (best >= 1) break;
			}
		}
		total += weight[w] * best;
	}
	return total;
}

/** −ln P(length pair | translation), Gale & Church's model with this document's parameters. */
export function lengthCost(
	enChars: number,
	esChars: number,
	ratio: number,
	variance: number
): number {
	if (enChars === 0 && esChars === 0) return 0;
	const mean = (enChars + esChars / ratio) / 2;
	const z = Math.abs((ratio * enChars - esChars) / Math.sqrt(variance * Math.max(mean, 1)));
	// Read from a table (linear between steps of 1/64): the search asks millions of times.
	const x = z * TAIL_STEPS;
	const k = Math.floor(x);
	if (k >= TAIL_TABLE.length - 1) return tailCost(z);
	return TAIL_TABLE[k] + (x - k) * (TAIL_TABLE[k + 1] - TAIL_TABLE[k]);
}

/** −ln of the two-sided normal tail beyond z (Abramowitz & Stegun 26.2.17, as Gale & Church). */
function tailCost(z: number): number {
	const t = 1 / (1 + 0.2316419 * z);
	const poly =
		((((1.330274429 * t - 1.821255978) * t + 1.781477937) * t - 0.356563782) * t + 0.31938153) * t;
	const logTail = Math.log(2 * 0.3989423) - (z * z) / 2 + Math.log(poly);
	return -Math.min(0, logTail);
}

const TAIL_STEPS = 64;
const TAIL_TABLE = Float64Array.from({ length: 40 * TAIL_STEPS + 1 }, (_, k) =>
	tailCost(k / TAIL_STEPS)
);

/**
 * Re-estimates the length variance from pairs believed to be translations (robust: the
 * median squared deviation, scaled to a variance), so noisy translations get a wider model.
 */
export function estimateLengthVariance(f: PairFeatures, pairs: [number, number][]): number {
	const deviations: number[] = [];
	for (const [i, j] of pairs) {
		const l1 = f.en.chars[i];
		const l2 = f.es.chars[j];
		const mean = (l1 + l2 / f.lengthRatio) / 2;
		if (mean < 1) continue;
		deviations.push((f.lengthRatio * l1 - l2) ** 2 / mean);
	}
	if (deviations.length < 10) return f.lengthVariance;
	deviations.sort((a, b) => a - b);
	// For a normal variable, the median of z² is 0.455 σ².
	const estimate = deviations[deviations.length >> 1] / 0.455;
	return Math.min(Math.max(estimate, 2), 200);
}
