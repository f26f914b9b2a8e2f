// Parts of a sentence that must not decide its language: proper names, numbers and addresses,
// glossary terms, and phrases quoted from the other language. "The crowd chanted “Ni una
// menos”" is English because of its grammar, not its slogan. Each token gets a voting weight;
// masked stretches are kept as groups so inline spans can be found in them afterwards.
import { tokenize, type Token } from '../text/tokens';
import { createGlossaryMatcher } from '../glossary/match';
import type { GlossaryEntry } from '../glossary/types';
import { DATE_WORDS } from './lexicon';
import { chunksOf, type Chunk } from './shape';

/** A masked stretch of a sentence: a name, a quotation or a glossary term. */
export interface MaskedGroup {
	start: number;
	end: number;
	kind: 'name' | 'quote' | 'term';
	/** Indices into the sentence's tokens. */
	tokens: number[];
}

export interface MaskedSentence {
	tokens: Token[];
	/** Each token in lower case (words are looked up that way). */
	lower: string[];
	/** Voting weight of each token: 1 for a plain word, less or 0 for masked ones. */
	weights: number[];
	groups: MaskedGroup[];
	/** The sentence's space-separated chunks: words, code, numbers (see shape.ts). */
	chunks: Chunk[];
}

/** A quotation inside a sentence still says a little: quotes are mostly in the sentence's own language. */
const QUOTE_WEIGHT = 0.15;
/** Voting weight of the words of a hyphenated compound. */
const COMPOUND_WEIGHT = 0.3;
/** A quotation this large a share of the sentence's letters is the sentence itself, not an insert. */
const QUOTE_SHARE_LIMIT = 0.6;

/** Lower-case words that join capitalised words into one name ("Marcha de los 4 Suyos", "Bank of England"). */
const NAME_JOINERS = new Set([
	'de',
	'del',
	'la',
	'las',
	'los',
	'el',
	'of',
	'the',
	'for',
	'da',
	'do',
	'dos',
	'di',
	'van',
	'von'
]);
/** Grammar inside a name: the only part of "La Toma de Lima" that tells its language. */
export const NAME_GRAMMAR = new Set([
	...NAME_JOINERS,
	'the',
	'la',
	'las',
	'los',
	'el',
	'del',
	'de',
	'of',
	'for'
]);
/** An article right before a name belongs to it ("la Defensoría del Pueblo", "the Congress"). */
const NAME_ARTICLES = new Set(['la', 'las', 'los', 'el', 'the']);

const QUOTE_PAIRS: Record<string, string> = { '“': '”', '«': '»', '"': '"', '‘': '’', '„': '“' };
const OPENING_QUOTES = new Set(Object.keys(QUOTE_PAIRS).map((q) => q.charCodeAt(0)));

/** Finds protected terms in a text: [start, end) offsets of each occurrence. */
export interface TermMatcher {
	find(text: string): Array<[number, number]>;
}

/**
 * Finds glossary terms as the glossary does (whole words, case and accents folded), with its
 * trie matcher: linear in the text whatever the number of terms. One regular expression of
 * every term failed on large glossaries ("Regular expression too large") and took the server down.
 */
export function termMatcher(terms: string[] | undefined): TermMatcher | null {
	if (!terms) return null;
	// The server passes the same glossary's forms for every document: build its trie once.
	const cached = matchers.get(terms);
	if (cached !== undefined) return cached;
	const matcher = buildTermMatcher(terms);
	matchers.set(terms, matcher);
	return matcher;
}

const matchers = new WeakMap<string[], TermMatcher | null>();

function buildTermMatcher(terms: string[]): TermMatcher | null {
	const clean = [...new Set(terms.map((t) => t.trim()).filter((t) => t.length > 0))];
	if (clean.length === 0) return null;
	const matcher = createGlossaryMatcher(
		clean.map(
			(form, i) => ({ id: `t${i}`, es: form, en: form, variants: [] }) as unknown as GlossaryEntry
		)
	);
	return { find: (text) => matcher.find(text).map((m) => [m.start, m.end]) };
}

export function maskSentence(
	text: string,
	start: number,
	end: number,
	terms: TermMatcher | null
): MaskedSentence {
	const tokens = tokenize(text, start, end);
	const chunks = chunksOf(text, start, end);
	const lower = new Array<string>(tokens.length);
	const weights = new Array<number>(tokens.length);
	let c = 0;
	for (let i = 0; i < tokens.length; i++) {
		lower[i] = tokens[i].text.toLowerCase();
		// Words inside code ("always" in --always-make, "etc" in /etc/passwd) do not vote.
		while (c < chunks.length && chunks[c].end <= tokens[i].start) c++;
		// Words of a hyphenated compound say less: in technical text most are names of things
		// ("task-gnome-desktop", "xdg-desktop-portal").
		const chunk = c < chunks.length && chunks[c].start <= tokens[i].start ? chunks[c].kind : 'word';
		weights[i] =
			tokens[i].kind !== 'word' || chunk === 'code' || DATE_WORDS.has(lower[i])
				? 0
				: chunk === 'compound'
					? COMPOUND_WEIGHT
					: 1;
	}
	const groups: MaskedGroup[] = [];

	if (terms) {
		for (const [a, b] of terms.find(text.slice(start, end)))
			groups.push(maskRange(tokens, weights, start + a, start + b, 'term', 0));
	}
	for (const [a, b] of quotations(text, start, end, tokens))
		groups.push(maskRange(tokens, weights, a, b, 'quote', QUOTE_WEIGHT));
	groups.push(...nameGroups(tokens, weights, text, start));
	return {
		tokens,
		lower,
		weights,
		groups: groups.filter((g) => g.tokens.length > 0).sort((x, y) => x.start - y.start),
		chunks
	};
}

function maskRange(
	tokens: Token[],
	weights: number[],
	a: number,
	b: number,
	kind: MaskedGroup['kind'],
	weight: number
): MaskedGroup {
	const inside: number[] = [];
	tokens.forEach((t, i) => {
		if (t.start >= a && t.end <= b) {
			inside.push(i);
			weights[i] = Math.min(weights[i], weight);
		}
	});
	return { start: a, end: b, kind, tokens: inside };
}

/** Quotations that are inserts: content between paired quote marks, smaller than most of the sentence. */
function quotations(
	text: string,
	start: number,
	end: number,
	tokens: Token[]
): Array<[number, number]> {
	const found: Array<[number, number]> = [];
	let first = start;
	while (first < end && !OPENING_QUOTES.has(text.charCodeAt(first))) first++;
	if (first >= end) return found;
	let letters = 0;
	for (const t of tokens) if (t.kind === 'word') letters += t.end - t.start;
	for (let i = first; i < end; i++) {
		const close = QUOTE_PAIRS[text[i]];
		if (!close) continue;
		// A straight or curly single quote between letters is an apostrophe, not a quotation.
		if (text[i] === '‘' && i > start && isLetter(text.charCodeAt(i - 1))) continue;
		let j = i + 1;
		while (
			j < end &&
			!(text[j] === close && !(close === '’' && j + 1 < end && isLetter(text.charCodeAt(j + 1))))
		)
			j++;
		if (j >= end) continue;
		let inner = 0;
		for (let k = i + 1; k < j; k++) if (isLetter(text.charCodeAt(k))) inner++;
		if (inner > 0 && inner < QUOTE_SHARE_LIMIT * letters) found.push([i + 1, j]);
		i = j;
	}
	return found;
}

function isLetter(code: number): boolean {
	return (
		(code >= 65 && code <= 90) ||
		(code >= 97 && code <= 122) ||
		(code >= 0xc0 && code !== 0xd7 && code !== 0xf7 && code < 0x2000)
	);
}

/**
 * Capitalised words inside a sentence are names (people, places, institutions), with the
 * joiners between them and an article before them. The first word of a sentence is only part of
 * a name when the next word is capitalised too. Title-case headlines keep their words: there
 * the capitals say nothing.
 */
function nameGroups(
	tokens: Token[],
	weights: number[],
	text: string,
	sentenceStart: number
): MaskedGroup[] {
	const words: number[] = [];
	tokens.forEach((t, i) => {
		if (t.kind === 'word') words.push(i);
	});
	const capitalised = words.map((i) => isCapitalised(tokens[i].text));
	// Title case: only short words ("of", "de", "and") stay in lower case.
	const titleCase =
		words.length >= 3 && words.every((i, k) => capitalised[k] || tokens[i].text.length <= 3);
	// A heading in capitals ("VÉASE TAMBIÉN", "SEE ALSO") has no names to find either.
	const shouting =
		words.length > 0 && words.every((i) => tokens[i].text === tokens[i].text.toUpperCase());
	if (titleCase || shouting) return [];

	const groups: MaskedGroup[] = [];
	let w = 0;
	while (w < words.length) {
		const startsName =
			capitalised[w] &&
			((w + 1 < words.length && capitalised[w + 1]) ||
				!(w === 0 || opensClause(text, sentenceStart, tokens[words[w]].start)));
		if (!startsName) {
			w++;
			continue;
		}
		let last = w;
		let k = w + 1;
		while (
			k < words.length &&
			onlySpaceBetween(text, tokens[words[k - 1]].end, tokens[words[k]].start)
		) {
			if (capitalised[k]) last = k++;
			else if (
				NAME_JOINERS.has(tokens[words[k]].text) &&
				k + 1 < words.length &&
				(capitalised[k + 1] ||
					(NAME_JOINERS.has(tokens[words[k + 1]].text) &&
						k + 2 < words.length &&
						capitalised[k + 2]))
			)
				k++;
			else break;
		}
		let from = w;
		if (w > 0 && NAME_ARTICLES.has(tokens[words[w - 1]].text)) from = w - 1;
		const indices: number[] = [];
		for (let x = words[from]; x <= words[last]; x++) {
			indices.push(x);
			weights[x] = 0;
		}
		groups.push({
			start: tokens[words[from]].start,
			end: tokens[words[last]].end,
			kind: 'name',
			tokens: indices
		});
		w = last + 1;
	}
	return groups;
}

/** Names run over spaces and numbers only ("Marcha de los 4 Suyos"): "Coup + Videos /La Mosca" is two things. */
function onlySpaceBetween(text: string, a: number, b: number): boolean {
	for (let i = a; i < b; i++) {
		const c = text.charCodeAt(i);
		if (c !== 0x20 && !(c >= 48 && c <= 57)) return false;
	}
	return true;
}

function isCapitalised(word: string): boolean {
	const c = word.charCodeAt(0);
	if (word === 'I' || word.startsWith('I’') || word.startsWith("I'")) return false;
	return (
		(c >= 65 && c <= 90) ||
		(c >= 0xc0 && c <= 0xde && c !== 0xd7) ||
		(c > 0xff && word[0] !== word[0].toLowerCase())
	);
}

/** A word right after a colon, an opening quote or a Spanish opener starts a clause: its capital proves nothing. */
function opensClause(text: string, sentenceStart: number, wordStart: number): boolean {
	let i = wordStart - 1;
	while (i >= sentenceStart && (text[i] === ' ' || '“"«‘¿¡(['.includes(text[i]))) i--;
	return i < sentenceStart || ':;—–-'.includes(text[i]);
}
