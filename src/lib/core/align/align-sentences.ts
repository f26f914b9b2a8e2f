// Sentence alignment of two lists of units: features score beads, anchors narrow the search,
// the banded search picks the beads; then words learned from the confident pairs feed a
// second pass. Every unit ends up in exactly one bead, in order, with a confidence.
import type { Bead } from '../types';
import { bandAroundAnchors, findAnchors } from './anchors';
import {
	buildPairFeatures,
	estimateLengthVariance,
	forEachConcept,
	lengthCost,
	OverlapCounter,
	type FeatureOptions,
	type LearnedDictionary,
	type PairFeatures,
	withLearned
} from './features';
import type { DictionaryLookup } from './dictionary-concepts';
import { learnDictionary } from './learn';
import { parseLexicon, type Lexicon } from './lexicon';
import { closeBand, searchBeads, type Band, type BeadCost, type BeadShape } from './search';
import { EN_ES_LEXICON } from '../../data/lexicon/en-es';

export interface AlignOptions {
	/** Language codes of the two sides; the built-in lexicon is used only for en + es. */
	languages?: { en: string; es: string };
	/** Glossary term pairs that anchor strongly: `{ en: 'OAS', es: 'OEA' }`. */
	anchorPairs?: { en: string; es: string }[];
	/** Paragraph index of every unit; a bead crossing or straddling a break costs more. */
	paragraphs?: { en: number[]; es: number[] };
	/** Learn word translations from the first pass and align again (default true). */
	realign?: boolean;
	/**
	 * The bilingual dictionary's lookup (en + es only; the caller loads it, see
	 * `loadAlignDictionary`): a word pair it confirms is learned for the realignment from a
	 * single co-occurrence in the first pass's confident beads.
	 */
	dictionary?: DictionaryLookup;
	/**
	 * Also match words through the dictionary when scoring beads. Off: it makes neighbouring
	 * sentences share words and costs F1 on the real dev sets (bench:align).
	 */
	matchThroughDictionary?: boolean;
	/**
	 * Told after each pass over the whole text (the first, then each realignment), with the
	 * pairs that pass found: a book takes seconds a pass, and a person waiting sees it move.
	 */
	onPass?: (progress: { pass: number; passes: number; pairs: number }) => void;
}

/** Beads with confidence, plus the model's view of each (for reports and tests). */
export interface ScoredBead extends Bead {
	/** Share of the bead's word weight with a counterpart, 0..1 (null beads: 0). */
	similarity: number;
}

const SHAPES: BeadShape[] = [
	{ en: 1, es: 1 },
	{ en: 1, es: 0 },
	{ en: 0, es: 1 },
	{ en: 2, es: 1 },
	{ en: 1, es: 2 },
	{ en: 2, es: 2 },
	{ en: 3, es: 1 },
	{ en: 1, es: 3 }
];

/** −ln P(shape) / P(1-1), Gale & Church's priors extended to the larger shapes. */
const PRIOR: Record<string, number> = {
	'1-1': 0,
	'2-1': 2.3,
	'1-2': 2.3,
	'2-2': 4.4,
	'3-1': 4.6,
	'1-3': 4.6,
	'3-2': 6,
	'2-3': 6,
	'4-1': 6.5,
	'1-4': 6.5
};

/** Tunable weights of the bead cost; see `beadCost`. */
export const COST = {
	lexical: 2.5,
	length: 0.35,
	/** The damped Gale-Church prior of a 1-0 bead: 0.6 × −ln(0.0099 / 0.89). */
	deletion: 2.7,
	/** −ln of the prior of each shape relative to 1-1, damped. */
	prior: (a: number, b: number) => COST.priorScale * (PRIOR[`${a}-${b}`] ?? 7),
	priorScale: 0.6,
	paragraph: 1.0,
	/**
	 * Added per unit of a merged side that matches nothing on the other side. Off: it keeps
	 * en-es omissions at a block's edge apart, but costs Text+Berg 0.1 F1 (weak evidence there).
	 */
	orphan: 0,
	bandWidth: 8,
	/** An anchor is this many standard deviations above random pairs. */
	anchorSd: 4,
	/** A merged bead's edge unit finding no more there than in this share of random units may be detached. */
	detachQuantile: 0.9,
	/** …when the length fit without it is no worse than this (nats). */
	detachLength: 0.5,
	/** Both diagonal pairs of a 2-2 bead this many standard deviations above random: split it. */
	splitSd: 2,
	/**
	 * Learn-and-realign rounds after the first pass when the pair has no built-in lexicon
	 * (de-fr): the second round finds pairs the first learned dictionary was too thin for.
	 */
	realignPasses: 2,
	/**
	 * …and when it has one (en-es, where the bilingual dictionary also confirms what is
	 * learned): one round. The second costs a third of the aligning time for about one bead in
	 * 1,500 on the real dev set (strict F1 0.992 with one round, 0.993 with two, eight cases)
	 * and loses on the Bible dev set (0.995 with one, 0.990 with two).
	 */
	lexiconRealignPasses: 1,
	/** Half-width of the second pass's band around the first path. */
	realignWidth: 6,
	/** Below this many grid cells the whole grid is searched. */
	fullGrid: 400_000
};

const ORPHAN_SHARE = 0.1;
/** Units of the other side a merged bead's edge unit is compared with. */
const DETACH_SAMPLES = 24;
/** Units with fewer words (pieces) than this are never detached. */
const DETACH_MIN_WORDS = 6;

let sharedLexicon: Lexicon | undefined;
function enEsLexicon(): Lexicon {
	sharedLexicon ??= parseLexicon(EN_ES_LEXICON);
	return sharedLexicon;
}

export function alignSentences(
	en: string[],
	es: string[],
	options: AlignOptions = {}
): ScoredBead[] {
	if (en.length === 0 || es.length === 0) {
		return [
			...en.map((_, i) => ({ en: [i], es: [], confidence: 1, similarity: 0 })),
			...es.map((_, j) => ({ en: [], es: [j], confidence: 1, similarity: 0 }))
		];
	}
	const langs = options.languages ?? { en: 'en', es: 'es' };
	const lexicon = langs.en === 'en' && langs.es === 'es' ? enEsLexicon() : undefined;
	// The dictionary only serves an English/Spanish pair, as the lexicon does.
	const dictionary = lexicon ? options.dictionary : undefined;
	const base: FeatureOptions = {
		lexicon,
		anchorPairs: options.anchorPairs,
		dictionary: options.matchThroughDictionary ? dictionary : undefined
	};
	const features = buildPairFeatures(en, es, base);
	const first = alignPass(features, options);
	if (options.realign === false) return first.beads;
	const realignPasses = lexicon ? COST.lexiconRealignPasses : COST.realignPasses;
	const passes = 1 + realignPasses;
	const told = (pass: number, beads: Bead[]) =>
		options.onPass?.({
			pass,
			passes,
			pairs: beads.filter((b) => b.en.length && b.es.length).length
		});
	told(1, first.beads);
	// Only the beads of a pass are carried to the next, never its features: each pass builds
	// word tables as large as the text (a 5 MB pair: about 70 MB), and holding three passes'
	// at once is what set the peak memory of a book-length alignment.
	const { lengthVariance } = first.features;
	let beads = first.beads;
	// Each realignment learns from the path before it: the second one finds pairs the first
	// dictionary was too thin for (weak evidence: no lexicon, noisy text).
	for (let pass = 0; pass < realignPasses; pass++) {
		const confident = beads.filter(
			(b) => b.en.length > 0 && b.es.length > 0 && b.confidence >= 0.5
		);
		const learned: LearnedDictionary = learnDictionary(features, confident, { dictionary });
		if (learned.size === 0) return beads;
		// The path is right almost everywhere: a realignment only searches close to it.
		const band = closeBand(bandAroundPath(beads, en.length, COST.realignWidth), es.length);
		const priors = shapePriors(beads);
		beads = alignPass(
			{ ...withLearned(features, learned), lengthVariance },
			options,
			band,
			priors
		).beads;
		told(pass + 2, beads);
	}
	return beads;
}

/**
 * How far above random pairs each unit pair scores, in standard deviations: what passage
 * pairing uses to find which stretches translate each other before aligning them. With it,
 * the few units of the other side worth scoring for each unit (those sharing its rarest
 * words), so that pairing long documents never compares every sentence with every other.
 */
export function unitPairScores(
	en: string[],
	es: string[],
	options: AlignOptions = {}
): {
	score: (i: number, j: number) => number;
	enCandidates: (i: number) => number[];
	esCandidates: (j: number) => number[];
} {
	const langs = options.languages ?? { en: 'en', es: 'es' };
	const lexicon = langs.en === 'en' && langs.es === 'es' ? enEsLexicon() : undefined;
	const f = buildPairFeatures(en, es, { lexicon, anchorPairs: options.anchorPairs });
	const overlap = new OverlapCounter(f);
	const random = randomSimilarity(overlap, en.length, es.length);
	const score = (i: number, j: number) => (overlap.similarity(i, j) - random.mean) / random.sd;
	const enToEs = sharedRareConcepts(f.en, f.es, f.conceptCount);
	const esToEn = sharedRareConcepts(f.es, f.en, f.conceptCount);
	return { score, enCandidates: enToEs, esCandidates: esToEn };
}

/** A concept in more units than this says little about which unit is the partner. */
const CANDIDATE_DF = 50;
/** Units of the other side kept per unit, best shared weight first. */
const CANDIDATES = 12;

/**
 * For each unit of `from`, the units of `to` with the most weight of rare concepts in
 * common (inverted lists over `to`; cost proportional to the shared postings).
 */
function sharedRareConcepts(
	from: PairFeatures['en'],
	to: PairFeatures['en'],
	conceptCount: number
): (u: number) => number[] {
	const df = new Int32Array(conceptCount);
	const seen = new Int32Array(conceptCount).fill(-1);
	for (let u = 0; u < to.units; u++)
		forEachConcept(to, u, (concept) => {
			if (seen[concept] !== u) {
				seen[concept] = u;
				df[concept]++;
			}
		});
	const start = new Int32Array(conceptCount + 1);
	for (let c = 0; c < conceptCount; c++)
		start[c + 1] = start[c] + (df[c] <= CANDIDATE_DF ? df[c] : 0);
	const postings = new Int32Array(start[conceptCount]);
	const fill = start.slice(0, conceptCount);
	seen.fill(-1);
	for (let u = 0; u < to.units; u++)
		forEachConcept(to, u, (concept) => {
			if (df[concept] <= CANDIDATE_DF && seen[concept] !== u) {
				seen[concept] = u;
				postings[fill[concept]++] = u;
			}
		});
	const weight = new Float64Array(to.units);
	const conceptSeen = new Int32Array(conceptCount);
	let call = 0;
	return (u) => {
		call++;
		const touched: number[] = [];
		for (let k = from.unitStart[u]; k < from.unitStart[u + 1]; k++) {
			const w = from.words[k];
			for (let c = from.conceptStart[w]; c < from.conceptStart[w + 1]; c++) {
				const concept = from.concepts[c];
				if (conceptSeen[concept] === call) continue;
				conceptSeen[concept] = call;
				// Rarer on the other side, stronger: a word found once points at one unit.
				const share = from.weight[w] / Math.max(1, end(concept) - start[concept]);
				for (let p = start[concept]; p < end(concept); p++) {
					if (weight[postings[p]] === 0) touched.push(postings[p]);
					weight[postings[p]] += share;
				}
			}
		}
		touched.sort((a, b) => weight[b] - weight[a] || a - b);
		const kept = touched.slice(0, CANDIDATES);
		for (const v of touched) weight[v] = 0;
		return kept;
	};
	function end(concept: number) {
		return start[concept + 1];
	}
}

interface PassResult {
	beads: ScoredBead[];
	features: PairFeatures;
}

/** One search over the bead grid; with a fixed band (second pass) the length model is kept. */
function alignPass(
	features: PairFeatures,
	options: AlignOptions,
	fixedBand?: Band,
	shapeCosts?: number[]
): PassResult {
	const f = { ...features };
	const overlap = new OverlapCounter(f);
	const n = f.en.units;
	const m = f.es.units;
	const random = randomSimilarity(overlap, n, m);
	const anchors = fixedBand
		? []
		: findAnchors(f, overlap, Math.max(random.mean + COST.anchorSd * random.sd, 0.2));
	if (!fixedBand)
		f.lengthVariance = estimateLengthVariance(
			f,
			anchors.map((a) => [a.en, a.es])
		);
	const band =
		fixedBand ??
		((n + 1) * (m + 1) <= COST.fullGrid
			? fullBand(n, m)
			: closeBand(bandAroundAnchors(anchors, n, m, COST.bandWidth), m));
	const matches = new MatchTable(overlap, band, n, m);
	const para = paragraphBreaks(options.paragraphs, n, m);
	const lexicalScale = 1 / Math.max(0.05, 1 - random.mean);

	// A unit's matched weight in a merged bead is capped at its own weight: a word found in
	// both units of the other side counts once (nearly: the cap is exact only per unit).
	// Units of a merged side that match nothing are probably omissions glued to a neighbour.
	let orphans = 0;
	// Each unit's own share of matched weight, pulled towards what a random pair finds by a
	// pseudo-count of about one word: a unit of one or two words proves little either way.
	// The bead pays for every unit's unmatched share, so a unit that matches nothing costs
	// as much glued to a neighbour's pair as paired alone: a short condensed sentence is not
	// hidden inside a well-matched bead, and an omission is not buried in it.
	let unmatched = 0;
	const pseudoEn = meanWordWeight(f.en);
	const pseudoEs = meanWordWeight(f.es);
	const neutral = random.mean;
	const similarityOf = (i0: number, i1: number, j0: number, j1: number) => {
		let matched = 0;
		let total = 0;
		orphans = 0;
		unmatched = 0;
		const merged = i1 - i0 > 1 || j1 - j0 > 1;
		for (let i = i0; i < i1; i++) {
			let found = 0;
			for (let j = j0; j < j1; j++) found += matches.en(i, j);
			const own = f.en.unitWeight[i];
			matched += Math.min(found, own);
			total += own;
			unmatched += 1 - (Math.min(found, own) + pseudoEn * neutral) / (own + pseudoEn);
			if (merged && i1 - i0 > 1 && own > 0 && found < ORPHAN_SHARE * own) orphans++;
		}
		for (let j = j0; j < j1; j++) {
			let found = 0;
			for (let i = i0; i < i1; i++) found += matches.es(i, j);
			const own = f.es.unitWeight[j];
			matched += Math.min(found, own);
			total += own;
			unmatched += 1 - (Math.min(found, own) + pseudoEs * neutral) / (own + pseudoEs);
			if (merged && j1 - j0 > 1 && own > 0 && found < ORPHAN_SHARE * own) orphans++;
		}
		return total > 0 ? matched / total : 0;
	};
	const enChars = prefixSums(f.en.chars);
	const esChars = prefixSums(f.es.chars);
	const lengthOf = (i0: number, i1: number, j0: number, j1: number) =>
		lengthCost(
			enChars[i1] - enChars[i0],
			esChars[j1] - esChars[j0],
			f.lengthRatio,
			f.lengthVariance
		);
	const priors = shapeCosts ?? SHAPES.map((shape) => COST.prior(shape.en, shape.es));
	// The least each unit can add to `unmatched` (all of its weight found), computed as
	// similarityOf computes its share: a bead's cost without its word matching is then a
	// lower bound of its cost, exactly (rounding is monotone), and a merged bead that cannot
	// beat the best way into its cell is not matched at all (most merged beads tried).
	const leastUnmatched = (own: number, pseudo: number) =>
		own + pseudo > 0 ? 1 - (own + pseudo * neutral) / (own + pseudo) : -Infinity;
	const leastEn = f.en.unitWeight.map((own) => leastUnmatched(own, pseudoEn));
	const leastEs = f.es.unitWeight.map((own) => leastUnmatched(own, pseudoEs));
	const cost: BeadCost = (i, j, shape, shapeIndex, before, best) => {
		const a = shape.en;
		const b = shape.es;
		let total = para ? para.cost(i - a, i, j - b, j) : 0;
		if (a === 0 || b === 0) {
			// An empty unit (a blank line) has nothing to translate: leaving it out is free.
			const empty = a > 0 ? f.en.chars[i - 1] === 0 : f.es.chars[j - 1] === 0;
			return total + (empty ? 0 : COST.deletion);
		}
		const length = lengthOf(i - a, i, j - b, j);
		if (a + b > 2) {
			// The same sums as below, in the same order, with every unit fully matched.
			let least = 0;
			for (let u = i - a; u < i; u++) least += leastEn[u];
			for (let u = j - b; u < j; u++) least += leastEs[u];
			const floor = total + COST.lexical * lexicalScale * (least / 2) + COST.length * length;
			if (before + (floor + priors[shapeIndex]) >= best) return Infinity;
		}
		similarityOf(i - a, i, j - b, j);
		total += COST.lexical * lexicalScale * (unmatched / 2);
		total += COST.length * length + COST.orphan * orphans;
		return total + priors[shapeIndex];
	};
	// Every bead costs at least its prior (a deletion: its deletion cost, or nothing when
	// some unit is empty).
	const hasEmpty = f.en.chars.includes(0) || f.es.chars.includes(0);
	const floors = SHAPES.map((shape, s) =>
		shape.en === 0 || shape.es === 0 ? (hasEmpty ? 0 : COST.deletion) : priors[s]
	);
	const path = searchBeads(band, SHAPES, cost, floors);

	// A merged bead's edge unit with no lexical support that also spoils the length fit is
	// most likely the first or last unit of an omitted block, glued on: it becomes a deletion.
	// "No support" is measured against the unit itself: its share found in the bead is no
	// better than what it finds in most units of the other side picked across the document
	// (function words alone find something anywhere).
	const shareIn = (unit: number, enSide: boolean, from: number, to: number) => {
		const own = enSide ? f.en.unitWeight[unit] : f.es.unitWeight[unit];
		let found = 0;
		for (let k = from; k < to; k++)
			if (enSide) {
				overlap.count(unit, k);
				found += overlap.matchedEn;
			} else {
				overlap.count(k, unit);
				found += overlap.matchedEs;
			}
		return Math.min(found, own) / own;
	};
	const unsupported = (unit: number, enSide: boolean, from: number, to: number) => {
		const own = enSide ? f.en.unitWeight[unit] : f.es.unitWeight[unit];
		// Support measured on a few words is noise: short fragments stay where the search put them.
		const side = enSide ? f.en : f.es;
		if (own <= 0 || side.unitStart[unit + 1] - side.unitStart[unit] < DETACH_MIN_WORDS)
			return false;
		const share = shareIn(unit, enSide, from, to);
		const others = enSide ? m : n;
		const samples: number[] = [];
		for (let s = 0; s < DETACH_SAMPLES; s++) {
			const k = Math.floor(((s + 0.5) * others) / DETACH_SAMPLES);
			if (k >= from - 1 && k <= to) continue;
			samples.push(shareIn(unit, enSide, k, k + 1));
		}
		if (samples.length < 5) return false;
		samples.sort((x, y) => x - y);
		return share <= samples[Math.floor(COST.detachQuantile * (samples.length - 1))];
	};
	const spans: [number, number, number, number][] = [];
	let i = 0;
	let j = 0;
	const z = (i: number, j: number) => (overlap.similarity(i, j) - random.mean) / random.sd;
	for (const shape of path) {
		// A 2-2 bead whose two diagonal pairs each translate (well above random) while the
		// crossed pairs share little (no sentence runs over into the other's partner) is two
		// 1-1 pairs: merging let each side borrow words from the other pair, which is cheap
		// evidence, not a crossing translation.
		if (shape.en === 2 && shape.es === 2) {
			const d0 = z(i, j);
			const d1 = z(i + 1, j + 1);
			if (
				Math.min(d0, d1) > COST.splitSd &&
				Math.max(z(i, j + 1), z(i + 1, j)) < Math.min(d0, d1) / 2
			) {
				spans.push([i, i + 1, j, j + 1], [i + 1, i + 2, j + 1, j + 2]);
				i += 2;
				j += 2;
				continue;
			}
		}
		let [i0, i1, j0, j1] = [i, i + shape.en, j, j + shape.es];
		const after: [number, number, number, number][] = [];
		for (let changed = true; changed && i1 > i0 && j1 > j0 && i1 - i0 + j1 - j0 > 2;) {
			changed = false;
			const fit = lengthOf(i0, i1, j0, j1);
			const tries: [number, number, number, number, boolean][] =
				i1 - i0 > 1
					? [
							[i0 + 1, i1, j0, j1, true],
							[i0, i1 - 1, j0, j1, false]
						]
					: [
							[i0, i1, j0 + 1, j1, true],
							[i0, i1, j0, j1 - 1, false]
						];
			for (const [a0, a1, b0, b1, first] of tries) {
				const enSide = a1 - a0 < i1 - i0;
				const unit = enSide ? (first ? i0 : i1 - 1) : first ? j0 : j1 - 1;
				if (lengthOf(a0, a1, b0, b1) >= fit + COST.detachLength) continue;
				if (!unsupported(unit, enSide, enSide ? j0 : i0, enSide ? j1 : i1)) continue;
				const alone: [number, number, number, number] = enSide
					? [unit, unit + 1, first ? j0 : j1, first ? j0 : j1]
					: [first ? i0 : i1, first ? i0 : i1, unit, unit + 1];
				if (first) spans.push(alone);
				else after.unshift(alone);
				[i0, i1, j0, j1] = [a0, a1, b0, b1];
				changed = true;
				break;
			}
		}
		spans.push([i0, i1, j0, j1], ...after);
		i += shape.en;
		j += shape.es;
	}

	const beads: ScoredBead[] = [];
	for (const [i0, i1, j0, j1] of spans) {
		const enUnits = range(i0, i1);
		const esUnits = range(j0, j1);
		if (i1 > i0 && j1 > j0) {
			const similarity = similarityOf(i0, i1, j0, j1);
			const z = (similarity - random.mean) / random.sd;
			const lengthPenalty = Math.exp(-Math.max(0, lengthOf(i0, i1, j0, j1) - 2) / 3);
			beads.push({
				en: enUnits,
				es: esUnits,
				confidence: round(sigmoid(0.9 * (z - 3)) * lengthPenalty),
				similarity
			});
		} else {
			// A deletion is sure when nothing nearby on the other side resembles it.
			const closest = bestNearby(overlap, i1 > i0 ? i0 : -1, j1 > j0 ? j0 : -1, i0, j0, n, m);
			const z = (closest - random.mean) / random.sd;
			beads.push({
				en: enUnits,
				es: esUnits,
				confidence: round(sigmoid(0.9 * (3 - z))),
				similarity: 0
			});
		}
	}
	return { beads, features: f };
}

/** Similarity of pairs drawn at random from this document pair: the floor a score is measured from. */
function randomSimilarity(
	overlap: OverlapCounter,
	n: number,
	m: number
): { mean: number; sd: number } {
	let state = 0x9e3779b9;
	const next = () => {
		state = (state + 0x6d2b79f5) >>> 0;
		let t = state;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
	const samples = Math.min(3000, n * m);
	const values = new Float64Array(samples);
	const exhaustive = samples === n * m;
	for (let s = 0; s < samples; s++) {
		values[s] = exhaustive
			? overlap.similarity(Math.floor(s / m), s % m)
			: overlap.similarity(Math.floor(next() * n), Math.floor(next() * m));
	}
	// About one pair in max(n, m) is a true translation; in a short text they would inflate the
	// floor, so the top share of that size is left out.
	values.sort();
	const kept = Math.max(1, samples - Math.ceil((samples * 1.5) / Math.max(n, m)));
	let sum = 0;
	let sumSquares = 0;
	for (let s = 0; s < kept; s++) {
		sum += values[s];
		sumSquares += values[s] * values[s];
	}
	const mean = sum / kept;
	const sd = Math.sqrt(Math.max(0, sumSquares / kept - mean * mean));
	return { mean, sd: Math.max(sd, 0.03) };
}

function bestNearby(
	overlap: OverlapCounter,
	enUnit: number,
	esUnit: number,
	i: number,
	j: number,
	n: number,
	m: number
): number {
	let best = 0;
	for (let d = -2; d <= 2; d++) {
		if (enUnit >= 0 && j + d >= 0 && j + d < m)
			best = Math.max(best, overlap.similarity(enUnit, j + d));
		if (esUnit >= 0 && i + d >= 0 && i + d < n)
			best = Math.max(best, overlap.similarity(i + d, esUnit));
	}
	return best;
}

/** Pairwise matched weight, precomputed for the unit pairs the band can use. */
class MatchTable {
	private readonly lo: Int32Array;
	private readonly hi: Int32Array;
	private readonly start: Int32Array;
	private readonly enValues: Float64Array;
	private readonly esValues: Float64Array;

	constructor(
		private readonly overlap: OverlapCounter,
		band: Band,
		n: number,
		m: number
	) {
		this.lo = new Int32Array(n);
		this.hi = new Int32Array(n);
		this.start = new Int32Array(n + 1);
		const reach = Math.max(...SHAPES.map((s) => Math.max(s.en, s.es))); // the widest shape
		for (let i = 0; i < n; i++) {
			let lo = Infinity;
			let hi = -Infinity;
			for (let r = i + 1; r <= Math.min(n, i + reach); r++) {
				lo = Math.min(lo, band.lo[r] - reach);
				hi = Math.max(hi, band.hi[r] - 1);
			}
			this.lo[i] = Math.max(0, lo);
			this.hi[i] = Math.min(m - 1, hi);
			this.start[i + 1] = this.start[i] + Math.max(0, this.hi[i] - this.lo[i] + 1);
		}
		this.enValues = new Float64Array(this.start[n]);
		this.esValues = new Float64Array(this.start[n]);
		// Row by row for one direction, column by column for the other: each unit is stamped
		// once per sweep instead of once per pair.
		for (let i = 0; i < n; i++)
			for (let j = this.lo[i]; j <= this.hi[i]; j++)
				this.esValues[this.start[i] + j - this.lo[i]] = overlap.esFoundIn(i, j);
		const byColumn = new Int32Array(m + 1);
		for (let i = 0; i < n; i++) for (let j = this.lo[i]; j <= this.hi[i]; j++) byColumn[j + 1]++;
		for (let j = 0; j < m; j++) byColumn[j + 1] += byColumn[j];
		const rows = new Int32Array(this.start[n]);
		const fill = byColumn.slice(0, m);
		for (let i = 0; i < n; i++) for (let j = this.lo[i]; j <= this.hi[i]; j++) rows[fill[j]++] = i;
		for (let j = 0; j < m; j++)
			for (let k = byColumn[j]; k < byColumn[j + 1]; k++) {
				const i = rows[k];
				this.enValues[this.start[i] + j - this.lo[i]] = overlap.enFoundIn(i, j);
			}
	}

	/** Weight of en unit i's words found in es unit j. */
	en(i: number, j: number): number {
		if (j >= this.lo[i] && j <= this.hi[i]) return this.enValues[this.start[i] + j - this.lo[i]];
		this.overlap.count(i, j);
		return this.overlap.matchedEn;
	}

	/** Weight of es unit j's words found in en unit i. */
	es(i: number, j: number): number {
		if (j >= this.lo[i] && j <= this.hi[i]) return this.esValues[this.start[i] + j - this.lo[i]];
		this.overlap.count(i, j);
		return this.overlap.matchedEs;
	}
}

function paragraphBreaks(paragraphs: AlignOptions['paragraphs'], n: number, m: number) {
	if (!paragraphs || paragraphs.en.length !== n || paragraphs.es.length !== m) return undefined;
	const { en, es } = paragraphs;
	// A break after unit u: the next unit starts another paragraph.
	const enBreak = (u: number) => u >= n - 1 || en[u] !== en[u + 1];
	const esBreak = (u: number) => u >= m - 1 || es[u] !== es[u + 1];
	return {
		cost(i0: number, i1: number, j0: number, j1: number): number {
			let penalty = 0;
			for (let i = i0; i < i1 - 1; i++) if (enBreak(i)) penalty += COST.paragraph;
			for (let j = j0; j < j1 - 1; j++) if (esBreak(j)) penalty += COST.paragraph;
			if (i1 > i0 && j1 > j0 && enBreak(i1 - 1) !== esBreak(j1 - 1)) penalty += COST.paragraph / 2;
			return penalty;
		}
	};
}

/** Rows of the grid the beads pass through, widened by `width` columns each side. */
function bandAroundPath(beads: Bead[], n: number, width: number): Band {
	const lo = new Int32Array(n + 1).fill(2 ** 30);
	const hi = new Int32Array(n + 1).fill(-1);
	let i = 0;
	let j = 0;
	const visit = () => {
		lo[i] = Math.min(lo[i], j - width);
		hi[i] = Math.max(hi[i], j + width);
	};
	visit();
	for (const bead of beads) {
		// Every grid point the bead's staircase touches, so 1-0 / 0-1 runs stay inside.
		for (let k = 0; k < bead.es.length; k++) {
			j++;
			visit();
		}
		for (let k = 0; k < bead.en.length; k++) {
			i++;
			visit();
		}
	}
	return { lo, hi };
}

function fullBand(n: number, m: number): Band {
	return { lo: new Int32Array(n + 1), hi: new Int32Array(n + 1).fill(m) };
}

/** Gale-Church's priors, as pseudo-counts of this many beads, when the priors are re-estimated. */
const PRIOR_PSEUDO_BEADS = 50;

/**
 * The cost of each merged shape re-estimated from the path of the pass before (the way the
 * length variance is): how this document pair's translator works. A documentation page
 * translated sentence by sentence makes 2-2 beads expensive. Gale-Church's priors weigh as PRIOR_PSEUDO_BEADS beads so a
 * short text stays close to them. Deletions keep their fixed cost: the omissions are what
 * the next pass must still be free to find.
 */
function shapePriors(beads: Bead[]): number[] {
	const counts = new Map<string, number>();
	let total = 0;
	for (const bead of beads) {
		if (bead.en.length === 0 || bead.es.length === 0) continue;
		const key = `${bead.en.length}-${bead.es.length}`;
		counts.set(key, (counts.get(key) ?? 0) + 1);
		total++;
	}
	const gc = (key: string) => Math.exp(-(PRIOR[key] ?? 7));
	const gcTotal = SHAPES.filter((s) => s.en > 0 && s.es > 0).reduce(
		(sum, s) => sum + gc(`${s.en}-${s.es}`),
		0
	);
	const p = (key: string) =>
		((counts.get(key) ?? 0) + (PRIOR_PSEUDO_BEADS * gc(key)) / gcTotal) /
		(total + PRIOR_PSEUDO_BEADS);
	// Never cheaper than Gale-Church's: merges the first pass made wrongly would otherwise
	// vote for more of themselves.
	return SHAPES.map((shape) =>
		shape.en === 0 || shape.es === 0
			? 0
			: Math.max(
					COST.prior(shape.en, shape.es),
					COST.priorScale * -Math.log(p(`${shape.en}-${shape.es}`) / p('1-1'))
				)
	);
}

/** Mean weight of a word occurrence on one side: the pseudo-count of the unit shares. */
function meanWordWeight(side: PairFeatures['en']): number {
	let sum = 0;
	const { words, weight } = side;
	for (let k = 0; k < words.length; k++) sum += weight[words[k]];
	return side.words.length > 0 ? sum / side.words.length : 1;
}

function prefixSums(values: Float64Array): Float64Array {
	const sums = new Float64Array(values.length + 1);
	for (let k = 0; k < values.length; k++) sums[k + 1] = sums[k] + values[k];
	return sums;
}

/**
 * The units from..to-1. Built at its exact size: an array grown by push reserves 17 slots
 * for one unit, and a book's 70,000 beads hold two such arrays each (three bead lists, one
 * per pass, made a book's alignment 80 MB heavier).
 */
function range(from: number, to: number): number[] {
	switch (to - from) {
		case 0:
			return [];
		case 1:
			return [from];
		case 2:
			return [from, from + 1];
		case 3:
			return [from, from + 1, from + 2];
	}
	return Array.from({ length: Math.max(0, to - from) }, (_, k) => from + k);
}
const sigmoid = (x: number) => 1 / (1 + Math.exp(-x));
const round = (x: number) => Math.round(x * 1000) / 1000;
