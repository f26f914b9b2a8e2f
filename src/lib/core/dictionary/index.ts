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
	/** The paradigms having form ending number n are paradigms[paradigmsStart[n]] up to paradigms[paradigmsStart[n + 1]]. */
	paradigmsStart: Int32Array;
	paradigms: Int32Array;
	longestSuffix: number;
	/** "marchar<TAB>verb<TAB>12<TAB>leave|…", sorted by lemma; the line number is the entry's id. */
	lemmas: string[];
	/** Per line: its paradigm (the third field). */
	paradigmOf: Int32Array;
	/**
	 * A stem ("march", the lemma without its paradigm's lemma ending) → its first line; the
	 * others follow through `nextWithStem` (-1 ends), in line order. A form is its stem plus a
	 * form ending, so analysing a word is one look-up per way of cutting it in two, whatever the
	 * number of paradigms the ending belongs to.
	 */
	firstWithStem: Map<string, number>;
	nextWithStem: Int32Array;
	/** "del" → [["de", "preposition"], ["el", "determiner"]]. */
	contractions: Map<string, [string, string][]>;
	/** For restoring accents, built on first need (see accentIndexFor). */
	accents?: AccentIndex;
}

/**
 * The stems and form endings that have an accented letter (one that accentedSpellings may
 * restore), keyed by their spelling without it: with the unaccented ones (keyed by themselves
 * in `firstWithStem` and `suffixNumber`), every stem and ending a word with accents restored
 * can be cut into, found from the word as typed.
 */
interface AccentIndex {
	stems: Map<string, number[]>;
	suffixes: Map<string, { suffix: string; number: number }[]>;
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
	for (let n = 0; n < suffixLines.length; n++) {
		const line = suffixLines[n];
		const tab = line.indexOf('\t');
		longestSuffix = Math.max(longestSuffix, tab);
		suffixNumber.set(line.slice(0, tab), n);
		paradigmsStart[n] = count;
		// Most endings belong to one paradigm: no array for those.
		let from = tab + 1;
		for (let comma = line.indexOf(',', from); comma >= 0; comma = line.indexOf(',', from)) {
			paradigms[count++] = Number(line.slice(from, comma));
			from = comma + 1;
		}
		paradigms[count++] = Number(line.slice(from));
	}
	paradigmsStart[suffixLines.length] = count;
	const lemmas = source.lemmas.split('\n');
	const paradigmOf = new Int32Array(lemmas.length);
	const firstWithStem = new Map<string, number>();
	const nextWithStem = new Int32Array(lemmas.length).fill(-1);
	const lastWithStem = new Map<string, number>();
	for (let i = 0; i < lemmas.length; i++) {
		const line = lemmas[i];
		const tab = line.indexOf('\t');
		const start = line.indexOf('\t', tab + 1) + 1;
		const paradigm = Number(line.slice(start, line.indexOf('\t', start)));
		paradigmOf[i] = paradigm;
		const ending = lemmaEndings[paradigm];
		// A lemma not ending as its paradigm's lemma does has no form the paradigm makes.
		if (ending.length > tab || !line.startsWith(ending, tab - ending.length)) continue;
		const stem = line.slice(0, tab - ending.length);
		const last = lastWithStem.get(stem);
		if (last === undefined) firstWithStem.set(stem, i);
		else nextWithStem[last] = i;
		lastWithStem.set(stem, i);
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
		paradigmOf,
		firstWithStem,
		nextWithStem,
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

/** The line numbers of a lemma's entries, in the data's order (by bisection: contractions only). */
function linesOfLemma(t: LanguageTables, lemma: string): number[] {
	// The lines are sorted by lemma (code units; the tab after it sorts before any letter).
	let low = 0;
	let high = t.lemmas.length;
	while (low < high) {
		const middle = (low + high) >> 1;
		const line = t.lemmas[middle];
		if (line.slice(0, line.indexOf('\t')) < lemma) low = middle + 1;
		else high = middle;
	}
	const lines: number[] = [];
	for (let i = low; i < t.lemmas.length && isLineOf(t.lemmas[i], lemma); i++) lines.push(i);
	return lines;
}

const isLineOf = (line: string, lemma: string) =>
	line.charCodeAt(lemma.length) === 9 && line.startsWith(lemma);

function entriesOfLemma(t: LanguageTables, lemma: string): StoredEntry[] {
	return linesOfLemma(t, lemma).map((id) => entryAt(t, id));
}

function translationsOf(entry: StoredEntry): string[] {
	return entry.translations ? entry.translations.split('|') : [];
}

/** Whether form ending number n is one of the paradigm's. */
function paradigmHasSuffix(t: LanguageTables, paradigm: number, n: number): boolean {
	for (let i = t.paradigmsStart[n]; i < t.paradigmsStart[n + 1]; i++)
		if (t.paradigms[i] === paradigm) return true;
	return false;
}

/**
 * The lines whose paradigm produces `form` exactly (case and accents as given): for each way of
 * cutting it into a stem and a form ending, the lines of that stem whose paradigm has that
 * ending. In order of the ending's length, then paradigm, then line, and each line once.
 */
function analysedLines(t: LanguageTables, form: string): number[] {
	const found: number[] = [];
	for (let k = 0; k <= Math.min(form.length, t.longestSuffix); k++) {
		const n = t.suffixNumber.get(form.slice(form.length - k));
		if (n === undefined) continue;
		const first = t.firstWithStem.get(form.slice(0, form.length - k));
		if (first === undefined) continue;
		const matches: number[] = [];
		for (let line = first; line >= 0; line = t.nextWithStem[line]) {
			if (paradigmHasSuffix(t, t.paradigmOf[line], n) && !found.includes(line)) matches.push(line);
		}
		found.push(...sortByParadigm(t, matches));
	}
	return found;
}

const sortByParadigm = (t: LanguageTables, lines: number[]) =>
	lines.sort((a, b) => t.paradigmOf[a] - t.paradigmOf[b] || a - b);

/** Every entry whose paradigm produces `form` exactly (case and accents as given). */
function analyse(t: LanguageTables, form: string): StoredEntry[] {
	return analysedLines(t, form).map((line) => entryAt(t, line));
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

const ACCENTED_LETTER = new RegExp(`[${Object.values(ACCENTED).flat().join('')}]`);
const UNACCENTED: Record<string, string> = Object.fromEntries(
	Object.entries(ACCENTED).flatMap(([plain, accented]) => accented.map((a) => [a, plain]))
);
const ACCENTED_LETTERS = new RegExp(ACCENTED_LETTER.source, 'g');
/** The word with the letters accentedSpellings may restore taken back off ("política" → "politica"). */
const unaccented = (word: string) => word.replace(ACCENTED_LETTERS, (c) => UNACCENTED[c]);

/** Whether `variant` is one of accentedSpellings(word): one or two letters of it accented. */
function isAccentedSpelling(word: string, variant: string): boolean {
	if (variant.length !== word.length) return false;
	let changed = 0;
	for (let i = 0; i < word.length; i++) {
		if (word[i] === variant[i]) continue;
		if (!ACCENTED[word[i]]?.includes(variant[i]) || ++changed > 2) return false;
	}
	return changed > 0;
}

function accentIndexFor(t: LanguageTables): AccentIndex {
	if (t.accents) return t.accents;
	const stems = new Map<string, number[]>();
	for (const [stem, first] of t.firstWithStem) {
		if (!ACCENTED_LETTER.test(stem)) continue;
		const key = unaccented(stem);
		const lines = stems.get(key) ?? [];
		for (let line = first; line >= 0; line = t.nextWithStem[line]) lines.push(line);
		stems.set(key, lines);
	}
	const suffixes = new Map<string, { suffix: string; number: number }[]>();
	for (const [suffix, number] of t.suffixNumber) {
		if (!ACCENTED_LETTER.test(suffix)) continue;
		const key = unaccented(suffix);
		suffixes.set(key, [...(suffixes.get(key) ?? []), { suffix, number }]);
	}
	return (t.accents = { stems, suffixes });
}

/**
 * The lines that analysing each of accentedSpellings(word) in turn finds, in that order, each
 * once, without analysing each spelling (a long word has dozens): a spelling's stem and form
 * ending are found from the word's own, unaccented, through the accent index.
 */
function linesWithAccentsRestored(t: LanguageTables, word: string): number[] {
	const index = accentIndexFor(t);
	const plain = unaccented(word);
	const bySpelling = new Map<string, [k: number, line: number][]>();
	for (let k = 0; k <= Math.min(word.length, t.longestSuffix); k++) {
		const ending = plain.slice(plain.length - k);
		const suffixes = index.suffixes.get(ending) ?? [];
		const n = t.suffixNumber.get(ending);
		if (n !== undefined) suffixes.push({ suffix: ending, number: n });
		if (suffixes.length === 0) continue;
		const stem = plain.slice(0, plain.length - k);
		const lines = [...(index.stems.get(stem) ?? [])];
		for (let line = t.firstWithStem.get(stem) ?? -1; line >= 0; line = t.nextWithStem[line])
			lines.push(line);
		for (const line of lines) {
			const paradigm = t.paradigmOf[line];
			for (const { suffix, number } of suffixes) {
				if (!paradigmHasSuffix(t, paradigm, number)) continue;
				const spelling = stemOf(t, line) + suffix;
				if (!isAccentedSpelling(word, spelling)) continue;
				const known = bySpelling.get(spelling);
				if (known) known.push([k, line]);
				else bySpelling.set(spelling, [[k, line]]);
			}
		}
	}
	const found: number[] = [];
	if (bySpelling.size === 0) return found;
	for (const spelling of accentedSpellings(word)) {
		const matches = bySpelling.get(spelling);
		if (!matches) continue;
		// As analysedLines orders them: by the ending's length, then paradigm, then line.
		matches.sort((a, b) => a[0] - b[0] || t.paradigmOf[a[1]] - t.paradigmOf[b[1]] || a[1] - b[1]);
		for (const [, line] of matches) if (!found.includes(line)) found.push(line);
	}
	return found;
}

/** A line's lemma without its paradigm's lemma ending. */
function stemOf(t: LanguageTables, line: number): string {
	const text = t.lemmas[line];
	return text.slice(0, text.indexOf('\t') - t.lemmaEndings[t.paradigmOf[line]].length);
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
	add(linesWithAccentsRestored(t, lower).map((line) => entryAt(t, line)));
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
