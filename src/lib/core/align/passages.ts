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
	const sameDocument = enSide === esSide;
	const copies = new Map([
		[enSide, copiesOf(enSide.texts, repeats, sameDocument)],
		[esSide, copiesOf(esSide.texts, esRepeats, sameDocument)]
	]);
	const langs = new Map([enSide, esSide].map((side) => [side, sentenceLanguages(side)]));
	// Inside one document, a copy standing among the other language (a line a translation left
	// as it was) stays in the other side's list as a placeholder: it pairs with its original,
	// which keeps the alignment in step, and is taken out of the pairs afterwards.
	const placeholders = sameDocument
		? strandedCopies(langs.get(enSide)!, copies.get(enSide)!)
		: new Set<number>();
	const sentencesOf = (side: Side, lang: 'en' | 'es') => {
		const own = langs.get(side)!;
		const copied = copies.get(side)!;
		return own.flatMap((l, k) =>
			(l === lang && !copied.has(k)) || (l !== lang && placeholders.has(k)) ? [k] : []
		);
	};
	const enSentences = sentencesOf(enSide, 'en');
	const esSentences = sentencesOf(esSide, 'es');
	if (enSentences.length === 0 || esSentences.length === 0)
		return { pairs: [], unpaired: [...enRunIds, ...esRunIds], repeats };
	const enTexts = enSentences.map((k) => enSide.texts[k]);
	const esTexts = esSentences.map((k) => esSide.texts[k]);
	const scores = unitPairScores(enTexts, esTexts, options);
	const z = scores.score;

	// Every sentence picks its clearly best partner; monotone chains of those picks are the
	// passage pairs (a translation far away, a page followed by its translation, a text
	// translated sentence by sentence), each widened to the unmatched sentences at its ends.
	const matches = strongMatches(enSentences.length, esSentences.length, z, scores);
	const regions = passageRegions(matches, enSentences, esSentences);
	const pairs: PassagePair[] = [];
	for (const region of regions) {
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
		const isEn = (k: number) => langs.get(enSide)![k] === 'en';
		const isEs = (k: number) => langs.get(esSide)![k] === 'es';
		const sentenceBeads = withoutPlaceholders(
			beads.map((b) => ({
				en: b.en.map((k) => enSentences[en[k]]),
				es: b.es.map((k) => esSentences[es[k]]),
				confidence: b.confidence
			})),
			isEn,
			isEs
		);
		if (!sentenceBeads.some((b) => b.en.length > 0 && b.es.length > 0)) continue;
		const enIds = en.map((p) => enSentences[p]).filter(isEn);
		const esIds = es.map((p) => esSentences[p]).filter(isEs);
		pairs.push({
			enRuns: enRunIds.filter((k) =>
				enIds.some((x) => x >= enSide.runs[k].sentenceStart && x < enSide.runs[k].sentenceEnd)
			),
			esRuns: esRunIds.filter((k) =>
				esIds.some((x) => x >= esSide.runs[k].sentenceStart && x < esSide.runs[k].sentenceEnd)
			),
			enSentences: enIds,
			esSentences: esIds,
			beads: sentenceBeads,
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

/** The language of every sentence, from the runs that cover them. */
function sentenceLanguages(side: Side): string[] {
	const langs = side.texts.map(() => 'und');
	for (const run of side.runs)
		for (let k = run.sentenceStart; k < run.sentenceEnd; k++) langs[k] = run.lang;
	return langs;
}

/** Takes placeholders out of the beads; what is left alone on one side becomes an omission. */
function withoutPlaceholders(
	beads: Bead[],
	isEn: (k: number) => boolean,
	isEs: (k: number) => boolean
): Bead[] {
	return beads.flatMap((b) => {
		const en = b.en.filter(isEn);
		const es = b.es.filter(isEs);
		if (en.length === 0 && es.length === 0) return [];
		return [{ en, es, confidence: en.length && es.length ? b.confidence : 1 }];
	});
}

/**
 * Sentences that copy earlier ones: the later side of a repeated passage and, inside one
 * document, any sentence whose text the document has already printed (a line a translation
 * left in the original's language copies the original; it translates nothing). Two separate
 * documents may say the same thing twice and mean it, so there only repeated passages count.
 */
function copiesOf(
	texts: readonly string[],
	repeats: RepeatedStretch[],
	sameDocument: boolean
): Set<number> {
	const copies = new Set(repeats.flatMap((r) => range(r.second.start, r.second.end)));
	if (!sameDocument) return copies;
	const seen = new Set<string>();
	texts.forEach((text, k) => {
		const key = text.replace(/\s+/g, ' ').trim();
		if (seen.has(key)) copies.add(k);
		seen.add(key);
	});
	return copies;
}

/**
 * Copies (a line, a repeated passage) that stand among sentences of the other language: what
 * a translation left untranslated. They hold the place of the translation that is not there.
 */
function strandedCopies(langs: readonly string[], copies: Set<number>): Set<number> {
	const neighbour = (k: number, step: number) => {
		for (let i = k + step; i >= 0 && i < langs.length; i += step)
			if (langs[i] !== 'und' && !copies.has(i)) return langs[i];
		return undefined;
	};
	const stranded = new Set<number>();
	for (const k of copies) {
		if (langs[k] === 'und') continue;
		if (neighbour(k, -1) !== langs[k] && neighbour(k, 1) !== langs[k]) stranded.add(k);
	}
	return stranded;
}

type Match = [en: number, es: number];

/** Pairs (en position, es position) where one of the two is clearly the other's best partner. */
function strongMatches(
	enCount: number,
	esCount: number,
	z: (en: number, es: number) => number,
	scores: { enCandidates: (i: number) => number[]; esCandidates: (j: number) => number[] }
): Match[] {
	const found = new Map<string, Match>();
	const pick = (
		own: number,
		otherCount: number,
		score: (other: number) => number,
		candidates: number[] | undefined
	) => {
		let best = -1;
		let bestScore = -Infinity;
		let second = -Infinity;
		for (const other of candidates ?? range(0, otherCount)) {
			const value = score(other);
			if (value > bestScore) {
				second = bestScore;
				bestScore = value;
				best = other;
			} else if (value > second) second = value;
		}
		return bestScore >= STRONG && bestScore - second >= 1 ? best : -1;
	};
	for (let e = 0; e < enCount; e++) {
		const s = pick(
			e,
			esCount,
			(o) => z(e, o),
			esCount > EXHAUSTIVE ? scores.enCandidates(e) : undefined
		);
		if (s >= 0) found.set(`${e},${s}`, [e, s]);
	}
	for (let s = 0; s < esCount; s++) {
		const e = pick(
			s,
			enCount,
			(o) => z(o, s),
			enCount > EXHAUSTIVE ? scores.esCandidates(s) : undefined
		);
		if (e >= 0) found.set(`${e},${s}`, [e, s]);
	}
	return [...found.values()];
}

/**
 * Matches with more than this many sentences of the document between them, on either side,
 * belong to different passages: a passage pair is dense in matches, and a lone coincidence
 * far from the others is not one. (A long omission splits a passage in two: harmless, its
 * sentences are shown as untranslated either way.)
 */
const PASSAGE_GAP = 12;

/**
 * The passage pairs: the longest monotone chain of matches, cut where the text jumps far
 * (an isolated coincidence is not a passage), then the next chain among the matches left
 * outside it, and so on. Each is widened in step on both sides over the unmatched sentences
 * before and after it, up to its neighbours: the aligner places those as pairs or omissions.
 */
function passageRegions(matches: Match[], enSentences: number[], esSentences: number[]): Region[] {
	const chains: Match[][] = [];
	let remaining = matches;
	for (;;) {
		const chain = longestIncreasingChain(remaining);
		if (chain.length < 2) break;
		const pieces = cutAtGaps(chain, enSentences, esSentences).filter((piece) => piece.length >= 2);
		if (pieces.length === 0) break;
		chains.push(...pieces);
		remaining = remaining.filter(([e, s]) =>
			pieces.every((p) => (e < p[0][0] || e > p.at(-1)![0]) && (s < p[0][1] || s > p.at(-1)![1]))
		);
	}
	chains.sort((a, b) => a[0][0] - b[0][0]);
	return chains.map((chain, k) => {
		const [e0, s0] = chain[0];
		const [e1, s1] = chain[chain.length - 1];
		const before = chains[k - 1]?.at(-1);
		const after = chains[k + 1]?.[0];
		const back = Math.min(
			reach(enSentences, e0, -1, before ? before[0] + 1 : 0),
			reach(esSentences, s0, -1, before ? before[1] + 1 : 0)
		);
		const ahead = Math.min(
			reach(enSentences, e1, 1, (after ? after[0] : enSentences.length) - 1),
			reach(esSentences, s1, 1, (after ? after[1] : esSentences.length) - 1)
		);
		return { en: [e0 - back, e1 + ahead], es: [s0 - back, s1 + ahead] };
	});
}

/** Sentences this far apart in the document (other material between) are not one stretch. */
const STRETCH_STEP = 3;

/**
 * How many sentences of a side's list a passage can take beyond position `from`, in
 * direction `step`, up to `limit`: while they stand close together in the document.
 */
function reach(sentences: number[], from: number, step: 1 | -1, limit: number): number {
	let n = 0;
	for (let p = from + step; step > 0 ? p <= limit : p >= limit; p += step) {
		if (Math.abs(sentences[p] - sentences[p - step]) > STRETCH_STEP) break;
		n++;
	}
	return n;
}

/** Cuts a chain where the text between two matches is long on either side (positions in the document). */
function cutAtGaps(chain: Match[], enSentences: number[], esSentences: number[]): Match[][] {
	const pieces: Match[][] = [[chain[0]]];
	for (let k = 1; k < chain.length; k++) {
		const [e, s] = chain[k];
		const [pe, ps] = chain[k - 1];
		const gap = Math.max(enSentences[e] - enSentences[pe], esSentences[s] - esSentences[ps]);
		if (gap > PASSAGE_GAP) pieces.push([]);
		pieces.at(-1)!.push(chain[k]);
	}
	return pieces;
}

/**
 * Longest chain strictly increasing in both positions, in O(n log n) (patience sorting on
 * the Spanish position, English ties taken in decreasing Spanish order so they never chain).
 */
function longestIncreasingChain(points: Match[]): Match[] {
	const sorted = [...points].sort((a, b) => a[0] - b[0] || b[1] - a[1]);
	const tails: number[] = [];
	const previous = sorted.map(() => -1);
	for (let k = 0; k < sorted.length; k++) {
		const s = sorted[k][1];
		let lo = 0;
		let hi = tails.length;
		while (lo < hi) {
			const mid = (lo + hi) >> 1;
			if (sorted[tails[mid]][1] < s) lo = mid + 1;
			else hi = mid;
		}
		if (lo > 0) previous[k] = tails[lo - 1];
		tails[lo] = k;
	}
	const chain: Match[] = [];
	for (let k = tails.length ? tails[tails.length - 1] : -1; k >= 0; k = previous[k])
		chain.push(sorted[k]);
	return chain.reverse();
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
