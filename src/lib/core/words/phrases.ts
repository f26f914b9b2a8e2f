// Phrases and glossary terms that translate as a whole ("Toma de Lima" ↔ "takeover of Lima"):
// word by word they would pair "Toma" with nothing and "de" with "of", so when both sides of a
// known term occur in a sentence pair, their tokens align as one unit, every word to every word.
import { foldWord } from '../align/words';
import { tokenizeSentence, type WordToken } from './tokens';

/** A term in both languages, each side with all the forms it may take in a text. */
export interface TermPair {
	en: readonly string[];
	es: readonly string[];
}

/** Token index ranges [start, end) of one term found on both sides of a sentence pair. */
export interface TermUnit {
	en: [number, number];
	es: [number, number];
}

/** The forms of a term as folded token sequences, longest first so "La Toma de Lima" beats "Toma de Lima". */
function formsOf(forms: readonly string[], lang: 'en' | 'es'): string[][] {
	return forms
		.map((form) => tokenizeSentence(form, lang).map((t) => foldWord(t.text)))
		.filter((tokens) => tokens.length > 0)
		.sort((a, b) => b.length - a.length);
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

/**
 * Units of the terms that occur on both sides; the n-th occurrence on one side pairs with the
 * n-th on the other, and a token belongs to one unit at most (longer terms are found first).
 */
export function findTermUnits(
	en: readonly Pick<WordToken, 'text'>[],
	es: readonly Pick<WordToken, 'text'>[],
	terms: readonly TermPair[]
): TermUnit[] {
	if (terms.length === 0) return [];
	const enFolded = en.map((t) => foldWord(t.text));
	const esFolded = es.map((t) => foldWord(t.text));
	const enTaken = en.map(() => false);
	const esTaken = es.map(() => false);
	const units: TermUnit[] = [];
	const ordered = [...terms].sort(
		(a, b) => longest(b.en) + longest(b.es) - (longest(a.en) + longest(a.es))
	);
	for (const term of ordered) {
		const enForms = formsOf(term.en, 'en');
		const esForms = formsOf(term.es, 'es');
		// A single word on both sides is a dictionary matter, not a unit.
		if (Math.max(...enForms.map((f) => f.length), ...esForms.map((f) => f.length)) < 2) continue;
		const enFound = occurrences(enFolded, enForms, [...enTaken]);
		const esFound = occurrences(esFolded, esForms, [...esTaken]);
		const count = Math.min(enFound.length, esFound.length);
		for (let k = 0; k < count; k++) {
			units.push({ en: enFound[k], es: esFound[k] });
			for (let t = enFound[k][0]; t < enFound[k][1]; t++) enTaken[t] = true;
			for (let t = esFound[k][0]; t < esFound[k][1]; t++) esTaken[t] = true;
		}
	}
	return units;
}

function longest(forms: readonly string[]): number {
	return Math.max(0, ...forms.map((f) => f.split(/\s+/).length));
}
