// Which language's dictionary knows a word: Debian's wamerican (English) and wspanish (Spanish)
// word lists, shipped front-coded in src/lib/data/words (see eval/build/detect-words.mjs).
// A word only one language knows is strong evidence, even alone: "Nota", "SINOPSIS", "Tabla"
// are Spanish however English their surroundings; "system", "package" are English.
import englishData from '../../data/words/en';
import spanishData from '../../data/words/es';

export type DictionaryAnswer = 'en' | 'es' | 'both' | null;

/**
 * A sorted word list kept as its front-coded text (see eval/build/detect-words.mjs): restarts
 * (a "," then a whole word) every few words, each followed by words written as the count of
 * letters shared with the word before and the rest. `restarts` holds the offsets of the commas.
 * A lookup reads one block, so no list is ever decoded whole: decoding both into Sets took
 * ~80-110 ms of CPU and kept ~9 MB of heap at the first call, which every `puente align` paid;
 * finding the restarts takes ~3 ms and keeps ~1.4 MB (tests/bench/detect-words.ts).
 */
export type WordList = { data: string; restarts: Int32Array };

const COMMA = 44;
const isCount = (code: number) => (code >= 48 && code <= 57) || code === COMMA;

/** The restart offsets: one scan for the commas, no strings made. */
export function indexRestarts(data: string): WordList {
	let count = 0;
	for (let i = data.indexOf(','); i >= 0; i = data.indexOf(',', i + 1)) count++;
	const restarts = new Int32Array(count);
	for (let i = data.indexOf(','), k = 0; i >= 0; i = data.indexOf(',', i + 1)) restarts[k++] = i;
	return { data, restarts };
}

/** The restart word at `comma` compared with `word`, by UTF-16 code units as the list is sorted. */
function compareRestart(data: string, comma: number, word: string): number {
	let i = comma + 1;
	let k = 0;
	for (; i < data.length && !isCount(data.charCodeAt(i)) && k < word.length; i++, k++) {
		const d = data.charCodeAt(i) - word.charCodeAt(k);
		if (d !== 0) return d;
	}
	const restartEnded = i >= data.length || isCount(data.charCodeAt(i));
	if (restartEnded) return k === word.length ? 0 : -1;
	return 1;
}

/** Whether a sorted, front-coded list holds `word`: binary search over the restarts, then one block. */
export function listHas(list: WordList, word: string): boolean {
	const { data, restarts } = list;
	if (restarts.length === 0 || compareRestart(data, restarts[0], word) > 0) return false;
	// The last restart word not after `word`.
	let lo = 0;
	let hi = restarts.length - 1;
	while (lo < hi) {
		const mid = (lo + hi + 1) >> 1;
		if (compareRestart(data, restarts[mid], word) <= 0) lo = mid;
		else hi = mid - 1;
	}
	return blockHas(data, restarts[lo], word);
}

/**
 * Walks one block without building its words. `matched` is how many first letters the word
 * before shares with `word` (that word sorting before `word`). A word sharing more than that with
 * its predecessor still sorts before `word`; one sharing fewer sorts after it, and so does every
 * later word; one sharing exactly that many is compared letter by letter from there.
 */
function blockHas(data: string, comma: number, word: string): boolean {
	let i = comma + 1;
	let shared = 0;
	let matched = 0;
	for (;;) {
		if (shared < matched) return false;
		if (shared === matched) {
			let k = matched;
			while (
				i < data.length &&
				k < word.length &&
				!isCount(data.charCodeAt(i)) &&
				data.charCodeAt(i) === word.charCodeAt(k)
			) {
				i++;
				k++;
			}
			const ended = i >= data.length || isCount(data.charCodeAt(i));
			if (ended && k === word.length) return true;
			// `word` is a beginning of this word, or this word's next letter sorts after `word`'s.
			if (!ended && (k === word.length || data.charCodeAt(i) > word.charCodeAt(k))) return false;
			matched = k;
		}
		while (i < data.length && !isCount(data.charCodeAt(i))) i++;
		if (i >= data.length || data.charCodeAt(i) === COMMA) return false;
		shared = 0;
		while (i < data.length && data.charCodeAt(i) >= 48 && data.charCodeAt(i) <= 57)
			shared = shared * 10 + data.charCodeAt(i++) - 48;
	}
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
