// The offline English/Spanish dictionary: a word, inflected or not, to its lemmas, parts of speech
// and translations, from Apertium and FreeDict data (GPL-2, see src/lib/data/dictionary/README.md).
//
// The data is a JSON module bundled with the code (no I/O here). On the first lookup in each
// language its lines are split and indexed by form ending and by lemma (a few milliseconds), then
// kept for the life of the process (immutable, so one copy serves everyone). Inflected forms are
// found by suffix paradigms taken from Apertium's morphological analysers: each lemma names a
// paradigm (its ending and its forms' endings), so "marcharon" is analysed by trying every form
// ending it has ("-aron", "-ron"…) and checking whether the lemma that ending implies
// ("march" + "ar") has it.
import data from '../../data/dictionary/dictionary.json';

export type DictionaryLanguage = 'en' | 'es';

export interface DictionaryEntry {
	lemma: string;
	/** "noun", "verb", "adjective", "adverb", "proper noun", "preposition", "determiner"… */
	pos: string;
	/** Most reliable first: pairs that Apertium and FreeDict agree on, then Apertium's, then FreeDict's. */
	translations: string[];
}

interface StoredEntry {
	/** The entry's line number: its identity. */
	id: number;
	lemma: string;
	pos: string;
	paradigm: number;
	/** "leave|go away", split when asked for. */
	translations: string;
}

/**
 * One language's data, indexed once on the first lookup in that language: a lookup tries every
 * ending of the word, and each try must be a hash look-up, not a search of the sorted lines
 * (bisecting 30,000 lines for each ending and each paradigm cost about a millisecond a word).
 */
interface LanguageTables {
	/**
	 * "aron" → [["ar", [12, 40]], ["er", [15]]]: a form ending, and the paradigms that have it
	 * grouped by the lemma ending they imply, so that each candidate lemma is looked up once
	 * (many paradigms share a lemma ending: 58 English ones have the empty form ending, 6 lemma
	 * endings among them).
	 */
	paradigmsBySuffix: Map<string, [lemmaEnding: string, paradigms: number[]][]>;
	longestSuffix: number;
	/** "marchar<TAB>verb<TAB>12<TAB>leave|…", sorted by lemma; the line number is the entry's id. */
	lemmas: string[];
	/** Per line of `lemmas`: its lemma and its paradigm, so candidates are rejected unparsed. */
	lemmaOfLine: string[];
	paradigmOfLine: Int32Array;
	/** "marchar" → its first line in `lemmas` (a lemma's lines are consecutive). */
	firstLineOf: Map<string, number>;
	/** "del" → [["de", "preposition"], ["el", "determiner"]]. */
	contractions: Map<string, [string, string][]>;
}

type DictionaryData = Record<
	DictionaryLanguage,
	{ paradigms: string; suffixes: string; lemmas: string; contractions: string }
>;

const tables: Partial<Record<DictionaryLanguage, LanguageTables>> = {};

function parseTables(lang: DictionaryLanguage): LanguageTables {
	const source = (data as unknown as DictionaryData)[lang];
	const lemmaEndings = source.paradigms.split('\n');
	const paradigmsBySuffix = new Map<string, [string, number[]][]>();
	let longestSuffix = 0;
	for (const line of source.suffixes.split('\n')) {
		const tab = line.indexOf('\t');
		longestSuffix = Math.max(longestSuffix, tab);
		const byLemmaEnding = new Map<string, number[]>();
		for (const paradigm of line.slice(tab + 1).split(',')) {
			const id = Number(paradigm);
			const ending = lemmaEndings[id];
			const ids = byLemmaEnding.get(ending);
			if (ids) ids.push(id);
			else byLemmaEnding.set(ending, [id]);
		}
		paradigmsBySuffix.set(line.slice(0, tab), [...byLemmaEnding]);
	}
	const lemmas = source.lemmas.split('\n');
	const lemmaOfLine: string[] = new Array(lemmas.length);
	const paradigmOfLine = new Int32Array(lemmas.length);
	const firstLineOf = new Map<string, number>();
	for (let i = 0; i < lemmas.length; i++) {
		const line = lemmas[i];
		const posTab = line.indexOf('\t');
		const paradigmTab = line.indexOf('\t', posTab + 1);
		const lemma = line.slice(0, posTab);
		lemmaOfLine[i] = lemma;
		paradigmOfLine[i] = Number(line.slice(paradigmTab + 1, line.indexOf('\t', paradigmTab + 1)));
		if (!firstLineOf.has(lemma)) firstLineOf.set(lemma, i);
	}
	const contractions = new Map<string, [string, string][]>();
	for (const line of source.contractions.split('\n')) {
		if (!line) continue;
		const [surface, ...parts] = line.split('\t');
		const pairs: [string, string][] = [];
		for (let i = 0; i + 1 < parts.length; i += 2) pairs.push([parts[i], parts[i + 1]]);
		contractions.set(surface, [...(contractions.get(surface) ?? []), ...pairs]);
	}
	return {
		paradigmsBySuffix,
		longestSuffix,
		lemmas,
		lemmaOfLine,
		paradigmOfLine,
		firstLineOf,
		contractions
	};
}

function tablesFor(lang: DictionaryLanguage): LanguageTables {
	return (tables[lang] ??= parseTables(lang));
}

function entryAt(t: LanguageTables, id: number): StoredEntry {
	const [lemma, pos, paradigm, translations] = t.lemmas[id].split('\t');
	return { id, lemma, pos, paradigm: Number(paradigm), translations };
}

/** The line numbers of a lemma's entries, in the data's order. */
function linesOfLemma(t: LanguageTables, lemma: string): number[] {
	const first = t.firstLineOf.get(lemma);
	if (first === undefined) return [];
	const lines: number[] = [];
	for (let i = first; i < t.lemmas.length && t.lemmaOfLine[i] === lemma; i++) lines.push(i);
	return lines;
}

function entriesOfLemma(t: LanguageTables, lemma: string): StoredEntry[] {
	return linesOfLemma(t, lemma).map((id) => entryAt(t, id));
}

function translationsOf(entry: StoredEntry): string[] {
	return entry.translations ? entry.translations.split('|') : [];
}

/** Every entry whose paradigm produces `form` exactly (case and accents as given). */
function analyse(t: LanguageTables, form: string): StoredEntry[] {
	const found: StoredEntry[] = [];
	const seen = new Set<number>();
	for (let k = 0; k <= Math.min(form.length, t.longestSuffix); k++) {
		const groups = t.paradigmsBySuffix.get(form.slice(form.length - k));
		if (!groups) continue;
		const stem = form.slice(0, form.length - k);
		const lines: number[] = [];
		for (const [lemmaEnding, paradigms] of groups) {
			for (const line of linesOfLemma(t, stem + lemmaEnding)) {
				if (paradigms.includes(t.paradigmOfLine[line]) && !seen.has(line)) lines.push(line);
			}
		}
		// In paradigm order, then the data's order, as one look-up per paradigm would find them.
		lines.sort((a, b) => t.paradigmOfLine[a] - t.paradigmOfLine[b] || a - b);
		for (const line of lines) {
			seen.add(line);
			found.push(entryAt(t, line));
		}
	}
	return found;
}

/** The spellings worth trying for a word as found in running text: as is, lowercase, capitalised. */
function spellings(word: string): string[] {
	const lower = word.toLowerCase();
	const capitalised = lower.charAt(0).toUpperCase() + lower.slice(1);
	return [...new Set([word, lower, capitalised])];
}

// Spanish object pronouns attached to infinitives, gerunds and imperatives ("dámelo",
// "marcharse"): a closed grammatical class, stripped rather than listing a million forms.
const SPANISH_ENCLITICS = ['me', 'te', 'se', 'nos', 'os', 'lo', 'la', 'los', 'las', 'le', 'les'];
const ACUTE: Record<string, string> = { á: 'a', é: 'e', í: 'i', ó: 'o', ú: 'u' };

function withoutEnclitics(word: string): string[] {
	const bases: string[] = [];
	const strip = (w: string, depth: number) => {
		for (const clitic of SPANISH_ENCLITICS) {
			if (w.length > clitic.length + 1 && w.endsWith(clitic)) {
				const base = w.slice(0, -clitic.length);
				bases.push(
					base,
					base.replace(/[áéíóú]/g, (c) => ACUTE[c])
				);
				if (depth < 2) strip(base, depth + 1);
			}
		}
	};
	strip(word, 1);
	return [...new Set(bases)];
}

// Letters a word typed without its accents may have lost, in either language.
const ACCENTED: Record<string, string[]> = {
	a: ['á'],
	e: ['é'],
	i: ['í'],
	o: ['ó'],
	u: ['ú', 'ü'],
	n: ['ñ'],
	c: ['ç']
};

/** "politica" → "pólitica", "polítíca"…, "política": the word with one or two letters accented. */
function accentedSpellings(word: string): string[] {
	const spellings: string[] = [];
	const vary = (w: string, from: number, depth: number) => {
		for (let i = from; i < w.length; i++) {
			for (const accented of ACCENTED[w[i]] ?? []) {
				const variant = w.slice(0, i) + accented + w.slice(i + 1);
				spellings.push(variant);
				if (depth < 2) vary(variant, i + 1, depth + 1);
			}
		}
	};
	vary(word, 0, 1);
	return spellings;
}

function findEntries(t: LanguageTables, word: string, lang: DictionaryLanguage): StoredEntry[] {
	const found: StoredEntry[] = [];
	const seen = new Set<number>();
	const add = (entries: StoredEntry[]) => {
		for (const e of entries) {
			if (seen.has(e.id)) continue;
			seen.add(e.id);
			found.push(e);
		}
	};
	for (const spelling of spellings(word)) {
		add(analyse(t, spelling));
		for (const [lemma, pos] of t.contractions.get(spelling) ?? []) {
			add(entriesOfLemma(t, lemma).filter((e) => e.pos === pos));
		}
	}
	if (found.length) return found;
	const lower = word.toLowerCase();
	if (lang === 'es') {
		for (const base of withoutEnclitics(lower)) {
			add(analyse(t, base).filter((e) => e.pos === 'verb'));
		}
	} else {
		const possessive = /'s?$/.exec(lower);
		if (possessive) add(analyse(t, lower.slice(0, possessive.index)));
	}
	if (found.length) return found;
	// Only when the word as written is unknown: "politica" finds "política", but "ano" never
	// finds "año" (it is a word of its own).
	for (const spelling of accentedSpellings(lower)) add(analyse(t, spelling));
	return found;
}

/**
 * Dictionary entries for a word of running text in either language, inflected or not:
 * `lookup('marcharon', 'es')` → [{ lemma: 'marchar', pos: 'verb', translations: [...] }].
 * Case is ignored where it must be (a capitalised first word of a sentence), accents only when
 * the word as written is not a form of any lemma. An unknown word gives [].
 */
export function lookup(word: string, from: DictionaryLanguage): DictionaryEntry[] {
	// Typographic apostrophes ("don’t") are the dictionary's straight ones.
	const trimmed = word.trim().replace(/\s+/g, ' ').replace(/[’ʼ]/g, "'");
	if (!trimmed) return [];
	const t = tablesFor(from);
	const merged = new Map<string, DictionaryEntry>();
	const entries = findEntries(t, trimmed, from);
	// The base form first: "saw" the noun before "see" the verb.
	const lower = trimmed.toLowerCase();
	entries.sort(
		(a, b) => Number(b.lemma.toLowerCase() === lower) - Number(a.lemma.toLowerCase() === lower)
	);
	for (const e of entries) {
		const key = `${e.lemma}\t${e.pos}`;
		const known = merged.get(key);
		if (known) {
			for (const tr of translationsOf(e)) {
				if (!known.translations.includes(tr)) known.translations.push(tr);
			}
		} else merged.set(key, { lemma: e.lemma, pos: e.pos, translations: translationsOf(e) });
	}
	return [...merged.values()];
}

/** The lemmas a word can be a form of, most likely first; [] for an unknown word. */
export function lemmasOf(word: string, lang: DictionaryLanguage): string[] {
	return [...new Set(lookup(word, lang).map((e) => e.lemma))];
}

/** Whether the dictionary knows the word as a form of some lemma (with or without a translation). */
export function isKnownWord(word: string, lang: DictionaryLanguage): boolean {
	return lookup(word, lang).length > 0;
}

/**
 * Every English/Spanish lemma pair of the dictionary, lowercased, each once, from both directions:
 * single words only unless `multiword` is set. For aligners and lexical features.
 */
export function* translationPairs(
	options: { multiword?: boolean } = {}
): Iterable<[en: string, es: string]> {
	const seen = new Set<string>();
	for (const lang of ['en', 'es'] as const) {
		for (const line of tablesFor(lang).lemmas) {
			const [lemma, , , translations] = line.split('\t');
			if (!translations) continue;
			for (const translation of translations.split('|')) {
				const a = lemma.toLowerCase();
				const b = translation.toLowerCase();
				const [en, es] = lang === 'en' ? [a, b] : [b, a];
				if (!options.multiword && (en.includes(' ') || es.includes(' '))) continue;
				const key = `${en}\t${es}`;
				if (seen.has(key)) continue;
				seen.add(key);
				yield [en, es];
			}
		}
	}
}

/** Versions of the Debian packages the data was built from, for an about page or a report. */
export const dictionarySources: Record<string, string> = (
	data as { sources: Record<string, string> }
).sources;
