// Passage pairing: which English runs of a document translate which Spanish runs (far apart,
// other material between, one run possibly translating two), with the sentence alignment
// inside each pair; and which same-language runs repeat each other with small edits.
import { ok, fail, type Result } from '../errors';
import type { Bead, Detection, LanguageRun } from '../types';
import { detectLanguages } from '../detect';
import { checkUserText } from '../text/decode';
import { alignSentences, unitPairScores, type AlignOptions } from './align-sentences';
import { findRepeatedPassages, type RepeatedStretch } from '../repeats/find-repeats';

export interface PassagePair {
	/** Indices into `runs` of the English and Spanish runs that take part. */
	enRuns: number[];
	esRuns: number[];
	/** Sentence indices (into the detection's sentences) of the paired stretch on each side. */
	enSentences: number[];
	esSentences: number[];
	/** Sentence alignment inside the pair; bead indices are sentence indices of the document. */
	beads: Bead[];
	/** Share of the pair's sentences in confident beads, 0..1. */
	score: number;
}

export interface PassagePairing {
	pairs: PassagePair[];
	/** English or Spanish runs (indices into `runs`) with no counterpart. */
	unpaired: number[];
	/** Passages the (English-side) document prints again, as sentence ranges; later copies are never paired. */
	repeats: RepeatedStretch[];
}

/** A bead counts as evidence of translation from this confidence up. */
const CONFIDENT = 0.5;
/** A run pairs when this share of its sentences clearly match the other side. */
const MIN_COVERAGE = 0.5;

interface Side {
	texts: string[];
	runs: LanguageRun[];
}

/** Pairs the English and Spanish runs of one mixed document, as the detector found them. */
export function pairPassages(
	text: string,
	detection: Detection,
	options: AlignOptions = {}
): PassagePairing {
	const texts = detection.sentences.map((s) => text.slice(s.start, s.end));
	const side = { texts, runs: detection.runs };
	return pairRuns(side, side, options);
}

/** The same across two documents: the English runs of one file against the Spanish runs of the other. */
export function alignDocuments(
	enText: string,
	esText: string,
	options: AlignOptions = {}
): PassagePairing & { en: Detection; es: Detection } {
	const en = detectLanguages(enText);
	const es = detectLanguages(esText);
	const enSide = { texts: en.sentences.map((s) => enText.slice(s.start, s.end)), runs: en.runs };
	const esSide = { texts: es.sentences.map((s) => esText.slice(s.start, s.end)), runs: es.runs };
	return { ...pairRuns(enSide, esSide, options), en, es };
}

/** Up to this many sentences on the other side, each sentence is compared with all of them. */
const EXHAUSTIVE = 400;

/** A sentence pair this many standard deviations above random pairs is strong evidence. */
const STRONG = 4;

function pairRuns(enSide: Side, esSide: Side, options: AlignOptions): PassagePairing {
	const runIndices = (side: Side, lang: string) =>
		side.runs.flatMap((run, k) => (run.lang === lang ? [k] : []));
	const enRunIds = runIndices(enSide, 'en');
	const esRunIds = runIndices(esSide, 'es');
	// Later copies of a repeated passage are shown as repeats, never paired as translations.
	const repeats = findRepeatedPassages(enSide.texts);
	const esRepeats = esSide === enSide ? repeats : findRepeatedPassages(esSide.texts);
	const copiesOf = (found: RepeatedStretch[]) =>
		new Set(found.flatMap((r) => range(r.second.start, r.second.end)));
	const copies = new Map([
		[enSide, copiesOf(repeats)],
		[esSide, copiesOf(esRepeats)]
	]);
	const sentencesOf = (side: Side, ids: number[]) =>
		ids
			.flatMap((k) => range(side.runs[k].sentenceStart, side.runs[k].sentenceEnd))
			.filter((s) => !copies.get(side)!.has(s));
	const enSentences = sentencesOf(enSide, enRunIds);
	const esSentences = sentencesOf(esSide, esRunIds);
	if (enSentences.length === 0 || esSentences.length === 0)
		return { pairs: [], unpaired: [...enRunIds, ...esRunIds], repeats };
	const enTexts = enSentences.map((k) => enSide.texts[k]);
	const esTexts = esSentences.map((k) => esSide.texts[k]);
	const scores = unitPairScores(enTexts, esTexts, options);
	const z = scores.score;

	// Each run of either side looks for the stretch of the other side its sentences match.
	const regions: Region[] = [];
	for (const k of esRunIds) {
		const own = positions(esSentences, esSide.runs[k]);
		const region = matchRegion(
			own,
			enSentences.length,
			(mine, other) => z(other, mine),
			scores.esCandidates
		);
		if (region) regions.push({ en: region.other, es: region.own });
	}
	for (const k of enRunIds) {
		const own = positions(enSentences, enSide.runs[k]);
		const region = matchRegion(
			own,
			esSentences.length,
			(mine, other) => z(mine, other),
			scores.enCandidates
		);
		if (region) regions.push({ en: region.own, es: region.other });
	}
	const pairs: PassagePair[] = [];
	for (const region of mergeRegions(regions)) {
		const en = range(region.en[0], region.en[1] + 1);
		const es = range(region.es[0], region.es[1] + 1);
		const beads = alignSentences(
			en.map((p) => enTexts[p]),
			es.map((p) => esTexts[p]),
			options
		);
		const units = en.length + es.length;
		const covered = beads
			.filter((b) => b.en.length && b.es.length && b.confidence >= CONFIDENT)
			.reduce((t, b) => t + b.en.length + b.es.length, 0);
		const toSentence = (b: Bead): Bead => ({
			en: b.en.map((k) => enSentences[en[k]]),
			es: b.es.map((k) => esSentences[es[k]]),
			confidence: b.confidence
		});
		const enIds = en.map((p) => enSentences[p]);
		const esIds = es.map((p) => esSentences[p]);
		pairs.push({
			enRuns: enRunIds.filter((k) =>
				enIds.some((x) => x >= enSide.runs[k].sentenceStart && x < enSide.runs[k].sentenceEnd)
			),
			esRuns: esRunIds.filter((k) =>
				esIds.some((x) => x >= esSide.runs[k].sentenceStart && x < esSide.runs[k].sentenceEnd)
			),
			enSentences: enIds,
			esSentences: esIds,
			beads: beads.map(toSentence),
			score: Math.round((covered / units) * 1000) / 1000
		});
	}
	const paired = new Set(
		pairs.flatMap((p) => [...p.enRuns.map((k) => `en${k}`), ...p.esRuns.map((k) => `es${k}`)])
	);
	const unpaired = [
		...enRunIds.filter((k) => !paired.has(`en${k}`)),
		...esRunIds.filter((k) => !paired.has(`es${k}`))
	].sort((a, b) => a - b);
	return { pairs, unpaired, repeats };
}

interface Region {
	en: [number, number];
	es: [number, number];
}

/** Positions (in the side's sentence list) of a run's sentences. */
function positions(sentences: number[], run: LanguageRun): number[] {
	return sentences.flatMap((s, p) => (s >= run.sentenceStart && s < run.sentenceEnd ? [p] : []));
}

/**
 * The stretch of the other side that a run translates: each of its sentences picks its
 * clearly best partner; the increasing chain of those must cover a good share of the run.
 * Only the candidates (sentences sharing rare words) are scored once the other side is
 * long, so pairing stays near-linear in the document's length.
 */
function matchRegion(
	own: number[],
	otherCount: number,
	score: (mine: number, other: number) => number,
	candidates: (mine: number) => number[]
): { own: [number, number]; other: [number, number] } | undefined {
	if (own.length === 0) return undefined;
	const matches: [number, number][] = [];
	const everyone = otherCount <= EXHAUSTIVE ? range(0, otherCount) : undefined;
	for (const mine of own) {
		let best = -1;
		let bestScore = -Infinity;
		let second = -Infinity;
		for (const other of everyone ?? candidates(mine)) {
			const value = score(mine, other);
			if (value > bestScore) {
				second = bestScore;
				bestScore = value;
				best = other;
			} else if (value > second) second = value;
		}
		if (bestScore >= STRONG && bestScore - second >= 1) matches.push([mine, best]);
	}
	const chain = increasingChain(matches);
	if (chain.length < Math.max(2, MIN_COVERAGE * own.length)) return undefined;
	const [firstOwn, firstOther] = chain[0];
	const [lastOwn, lastOther] = chain[chain.length - 1];
	// Unmatched sentences at the ends of the run most likely have partners just beyond the chain.
	const before = firstOwn - own[0];
	const after = own[own.length - 1] - lastOwn;
	return {
		own: [own[0], own[own.length - 1]],
		other: [Math.max(0, firstOther - before), Math.min(otherCount - 1, lastOther + after)]
	};
}

/** Longest chain increasing in both coordinates (inputs are few: quadratic is fine). */
function increasingChain(points: [number, number][]): [number, number][] {
	const length = points.map(() => 1);
	const previous = points.map(() => -1);
	for (let a = 0; a < points.length; a++)
		for (let b = 0; b < a; b++)
			if (points[b][0] < points[a][0] && points[b][1] < points[a][1] && length[b] + 1 > length[a]) {
				length[a] = length[b] + 1;
				previous[a] = b;
			}
	let last = 0;
	for (let a = 1; a < points.length; a++) if (length[a] > length[last]) last = a;
	const chain: [number, number][] = [];
	for (let a = points.length ? last : -1; a >= 0; a = previous[a]) chain.push(points[a]);
	return chain.reverse();
}

/** Regions that overlap on either side are one passage pair (one run translating two). */
function mergeRegions(regions: Region[]): Region[] {
	const overlaps = (x: [number, number], y: [number, number]) => x[0] <= y[1] && y[0] <= x[1];
	const merged: Region[] = [];
	for (const region of regions) {
		let current = {
			en: [...region.en] as [number, number],
			es: [...region.es] as [number, number]
		};
		for (let k = merged.length - 1; k >= 0; k--) {
			const other = merged[k];
			if (overlaps(other.en, current.en) || overlaps(other.es, current.es)) {
				current = {
					en: [Math.min(other.en[0], current.en[0]), Math.max(other.en[1], current.en[1])],
					es: [Math.min(other.es[0], current.es[0]), Math.max(other.es[1], current.es[1])]
				};
				merged.splice(k, 1);
			}
		}
		merged.push(current);
	}
	return merged.sort((a, b) => a.en[0] - b.en[0]);
}

const range = (from: number, to: number) =>
	Array.from({ length: Math.max(0, to - from) }, (_, k) => from + k);

/** What `puente align MIXED --format json` prints: runs, pairs with texts, repeats. */
export interface MixedAlignment {
	runs: { index: number; lang: string; start: number; end: number; sentences: [number, number] }[];
	pairs: (PassagePair & { beadTexts: { en: string; es: string; confidence: number }[] })[];
	unpaired: number[];
	repeats: RepeatedStretch[];
}

export function alignMixedText(raw: string, options: AlignOptions = {}): Result<MixedAlignment> {
	const checked = checkUserText(raw);
	if (!checked.ok) return checked;
	const text = checked.value;
	const detection = detectLanguages(text);
	if (!detection.runs.some((r) => r.lang === 'en') || !detection.runs.some((r) => r.lang === 'es'))
		return fail('side-empty', {
			side: detection.runs.some((r) => r.lang === 'en') ? 'es' : 'en'
		});
	const pairing = pairPassages(text, detection, options);
	const sentenceText = (k: number) =>
		text.slice(detection.sentences[k].start, detection.sentences[k].end);
	return ok({
		runs: detection.runs.map((r, index) => ({
			index,
			lang: r.lang,
			start: r.start,
			end: r.end,
			sentences: [r.sentenceStart, r.sentenceEnd]
		})),
		pairs: pairing.pairs.map((p) => ({
			...p,
			beadTexts: p.beads.map((b) => ({
				en: b.en.map(sentenceText).join(' '),
				es: b.es.map(sentenceText).join(' '),
				confidence: b.confidence
			}))
		})),
		unpaired: pairing.unpaired,
		repeats: pairing.repeats
	});
}
