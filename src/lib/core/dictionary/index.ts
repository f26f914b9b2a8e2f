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
 * The index is flat (numbers in typed arrays, no parsed record per line), so that building it
 * costs little more than splitting the lines.
 */
interface LanguageTables {
	/** Per paradigm: the lemma's ending after the stem ("ar" for marchar). */
	lemmaEndings: string[];
	/** A form ending ("aron") → its number, which indexes `paradigmsStart`. */
	suffixNumber: Map<string, number>;
	/**
	 * The paradigms having form ending number n are paradigms[paradigmsStart[n]] up to
	 * paradigms[paradigmsStart[n + 1]], those implying the same lemma ending side by side, so
	 * that each candidate lemma is looked up once (58 English paradigms have the empty form
	 * ending, with 6 lemma endings among them).
	 */
	paradigmsStart: Int32Array;
	paradigms: Int32Array;
	longestSuffix: number;
	/** "marchar<TAB>verb<TAB>12<TAB>leave|…", sorted by lemma; the line number is the entry's id. */
	lemmas: string[];
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
	const suffixLines = source.suffixes.split('\n');
	const suffixNumber = new Map<string, number>();
	const paradigmsStart = new Int32Array(suffixLines.length + 1);
	const paradigms = new Int32Array(Math.ceil(source.suffixes.length / 2));
	let count = 0;
	let longestSuffix = 0;
	suffixLines.forEach((line, n) => {
		const tab = line.indexOf('\t');
		longestSuffix = Math.max(longestSuffix, tab);
		suffixNumber.set(line.slice(0, tab), n);
		paradigmsStart[n] = count;
		// Most endings belong to one paradigm: no array for those.
		if (line.indexOf(',', tab) < 0) {
			paradigms[count++] = Number(line.slice(tab + 1));
			return;
		}
		const ids = line
			.slice(tab + 1)
			.split(',')
			.map(Number);
		ids.sort((a, b) => compareStrings(lemmaEndings[a], lemmaEndings[b]) || a - b);
		for (const id of ids) paradigms[count++] = id;
	});
	paradigmsStart[suffixLines.length] = count;
	const lemmas = source.lemmas.split('\n');
	const firstLineOf = new Map<string, number>();
	let previous: string | undefined;
	for (let i = 0; i < lemmas.length; i++) {
		const lemma = lemmas[i].slice(0, lemmas[i].indexOf('\t'));
		if (lemma !== previous) firstLineOf.set(lemma, i);
		previous = lemma;
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
		lemmaEndings,
		suffixNumber,
		paradigmsStart,
		paradigms: paradigms.subarray(0, count),
		longestSuffix,
		lemmas,
		firstLineOf,
		contractions
	};
}

const compareStrings = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

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
	for (let i = first; i < t.lemmas.length && isLineOf(t.lemmas[i], lemma); i++) lines.push(i);
	return lines;
}

const isLineOf = (line: string, lemma: string) =>
	line.charCodeAt(lemma.length) === 9 && line.startsWith(lemma);

/** The paradigm number of a line of `lemmas`: its third field. */
function paradigmOfLine(t: LanguageTables, line: number): number {
	const text = t.lemmas[line];
	const start = text.indexOf('\t', text.indexOf('\t') + 1) + 1;
	return Number(text.slice(start, text.indexOf('\t', start)));
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
		const n = t.suffixNumber.get(form.slice(form.length - k));
		if (n === undefined) continue;
		const stem = form.slice(0, form.length - k);
		const matches: [paradigm: number, line: number][] = [];
		const end = t.paradigmsStart[n + 1];
		for (let group = t.paradigmsStart[n]; group < end;) {
			// The paradigms from `group` to `next` imply the same lemma: look it up once.
			const lemmaEnding = t.lemmaEndings[t.paradigms[group]];
			let next = group + 1;
			while (next < end && t.lemmaEndings[t.paradigms[next]] === lemmaEnding) next++;
			for (const line of linesOfLemma(t, stem + lemmaEnding)) {
				if (seen.has(line)) continue;
				const paradigm = paradigmOfLine(t, line);
				for (let i = group; i < next; i++) {
					if (t.paradigms[i] === paradigm) matches.push([paradigm, line]);
				}
			}
			group = next;
		}
		// In paradigm order, then the data's order, as one look-up per paradigm would find them.
		matches.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
		for (const [, line] of matches) {
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
