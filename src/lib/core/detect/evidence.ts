// What one sentence, taken alone, says about its language: the summed log-likelihood ratio of
// its voting words (function words and spelling), with franc's trigram model added when the
// words leave the question open. Also decides whether a sentence has any language at all.
import { francAll } from 'franc';
import { DATE_WORDS, wordEvidence } from './lexicon';
import type { MaskedSentence } from './masking';

export interface SentenceEvidence {
	/** log P(sentence | en) - log P(sentence | es), tempered; 0 when nothing votes. */
	llr: number;
	/** False for URLs, numbers, dates, handles and separators: text with no grammar. */
	hasLanguage: boolean;
}

/** Words of one sentence are not independent evidence; this keeps long sentences from being overconfident. */
const TEMPER = 0.6;
/** A sentence's own evidence is capped so that context can still overrule a misleading one. */
const MAX_LLR = 30;
/** Below this much word evidence, franc's trigrams are asked too (they are slower). */
const FRANC_BELOW = 4;
/** franc's normalised margin times the letters it saw, to log-ratio units; capped like a few words. */
const FRANC_SCALE = 0.12;
const FRANC_MAX = 4;

/** Words that may sit between the parts of a date or a number ("12 de marzo", "March 3 and 4"). */
const DATE_JOINERS = new Set([
	'de',
	'del',
	'of',
	'the',
	'y',
	'and',
	'a',
	'al',
	'to',
	'from',
	'desde',
	'hasta',
	'el'
]);

export function sentenceEvidence(masked: MaskedSentence): SentenceEvidence {
	const { weights, lower } = masked;
	if (!hasGrammar(masked)) return { llr: 0, hasLanguage: false };
	let llr = 0;
	for (let i = 0; i < weights.length; i++) {
		if (weights[i] > 0) llr += weights[i] * wordEvidence(lower[i]);
	}
	llr *= TEMPER;
	if (Math.abs(llr) < FRANC_BELOW) llr += trigramEvidence(masked);
	return { llr: Math.max(-MAX_LLR, Math.min(MAX_LLR, llr)), hasLanguage: true };
}

/** Sum of word evidence over some tokens, untempered: used for inline phrases. */
export function phraseEvidence(masked: MaskedSentence, indices: number[]): number {
	let sum = 0;
	for (const i of indices)
		if (masked.tokens[i].kind === 'word') sum += wordEvidence(masked.lower[i]);
	return sum;
}

/** A sentence has grammar if it has a word that is not part of a date (months, weekdays and their joiners). */
function hasGrammar({ tokens, lower }: MaskedSentence): boolean {
	for (let i = 0; i < tokens.length; i++) {
		if (tokens[i].kind !== 'word') continue;
		const word = lower[i];
		if (DATE_WORDS.has(word) || (word.length === 1 && !'aeyoi'.includes(word))) continue;
		if (
			DATE_JOINERS.has(word) &&
			tokens.some((o, k) => o.kind === 'number' || DATE_WORDS.has(lower[k]))
		)
			continue;
		return true;
	}
	return false;
}

/** franc on the sentence with its masked words blanked out, as a log-ratio. */
function trigramEvidence(masked: MaskedSentence): number {
	let sample = '';
	let letters = 0;
	masked.tokens.forEach((t, i) => {
		if (masked.weights[i] >= 1) {
			sample += `${t.text} `;
			letters += t.text.length;
		}
	});
	if (letters < 8) return 0;
	const [best, second] = francAll(sample, { only: ['eng', 'spa'], minLength: 1 });
	if (!second || best[0] === 'und') return 0;
	const margin = (1 - second[1]) * letters * FRANC_SCALE;
	const signed = best[0] === 'eng' ? margin : -margin;
	return Math.max(-FRANC_MAX, Math.min(FRANC_MAX, signed));
}
