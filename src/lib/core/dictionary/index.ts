// The offline English/Spanish dictionary: a word, inflected or not, to its lemmas, parts of speech
// and translations, from Apertium and FreeDict data (GPL-2, see src/lib/data/dictionary/README.md).
//
// The data is a JSON module bundled with the code (no I/O here). Its sorted lines are split on the
// first lookup in each language and kept for the life of the process (immutable, so one copy serves
// everyone); lookups bisect them, so nothing is indexed at start-up. Inflected forms are found by
// suffix paradigms taken from Apertium's morphological analysers: each lemma names a paradigm (its
// ending and its forms' endings), so "marcharon" is analysed by trying every form ending it has
// ("-aron", "-ron"…) and checking whether the lemma that ending implies ("march" + "ar") has it.
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
 * One language's data as sorted lines, searched by bisection: nothing is indexed at start-up,
 * which keeps the first lookup of a CLI run cheap.
 */
interface LanguageTables {
	/** Per paradigm: the lemma's ending after the stem ("ar" for marchar). */
	lemmaEndings: string[];
	/** "aron<TAB>12,40": a form ending and the paradigms that have it, sorted by ending. */
	suffixes: string[];
	longestSuffix: number;
	/** "marchar<TAB>verb<TAB>12<TAB>leave|…", sorted by lemma. */
	lemmas: string[];
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
	const suffixes = source.suffixes.split('\n');
	let longestSuffix = 0;
	for (const line of suffixes) longestSuffix = Math.max(longestSuffix, line.indexOf('\t'));
	const contractions = new Map<string, [string, string][]>();
	for (const line of source.contractions.split('\n')) {
		if (!line) continue;
		const [surface, ...parts] = line.split('\t');
		const pairs: [string, string][] = [];
		for (let i = 0; i + 1 < parts.length; i += 2) pairs.push([parts[i], parts[i + 1]]);
		contractions.set(surface, [...(contractions.get(surface) ?? []), ...pairs]);
	}
	return {
		lemmaEndings: source.paradigms.split('\n'),
		suffixes,
		longestSuffix,
		lemmas: source.lemmas.split('\n'),
		contractions
	};
}

function tablesFor(lang: DictionaryLanguage): LanguageTables {
	return (tables[lang] ??= parseTables(lang));
}

const keyOf = (line: string) => line.slice(0, line.indexOf('\t'));

/** The index of the first line whose key is `key` or after it. */
function firstAtOrAfter(lines: string[], key: string): number {
	let lo = 0;
	let hi = lines.length;
	while (lo < hi) {
		const mid = (lo + hi) >>> 1;
		if (keyOf(lines[mid]) < key) lo = mid + 1;
		else hi = mid;
	}
	return lo;
}

function entriesOfLemma(t: LanguageTables, lemma: string): StoredEntry[] {
	const found: StoredEntry[] = [];
	for (let i = firstAtOrAfter(t.lemmas, lemma); i < t.lemmas.length; i++) {
		const [key, pos, paradigm, translations] = t.lemmas[i].split('\t');
		if (key !== lemma) break;
		found.push({ id: i, lemma: key, pos, paradigm: Number(paradigm), translations });
	}
	return found;
}

function paradigmsWithSuffix(t: LanguageTables, suffix: string): number[] {
	const i = firstAtOrAfter(t.suffixes, suffix);
	const line = t.suffixes[i];
	if (line === undefined || keyOf(line) !== suffix) return [];
	return line
		.slice(suffix.length + 1)
		.split(',')
		.map(Number);
}

function translationsOf(entry: StoredEntry): string[] {
	return entry.translations ? entry.translations.split('|') : [];
}

/** Every entry whose paradigm produces `form` exactly (case and accents as given). */
function analyse(t: LanguageTables, form: string): StoredEntry[] {
	const found: StoredEntry[] = [];
	for (let k = 0; k <= Math.min(form.length, t.longestSuffix); k++) {
		const stem = form.slice(0, form.length - k);
		for (const id of paradigmsWithSuffix(t, form.slice(form.length - k))) {
			for (const entry of entriesOfLemma(t, stem + t.lemmaEndings[id])) {
				if (entry.paradigm === id && !found.some((e) => e.id === entry.id)) found.push(entry);
			}
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
	const add = (entries: StoredEntry[]) => {
		for (const e of entries) if (!found.some((f) => f.id === e.id)) found.push(e);
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
