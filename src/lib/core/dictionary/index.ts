// The offline English/Spanish dictionary: a word, inflected or not, to its lemmas, parts of speech
// and translations, from Apertium eng-spa and FreeDict data (GPL, see src/lib/data/dictionary).
//
// The data is a JSON module bundled with the code (no I/O here), parsed into lookup tables on the
// first call and kept for the life of the process: it is immutable, so one copy serves everyone.
// Inflected forms are found by suffix paradigms taken from Apertium's morphological analysers:
// each lemma names a paradigm (its ending and its forms' endings), so "marcharon" is analysed by
// trying every paradigm ending that "marcharon" ends with and checking the lemma it implies.
import data from '../../data/dictionary/dictionary.json';

export type DictionaryLanguage = 'en' | 'es';

export interface DictionaryEntry {
	lemma: string;
	/** "noun", "verb", "adjective", "adverb", "proper noun", "preposition", "determiner"… */
	pos: string;
	/** Most reliable first: pairs that Apertium and FreeDict agree on, then Apertium's, then FreeDict's. */
	translations: string[];
}

interface Paradigm {
	lemmaSuffix: string;
	formSuffixes: string[];
}

interface StoredEntry {
	lemma: string;
	pos: string;
	paradigm: number;
	/** "leave|go away", split when asked for: most lemmas are never looked up. */
	translations: string;
}

interface LanguageTables {
	paradigms: Paradigm[];
	/** A form's ending → the paradigms that have it. */
	bySuffix: Map<string, number[]>;
	longestSuffix: number;
	byLemma: Map<string, StoredEntry[]>;
	/** The same two tables with accents removed, for words typed without them; built when needed. */
	folded?: { bySuffix: Map<string, number[]>; byLemma: Map<string, StoredEntry[]> };
	/** "del" → [["de", "preposition"], ["el", "determiner"]]. */
	contractions: Map<string, [string, string][]>;
}

type DictionaryData = Record<
	DictionaryLanguage,
	{ paradigms: string; lemmas: string; contractions: string }
>;

const tables: Partial<Record<DictionaryLanguage, LanguageTables>> = {};

/** Lowercase without accents or other diacritics: "Política" → "politica". */
export function foldWord(word: string): string {
	const lower = word.toLowerCase();
	// eslint-disable-next-line no-control-regex
	if (/^[\x00-\x7f]*$/.test(lower)) return lower;
	return lower.normalize('NFD').replace(/\p{M}/gu, '').normalize('NFC');
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
	const list = map.get(key);
	if (list) {
		if (!list.includes(value)) list.push(value);
	} else map.set(key, [value]);
}

function parseTables(lang: DictionaryLanguage): LanguageTables {
	const source = (data as unknown as DictionaryData)[lang];
	const paradigms: Paradigm[] = source.paradigms.split('\n').map((line) => {
		const [lemmaSuffix, forms] = line.split('\t');
		return { lemmaSuffix, formSuffixes: forms.split(',') };
	});
	const bySuffix = new Map<string, number[]>();
	let longestSuffix = 0;
	paradigms.forEach((p, id) => {
		for (const suffix of p.formSuffixes) {
			push(bySuffix, suffix, id);
			longestSuffix = Math.max(longestSuffix, suffix.length);
		}
	});
	const byLemma = new Map<string, StoredEntry[]>();
	for (const line of source.lemmas.split('\n')) {
		const [lemma, pos, paradigm, translations] = line.split('\t');
		const entry: StoredEntry = { lemma, pos, paradigm: Number(paradigm), translations };
		const list = byLemma.get(lemma);
		if (list) list.push(entry);
		else byLemma.set(lemma, [entry]);
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
		paradigms,
		bySuffix,
		longestSuffix,
		byLemma,
		contractions
	};
}

function tablesFor(lang: DictionaryLanguage): LanguageTables {
	return (tables[lang] ??= parseTables(lang));
}

function foldedTables(t: LanguageTables): NonNullable<LanguageTables['folded']> {
	if (!t.folded) {
		const bySuffix = new Map<string, number[]>();
		t.paradigms.forEach((p, id) => {
			for (const suffix of p.formSuffixes) push(bySuffix, foldWord(suffix), id);
		});
		const byLemma = new Map<string, StoredEntry[]>();
		for (const entries of t.byLemma.values()) {
			for (const e of entries) push(byLemma, foldWord(e.lemma), e);
		}
		t.folded = { bySuffix, byLemma };
	}
	return t.folded;
}

function translationsOf(entry: StoredEntry): string[] {
	return entry.translations ? entry.translations.split('|') : [];
}

/** Every entry whose paradigm produces `form` exactly (case and accents as given). */
function analyse(t: LanguageTables, form: string, folded = false): StoredEntry[] {
	const { bySuffix: suffixes, byLemma: lemmas } = folded ? foldedTables(t) : t;
	const found: StoredEntry[] = [];
	for (let k = 0; k <= Math.min(form.length, t.longestSuffix); k++) {
		const ids = suffixes.get(form.slice(form.length - k));
		if (!ids) continue;
		const stem = form.slice(0, form.length - k);
		for (const id of ids) {
			const ending = t.paradigms[id].lemmaSuffix;
			const lemma = stem + (folded ? foldWord(ending) : ending);
			for (const entry of lemmas.get(lemma) ?? []) {
				if (entry.paradigm === id && !found.includes(entry)) found.push(entry);
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

function findEntries(t: LanguageTables, word: string, lang: DictionaryLanguage): StoredEntry[] {
	const found: StoredEntry[] = [];
	const add = (entries: StoredEntry[]) => {
		for (const e of entries) if (!found.includes(e)) found.push(e);
	};
	for (const spelling of spellings(word)) {
		add(analyse(t, spelling));
		for (const [lemma, pos] of t.contractions.get(spelling) ?? []) {
			add((t.byLemma.get(lemma) ?? []).filter((e) => e.pos === pos));
		}
	}
	if (found.length) return found;
	const lower = word.toLowerCase();
	if (lang === 'es') {
		for (const base of withoutEnclitics(lower)) {
			add(analyse(t, base).filter((e) => e.pos === 'verb'));
		}
	} else {
		const possessive = /['’]s?$/.exec(lower);
		if (possessive) add(analyse(t, lower.slice(0, possessive.index)));
	}
	if (found.length) return found;
	// Only when the word as written is unknown: "politica" finds "política", but "ano" never
	// finds "año" (it is a word of its own).
	add(analyse(t, foldWord(word), true));
	return found;
}

/**
 * Dictionary entries for a word of running text in either language, inflected or not:
 * `lookup('marcharon', 'es')` → [{ lemma: 'marchar', pos: 'verb', translations: [...] }].
 * Case is ignored where it must be (a capitalised first word of a sentence), accents only when
 * the word as written is not a form of any lemma. An unknown word gives [].
 */
export function lookup(word: string, from: DictionaryLanguage): DictionaryEntry[] {
	const trimmed = word.trim().replace(/\s+/g, ' ');
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
		for (const entries of tablesFor(lang).byLemma.values()) {
			for (const entry of entries) {
				for (const translation of translationsOf(entry)) {
					const a = entry.lemma.toLowerCase();
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
}

/** Versions of the Debian packages the data was built from, for an about page or a report. */
export const dictionarySources: Record<string, string> = (
	data as { sources: Record<string, string> }
).sources;
