// The offline English/Spanish dictionary: a word, inflected or not, to its lemmas, parts of speech
// and translations, from Apertium and FreeDict data (GPL-2, see src/lib/data/dictionary/README.md).
//
// The data is a JSON module bundled with the code (no I/O here). On the first lookup in each
// language its form endings and stems are indexed in hash tables (tables.ts; a few tens of
// milliseconds, or read from an image of them that the `puente` command keeps), then kept for
// the life of the process (immutable, so one copy serves everyone). Inflected forms are
// found by suffix paradigms taken from Apertium's morphological analysers: each lemma names a
// paradigm (its ending and its forms' endings), so "marcharon" is analysed by trying every form
// ending it has ("-aron", "-ron"…) and checking whether the lemma that ending implies
// ("march" + "ar") has it.
import data from '../../data/dictionary/dictionary.json';
import {
	ACCENTED,
	HASH_START,
	hashStep,
	imageSources,
	parseTables,
	plainCode,
	tablesFromImage,
	tablesImage,
	type LanguageSource,
	type LanguageTables,
	type Utf16Decoder
} from './tables';

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
 * The JSON data, or in a `puente` command with a prepared image of the tables (src/cli/puente.js
 * makes one beside its bundle) only that image.
 */
type DictionaryData = Partial<Record<DictionaryLanguage, LanguageSource>> & {
	sources?: Record<string, string>;
	image?: Uint8Array;
	/** Decodes the image's texts faster than TextDecoder (Node's Buffer: ~3 ms against ~10). */
	decodeUtf16le?: Utf16Decoder;
};
const source = data as unknown as DictionaryData;

const tables: Partial<Record<DictionaryLanguage, LanguageTables>> = {};

function tablesFor(lang: DictionaryLanguage): LanguageTables {
	return (tables[lang] ??= source.image
		? tablesFromImage(source.image, lang, source.decodeUtf16le)
		: parseTables(source[lang]!));
}

/** An image of both languages' tables, for a command to keep and hand back as the data's `image`. */
export function dictionaryImage(): Uint8Array {
	return tablesImage({ en: tablesFor('en'), es: tablesFor('es') }, dictionarySources);
}

const linesIn = (t: LanguageTables) => t.lemmaLength.length;
const lineAt = (t: LanguageTables, id: number) =>
	t.lemmaText.slice(t.lineStart[id], t.lineStart[id + 1] - 1);
const lemmaAt = (t: LanguageTables, id: number) =>
	t.lemmaText.slice(t.lineStart[id], t.lineStart[id] + t.lemmaLength[id]);

function entryAt(t: LanguageTables, id: number): StoredEntry {
	const [lemma, pos, paradigm, translations] = lineAt(t, id).split('\t');
	return { id, lemma, pos, paradigm: Number(paradigm), translations };
}

/** The line numbers of a lemma's entries, in the data's order (by bisection: contractions only). */
function linesOfLemma(t: LanguageTables, lemma: string): number[] {
	// The lines are sorted by lemma (in code units; the tab after it sorts before any letter).
	let low = 0;
	let high = linesIn(t);
	while (low < high) {
		const middle = (low + high) >> 1;
		if (lemmaAt(t, middle) < lemma) low = middle + 1;
		else high = middle;
	}
	const lines: number[] = [];
	for (let i = low; i < linesIn(t) && lemmaAt(t, i) === lemma; i++) lines.push(i);
	return lines;
}

function translationsOf(entry: StoredEntry): string[] {
	return entry.translations ? entry.translations.split('|') : [];
}

/** Whether form ending number n is one of the paradigm's. */
function paradigmHasSuffix(t: LanguageTables, paradigm: number, n: number): boolean {
	const text = t.suffixText;
	let id = 0;
	for (let i = t.suffixStart[n] + t.suffixLength[n] + 1; i < t.suffixEnd[n]; i++) {
		const code = text.charCodeAt(i);
		if (code !== 44 /* , */) id = id * 10 + code - 48;
		else if (id === paradigm) return true;
		else id = 0;
	}
	return id === paradigm;
}

/**
 * How a stored stretch of text (a stem or a form ending) matches the same stretch of the word:
 * -1 if it does not; else the number of letters it has accented where the word has them plain
 * (0: the same text), which only accent restoring allows.
 */
function accentsAdded(
	text: string,
	at: number,
	word: string,
	from: number,
	length: number
): number {
	let added = 0;
	for (let i = 0; i < length; i++) {
		const stored = text.charCodeAt(at + i);
		const typed = word.charCodeAt(from + i);
		if (stored === typed) continue;
		// Only an ACCENTED letter differs from its plain code unit.
		if (plainCode(stored) !== typed) return -1;
		added++;
	}
	return added;
}

// A word's hashes (see hashesOf), in buffers kept between look-ups: most words are short, and
// two typed arrays made for each of the several spellings a lookup tries cost more than the tries.
let prefixHashes = new Int32Array(64);
let endingHashes = new Int32Array(64);

/** Fills prefixHashes[m] with the hash of the word's first m letters, endingHashes[k] of its last k read from the end. */
function hashWord(word: string, longest: number): void {
	if (word.length >= prefixHashes.length) {
		prefixHashes = new Int32Array(word.length * 2);
		endingHashes = new Int32Array(word.length * 2);
	}
	prefixHashes[0] = HASH_START;
	for (let m = 0; m < word.length; m++)
		prefixHashes[m + 1] = hashStep(prefixHashes[m], word.charCodeAt(m));
	endingHashes[0] = HASH_START;
	for (let k = 1; k <= longest; k++)
		endingHashes[k] = hashStep(endingHashes[k - 1], word.charCodeAt(word.length - k));
}

/**
 * The ways `word` is a form of a line: one for each line whose paradigm makes the word cut into
 * a stem and an ending k long (ending number n), `accents` being how many letters the form has
 * accented where the word has them plain (0 or, with `restoring`, 1 or 2; see accentedSpellings).
 */
type FormOf = [k: number, line: number, accents: number, n: number];

function formsOf(t: LanguageTables, word: string, restoring: boolean): FormOf[] {
	const found: FormOf[] = [];
	const longest = Math.min(word.length, t.longestSuffix);
	hashWord(word, longest);
	const suffixMask = t.suffixBuckets.length - 1;
	const stemMask = t.stemBuckets.length - 1;
	const limit = restoring ? 2 : 0;
	for (let k = 0; k <= longest; k++) {
		for (let n = t.suffixBuckets[endingHashes[k] & suffixMask]; n >= 0; n = t.suffixNext[n]) {
			if (t.suffixLength[n] !== k) continue;
			const inEnding = accentsAdded(t.suffixText, t.suffixStart[n], word, word.length - k, k);
			if (inEnding < 0 || inEnding > limit) continue;
			const stemLength = word.length - k;
			for (
				let line = t.stemBuckets[prefixHashes[stemLength] & stemMask];
				line >= 0;
				line = t.stemNext[line]
			) {
				if (t.stemLength[line] !== stemLength) continue;
				const inStem = accentsAdded(t.lemmaText, t.lineStart[line], word, 0, stemLength);
				if (inStem < 0 || inStem + inEnding > limit) continue;
				if (paradigmHasSuffix(t, t.paradigmOf[line], n))
					found.push([k, line, inStem + inEnding, n]);
			}
		}
	}
	return found;
}

/**
 * The lines whose paradigm produces `form` exactly (case and accents as given): by the ending's
 * length, then paradigm, then line, each line once.
 */
function analysedLines(t: LanguageTables, form: string): number[] {
	return inAnalysisOrder(t, formsOf(t, form, false));
}

/**
 * The forms' lines in the order analysing their spelling gives (by the ending's length, then
 * paradigm, then line), each once: appended to `lines`, skipping those already there.
 */
function inAnalysisOrder(t: LanguageTables, forms: FormOf[], lines: number[] = []): number[] {
	forms.sort((a, b) => a[0] - b[0] || t.paradigmOf[a[1]] - t.paradigmOf[b[1]] || a[1] - b[1]);
	for (const [, line] of forms) if (!lines.includes(line)) lines.push(line);
	return lines;
}

/** The spellings worth trying for a word as found in running text: as is, lowercase, capitalised. */
function spellings(word: string): string[] {
	const lower = word.toLowerCase();
	const capitalised = lower.charAt(0).toUpperCase() + lower.slice(1);
	const found = [word];
	if (lower !== word) found.push(lower);
	if (capitalised !== word && capitalised !== lower) found.push(capitalised);
	return found;
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

/**
 * Where a spelling of the word with one or two letters accented ("politica" → "pólitica",
 * "polítíca"…, "política") comes among all of them, ordered by the first accented letter's
 * position, then by which of its accents (ACCENTED's order), then the one-accent spelling before
 * those that accent a later letter too, by that letter's position and accent: as a list of
 * (position, accent) to compare item by item, a shorter list first when one begins the other.
 */
function accentRank(word: string, spelling: string): number[] {
	const rank: number[] = [];
	for (let i = 0; i < word.length; i++)
		if (spelling[i] !== word[i]) rank.push(i, ACCENTED[word[i]].indexOf(spelling[i]));
	return rank;
}

function byRank(a: number[], b: number[]): number {
	for (let i = 0; i < a.length && i < b.length; i++) if (a[i] !== b[i]) return a[i] - b[i];
	return a.length - b.length;
}

/**
 * The lines that analysing each spelling of the word with one or two letters accented finds, in
 * accentRank's order of the spellings, each once, without analysing each spelling (a long word
 * has dozens): the word's own hashes find the stems and endings of all of them (see
 * LanguageTables), and only the spellings that have lines are ranked.
 */
function linesWithAccentsRestored(t: LanguageTables, word: string): number[] {
	const bySpelling = new Map<string, FormOf[]>();
	for (const form of formsOf(t, word, true)) {
		const [k, line, accents, n] = form;
		if (accents === 0) continue;
		const start = t.lineStart[line];
		const spelling =
			t.lemmaText.slice(start, start + word.length - k) +
			t.suffixText.slice(t.suffixStart[n], t.suffixStart[n] + k);
		const known = bySpelling.get(spelling);
		if (known) known.push(form);
		else bySpelling.set(spelling, [form]);
	}
	const found: number[] = [];
	const ranked = [...bySpelling.keys()].map((spelling) => ({
		spelling,
		rank: accentRank(word, spelling)
	}));
	ranked.sort((a, b) => byRank(a.rank, b.rank));
	for (const { spelling } of ranked) inAnalysisOrder(t, bySpelling.get(spelling)!, found);
	return found;
}

/**
 * The lines of a word's entries, each once, in the order found. Line numbers, not entries, until
 * the end: a word's spellings find many of the same lines, and each entry read is a string split.
 */
function findLines(t: LanguageTables, word: string, lang: DictionaryLanguage): number[] {
	const found: number[] = [];
	const add = (lines: number[], pos?: string) => {
		for (const line of lines)
			if ((pos === undefined || hasPos(t, line, pos)) && !found.includes(line)) found.push(line);
	};
	for (const spelling of spellings(word)) {
		add(analysedLines(t, spelling));
		for (const [lemma, pos] of t.contractions.get(spelling) ?? []) add(linesOfLemma(t, lemma), pos);
	}
	if (found.length) return found;
	const lower = word.toLowerCase();
	if (lang === 'es') {
		for (const base of withoutEnclitics(lower)) add(analysedLines(t, base), 'verb');
	} else {
		const possessive = /'s?$/.exec(lower);
		if (possessive) add(analysedLines(t, lower.slice(0, possessive.index)));
	}
	if (found.length) return found;
	// Only when the word as written is unknown: "politica" finds "política", but "ano" never
	// finds "año" (it is a word of its own).
	add(linesWithAccentsRestored(t, lower));
	return found;
}

/** Whether a line's part of speech is `pos` (read in place: it follows the lemma and a tab). */
function hasPos(t: LanguageTables, line: number, pos: string): boolean {
	const at = t.lineStart[line] + t.lemmaLength[line] + 1;
	return t.lemmaText.startsWith(pos, at) && t.lemmaText.charCodeAt(at + pos.length) === 9;
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
	const entries = findLines(t, trimmed, from).map((line) => entryAt(t, line));
	// The base form first: "saw" the noun before "see" the verb (each group in the order found).
	const lower = trimmed.toLowerCase();
	const isBase = entries.map((e) => e.lemma.toLowerCase() === lower);
	const ordered = [...entries.filter((_, i) => isBase[i]), ...entries.filter((_, i) => !isBase[i])];
	// One entry per lemma and part of speech, with the translations of all its lines.
	const merged: DictionaryEntry[] = [];
	for (const e of ordered) {
		const known = merged.find((m) => m.lemma === e.lemma && m.pos === e.pos);
		if (known) {
			for (const tr of translationsOf(e)) {
				if (!known.translations.includes(tr)) known.translations.push(tr);
			}
		} else merged.push({ lemma: e.lemma, pos: e.pos, translations: translationsOf(e) });
	}
	return merged;
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
		const t = tablesFor(lang);
		for (let id = 0; id < linesIn(t); id++) {
			const [lemma, , , translations] = lineAt(t, id).split('\t');
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
export const dictionarySources: Record<string, string> = source.image
	? imageSources(source.image)
	: source.sources!;
