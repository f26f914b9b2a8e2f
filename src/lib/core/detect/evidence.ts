// What one sentence, taken alone, says about its language: the summed log-likelihood ratio of
// its voting words (function words, words one language's dictionary knows, spelling), with
// franc's trigram model added when the words leave the question open; a short line whose
// known words all take one side is decided outright. Also decides whether a sentence has any
// language at all (code, counts, names of things have none).
import { francAll } from 'franc';
import { DATE_WORDS, isFunctionWord, isKnownWord, wordEvidence } from './lexicon';
import type { MaskedSentence } from './masking';
import { isCommandLine, type Chunk } from './shape';

export interface SentenceEvidence {
	/** log P(sentence | en) - log P(sentence | es), tempered; 0 when nothing votes. */
	llr: number;
	/** False for URLs, numbers, dates, handles, separators, code and names of things: text with no grammar. */
	hasLanguage: boolean;
}

/** Words of one sentence are not independent evidence; this keeps long sentences from being overconfident. */
const TEMPER = 0.6;
/** A sentence's own evidence is capped (a short line decided outright gets the cap: no context outweighs it). */
const MAX_LLR = 30;
/** A sentence of at most this many voting words is short: a heading, a table cell, a label. */
const SHORT_WORDS = 6;
/** A word this sure of its language (a dictionary word of one language, a function word) takes a side. */
const DECISIVE = 1.5;
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
	let voting = 0;
	let english = 0;
	let spanish = 0;
	for (let i = 0; i < weights.length; i++) {
		if (weights[i] <= 0) continue;
		const known = isKnownWord(lower[i]);
		// An acronym's spelling says nothing: "SSH", "GUI", "KDE".
		if (!known && isAcronym(masked.tokens[i].text)) continue;
		const evidence = wordEvidence(lower[i]);
		llr += weights[i] * evidence;
		if (weights[i] < 1) continue;
		voting++;
		// Only words a dictionary or the lists know take a side; a spelling guess does not.
		if (known && evidence >= DECISIVE) english++;
		else if (known && evidence <= -DECISIVE) spanish++;
	}
	// "Nota", "VÉASE TAMBIÉN", "Tabla 7.1.", "task package": however strong the context, a
	// short line whose words all take one side is that language.
	if (voting > 0 && voting <= SHORT_WORDS && (english === 0) !== (spanish === 0))
		return { llr: english > 0 ? MAX_LLR : -MAX_LLR, hasLanguage: true };
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

/**
 * A sentence has grammar if its words of either language outweigh its pieces of code and the
 * words no dictionary knows ("See fonts.conf(5)." has grammar; "-f fichero", "V:3, I:99",
 * "task-gnome-desktop", "$ xeyes", "openssl passwd" and "RDP, RFB (VNC), SPICE" have none).
 * Function words count double: they are grammar itself. Words of a date do not count. A
 * sentence of names only ("Cecilia Gervasi.") is prose too, when there are two of them.
 */
function hasGrammar({ tokens, lower, chunks }: MaskedSentence): boolean {
	if (isCommandLine(chunks) || isRootCommand(chunks)) return false;
	// "de", "of", "and" between the parts of a date are part of it; numbers inside code ("(8)") make no date.
	const dated =
		chunks.some((c) => c.kind === 'number') || tokens.some((_, k) => DATE_WORDS.has(lower[k]));
	let words = 0;
	let names = 0;
	let other = 0;
	for (const chunk of chunks) {
		if (chunk.kind === 'code') other++;
		if (chunk.kind !== 'word') continue;
		const word = chunk.core.toLowerCase();
		if (DATE_WORDS.has(word) || (dated && DATE_JOINERS.has(word))) continue;
		if (isFunctionWord(word)) words += 2;
		else if (word.length === 1) {
			if ('aeyoi'.includes(word)) words++;
		} else if (isKnownWord(word)) words++;
		else if (isName(chunk.core)) names++;
		else other++;
	}
	return words > 0 ? words >= other : names >= 2 && other === 0;
}

/**
 * "# apt-get install foo" is a command typed at a root prompt; "# here's the fallback" is a
 * comment. A program name follows the prompt: a compound, a piece of code or a word no
 * dictionary knows.
 */
function isRootCommand(chunks: Chunk[]): boolean {
	if (chunks.length < 2 || chunks[0].raw !== '#') return false;
	const next = chunks[1];
	if (next.kind === 'code' || next.kind === 'compound') return true;
	return (
		next.kind === 'word' &&
		next.raw === next.raw.toLowerCase() &&
		!/['’]/.test(next.core) &&
		!isKnownWord(next.core)
	);
}

/** A capitalised word no dictionary knows is a name ("Cecilia Gervasi."): prose, not code. */
function isName(word: string): boolean {
	return (
		word.length > 1 &&
		word[0] !== word[0].toLowerCase() &&
		word.slice(1) === word.slice(1).toLowerCase()
	);
}

function isAcronym(word: string): boolean {
	return word.length > 1 && word === word.toUpperCase() && word !== word.toLowerCase();
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
