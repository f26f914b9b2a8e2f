// Which language's dictionary knows a word: Debian's wamerican (English) and wspanish (Spanish)
// word lists, shipped front-coded in src/lib/data/words (see eval/build/detect-words.mjs).
// A word only one language knows is strong evidence, even alone: "Nota", "SINOPSIS", "Tabla"
// are Spanish however English their surroundings; "system", "package" are English.
import englishData from '../../data/words/en';
import spanishData from '../../data/words/es';

export type DictionaryAnswer = 'en' | 'es' | 'both' | null;

let english: Set<string> | null = null;
let spanish: Set<string> | null = null;

/** Front-coded list: each word is the count of letters shared with the previous one, then the rest. */
function decode(data: string): Set<string> {
	const words = new Set<string>();
	let previous = '';
	let i = 0;
	while (i < data.length) {
		let shared = 0;
		while (i < data.length && data.charCodeAt(i) >= 48 && data.charCodeAt(i) <= 57)
			shared = shared * 10 + data.charCodeAt(i++) - 48;
		const from = i;
		while (i < data.length && !(data.charCodeAt(i) >= 48 && data.charCodeAt(i) <= 57)) i++;
		previous = previous.slice(0, shared) + data.slice(from, i);
		words.add(previous);
	}
	return words;
}

function lists(): [Set<string>, Set<string>] {
	english ??= decode(englishData);
	spanish ??= decode(spanishData);
	return [english, spanish];
}

/**
 * Spanish singulars a plural may come from (wspanish lists few plurals): "opciones" → "opción",
 * "archivos" → "archivo", "fuentes" → "fuente", "luces" → "luz". General plural rules, no word list.
 */
function spanishSingulars(word: string): string[] {
	if (!word.endsWith('s') || word.length < 4) return [];
	const out = [word.slice(0, -1)];
	if (word.endsWith('es')) {
		const stem = word.slice(0, -2);
		out.push(stem);
		if (stem.endsWith('c')) out.push(`${stem.slice(0, -1)}z`);
		// The stress accent of -ión, -én, -ás... falls away in the plural: opciones, almacenes.
		const accented = stem.replace(
			/([aeiou])([ns])$/,
			(_, v: string, c: string) => `${ACUTE[v]}${c}`
		);
		if (accented !== stem) out.push(accented);
	}
	return out;
}
const ACUTE: Record<string, string> = { a: 'á', e: 'é', i: 'í', o: 'ó', u: 'ú' };

/** Which dictionary has this lower-case word (Spanish plurals through their singular). */
export function dictionaryLanguage(word: string): DictionaryAnswer {
	const [en, es] = lists();
	const inEnglish = en.has(word);
	const inSpanish = es.has(word) || (!inEnglish && spanishSingulars(word).some((w) => es.has(w)));
	if (inEnglish && inSpanish) return 'both';
	return inEnglish ? 'en' : inSpanish ? 'es' : null;
}
