// Phrases and glossary terms that translate as a whole ("Toma de Lima" ↔ "takeover of Lima"):
// word by word they would pair "Toma" with nothing and "de" with "of", so when both sides of a
// known term occur in a sentence pair, their tokens align as one unit, every word to every word.
import { foldWord } from '../align/words';
import type { GlossaryEntry } from '../glossary/types';
import { tokenizeSentence, type WordToken } from './tokens';

/**
 * A term in both languages, each side with all the forms it may take in a text, preferred form
 * first: where forms overlap in a sentence ("Toma de Lima" inside "la Toma de Lima"), the first
 * one listed is the one found.
 */
export interface TermPair {
	en: readonly string[];
	es: readonly string[];
}

/**
 * Glossary entries as terms: the canonical forms on their sides, and the variants (which may be
 * in either language) on both, so "La Toma de Lima" quoted in English text is found too.
 */
export function termsFromGlossary(
	entries: readonly Pick<GlossaryEntry, 'en' | 'es' | 'variants'>[]
): TermPair[] {
	return entries.map((entry) => ({
		en: [entry.en, ...entry.variants],
		es: [entry.es, ...entry.variants]
	}));
}

/** Token index ranges [start, end) of one term found on both sides of a sentence pair. */
export interface TermUnit {
	en: [number, number];
	es: [number, number];
}

/** The forms of a term as folded token sequences, in the order of preference they were given. */
function formsOf(forms: readonly string[], lang: 'en' | 'es'): string[][] {
	return forms
		.map((form) => tokenizeSentence(form, lang).map((t) => foldWord(t.text)))
		.filter((tokens) => tokens.length > 0);
}

function occurrences(
	tokens: readonly string[],
	forms: string[][],
	taken: boolean[]
): Array<[number, number]> {
	const found: Array<[number, number]> = [];
	for (const form of forms) {
		for (let start = 0; start + form.length <= tokens.length; start++) {
			let k = 0;
			while (k < form.length && !taken[start + k] && tokens[start + k] === form[k]) k++;
			if (k < form.length) continue;
			found.push([start, start + form.length]);
			for (let t = start; t < start + form.length; t++) taken[t] = true;
		}
	}
	return found.sort((a, b) => a[0] - b[0]);
}

/** Terms made ready for matching: each form tokenised and folded once, not on every pair. */
export interface TermMatcher {
	terms: Array<{ en: string[][]; es: string[][] }>;
	/** Folded first tokens of any form: a sentence pair without one of them has no term. */
	firstTokens: Set<string>;
}

export function compileTerms(terms: readonly TermPair[]): TermMatcher {
	const compiled = terms
		.map((term) => ({ en: formsOf(term.en, 'en'), es: formsOf(term.es, 'es') }))
		// A single word on both sides is a dictionary matter, not a unit.
		.filter(
			(term) => Math.max(0, ...term.en.map((f) => f.length), ...term.es.map((f) => f.length)) >= 2
		)
		.filter((term) => term.en.length > 0 && term.es.length > 0)
		// Longer terms first, so that a term inside a longer one does not take its words.
		.sort((a, b) => longest(b) - longest(a));
	const firstTokens = new Set<string>();
	for (const term of compiled)
		for (const form of [...term.en, ...term.es]) firstTokens.add(form[0]);
	return { terms: compiled, firstTokens };
}

function longest(term: { en: string[][]; es: string[][] }): number {
	return (
		Math.max(0, ...term.en.map((f) => f.length)) + Math.max(0, ...term.es.map((f) => f.length))
	);
}

/**
 * Units of the terms that occur on both sides; the n-th occurrence on one side pairs with the
 * n-th on the other, and a token belongs to one unit at most (longer terms are found first).
 */
export function findTermUnits(
	en: readonly Pick<WordToken, 'text'>[],
	es: readonly Pick<WordToken, 'text'>[],
	matcher: TermMatcher
): TermUnit[] {
	if (matcher.terms.length === 0) return [];
	const enFolded = en.map((t) => foldWord(t.text));
	const esFolded = es.map((t) => foldWord(t.text));
	if (!enFolded.some((w) => matcher.firstTokens.has(w))) return [];
	if (!esFolded.some((w) => matcher.firstTokens.has(w))) return [];
	const enTaken = en.map(() => false);
	const esTaken = es.map(() => false);
	const units: TermUnit[] = [];
	for (const term of matcher.terms) {
		const enFound = occurrences(enFolded, term.en, [...enTaken]);
		if (enFound.length === 0) continue;
		const esFound = occurrences(esFolded, term.es, [...esTaken]);
		const count = Math.min(enFound.length, esFound.length);
		for (let k = 0; k < count; k++) {
			units.push({ en: enFound[k], es: esFound[k] });
			for (let t = enFound[k][0]; t < enFound[k][1]; t++) enTaken[t] = true;
			for (let t = esFound[k][0]; t < esFound[k][1]; t++) esTaken[t] = true;
		}
	}
	return units;
}
