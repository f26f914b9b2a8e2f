// Which language's dictionary knows a word: Debian's wamerican (English) and wspanish (Spanish)
// word lists, shipped front-coded in src/lib/data/words and looked up in place (front-coded.ts).
// A word only one language knows is strong evidence, even alone: "Nota", "SINOPSIS", "Tabla"
// are Spanish however English their surroundings; "system", "package" are English.
import englishData from '../../data/words/en';
import spanishData from '../../data/words/es';
import { indexRestarts, listHas } from './front-coded';

export type DictionaryAnswer = 'en' | 'es' | 'both' | null;

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

/**
 * Infinitives a conjugated Spanish verb may come from (wspanish lists infinitives and few
 * conjugated forms): "consulte" → "consultar", "utiliza" → "utilizar", "especificada" →
 * "especificar", "contiene" → "contener" (stem ie → e), "ejecútelos" → "ejecutar" (enclitic
 * pronoun off, its written accent with it). Regular endings only, no word list.
 */
function spanishInfinitives(word: string): string[] {
	const bare = stripEnclitic(word);
	const out: string[] = bare === word ? [] : [bare];
	for (const form of bare === word ? [word] : [word, bare]) {
		for (const [ending, infinitives] of VERB_ENDINGS) {
			if (!form.endsWith(ending) || form.length - ending.length < 2) continue;
			const stem = form.slice(0, -ending.length);
			for (const s of new Set([
				stem,
				stem.replace(/ie([^aeiou]*)$/, 'e$1'),
				stem.replace(/ue([^aeiou]*)$/, 'o$1'),
				stem.replace(/i([^aeiou]*)$/, 'e$1')
			]))
				for (const inf of infinitives) out.push(s + inf);
		}
	}
	return out;
}

/** Endings of regular conjugations, longest first, with the infinitive endings they come from. */
const VERB_ENDINGS: Array<[string, string[]]> = (
	[
		['aremos', ['ar']],
		['eremos', ['er']],
		['iremos', ['ir']],
		['ábamos', ['ar']],
		['iendo', ['er', 'ir']],
		['ieron', ['er', 'ir']],
		['yendo', ['er', 'ir']],
		['arán', ['ar']],
		['erán', ['er']],
		['irán', ['ir']],
		['aría', ['ar']],
		['ería', ['er']],
		['iría', ['ir']],
		['aron', ['ar']],
		['aban', ['ar']],
		['ando', ['ar']],
		['adas', ['ar']],
		['ados', ['ar']],
		['idas', ['er', 'ir']],
		['idos', ['er', 'ir']],
		['amos', ['ar']],
		['emos', ['er']],
		['imos', ['ir']],
		['ían', ['er', 'ir']],
		['aba', ['ar']],
		['ada', ['ar']],
		['ado', ['ar']],
		['ida', ['er', 'ir']],
		['ido', ['er', 'ir']],
		['ará', ['ar']],
		['erá', ['er']],
		['irá', ['ir']],
		['ía', ['er', 'ir']],
		['ió', ['er', 'ir']],
		['an', ['ar']],
		['en', ['er', 'ir', 'ar']],
		['as', ['ar']],
		['es', ['er', 'ir', 'ar']],
		['ó', ['ar']],
		['a', ['ar', 'er', 'ir']],
		['e', ['ar', 'er', 'ir']],
		['o', ['ar', 'er', 'ir']]
	] as Array<[string, string[]]>
).sort((x, y) => y[0].length - x[0].length);

/** "ejecútelos" → "ejecute", "hacerlo" → "hacer", "mostrándole" → "mostrando". */
function stripEnclitic(word: string): string {
	const m = /^(.{3,}?)(?:lo|la|los|las|le|les|se|me|te|nos)$/.exec(word);
	if (!m) return word;
	const base = m[1];
	if (/[rd]$|ndo$/.test(base)) return base;
	const plain = base
		.normalize('NFD')
		.replace(/[\u0301]/g, '')
		.normalize('NFC');
	return plain !== base ? plain : word;
}

/** An English word this long or longer that reads as a Spanish verb form is a word of both. */
const MIN_SHARED_VERB = 6;

const answers = new Map<string, DictionaryAnswer>();

/** Whether each language's list holds a word. */
export type ListMembership = { en: (word: string) => boolean; es: (word: string) => boolean };

let shipped: ListMembership | null = null;

/** The shipped lists' membership, their restarts indexed on first use. */
function shippedLists(): ListMembership {
	if (!shipped) {
		const en = indexRestarts(englishData);
		const es = indexRestarts(spanishData);
		shipped = { en: (w) => listHas(en, w), es: (w) => listHas(es, w) };
	}
	return shipped;
}

/** Which dictionary has this lower-case word (Spanish plurals and verb forms through their base form). */
export function dictionaryLanguage(word: string): DictionaryAnswer {
	let answer = answers.get(word);
	if (answer !== undefined) return answer;
	answer = listedLanguage(word, shippedLists());
	// Word frequencies are Zipfian: a bounded memory of answers serves most lookups.
	if (answers.size >= 100_000) answers.clear();
	answers.set(word, answer);
	return answer;
}

/** The rules of dictionaryLanguage over any pair of lists (uncached). */
export function listedLanguage(word: string, lists: ListMembership): DictionaryAnswer {
	const inEnglish = lists.en(word);
	// Spanish forms English spells the same ("variables", "describe", "genera") are both
	// languages'. A short English word is too easily read as a Spanish verb form ("use" as
	// usar, "case" as casar), so only longer ones are.
	const inSpanish =
		lists.es(word) ||
		spanishSingulars(word).some(lists.es) ||
		((!inEnglish || word.length >= MIN_SHARED_VERB) && spanishInfinitives(word).some(lists.es));
	return inEnglish && inSpanish ? 'both' : inEnglish ? 'en' : inSpanish ? 'es' : null;
}
