// How the glossary sees text: word tokens and the keys under which a token can match a
// glossary form. Both the matcher and the validator use it, so "matchable" means one thing.
import { foldForSearch } from '../text/fold';

/** A word is a run of letters, digits and combining marks. Everything else separates words. */
const WORD_CHAR = /^[\p{L}\p{N}\p{M}]$/u;

/**
 * Whether each UTF-16 unit outside the surrogates is a word character: 1 yes, 2 no, 0 not
 * asked yet. A table lookup per character is several times faster than a Unicode regex over
 * a long text, which is what matching spends most of its time on.
 */
const wordUnit = new Uint8Array(0x10000);

function isWordUnit(code: number): boolean {
	let known = wordUnit[code];
	if (known === 0) {
		known = WORD_CHAR.test(String.fromCharCode(code)) ? 1 : 2;
		wordUnit[code] = known;
	}
	return known === 1;
}

/** Length in UTF-16 units of the word character at `i` (2 for an astral letter), or 0. */
function wordCharLength(text: string, i: number): number {
	const code = text.charCodeAt(i);
	if (code < 0xd800 || code > 0xdfff) return isWordUnit(code) ? 1 : 0;
	const cp = text.codePointAt(i)!;
	return cp > 0xffff && WORD_CHAR.test(String.fromCodePoint(cp)) ? 2 : 0;
}

/** Calls `onWord` with the offsets of every word in `text`, in order. */
export function scanWords(text: string, onWord: (start: number, end: number) => void): void {
	let i = 0;
	const n = text.length;
	while (i < n) {
		let len = wordCharLength(text, i);
		if (len === 0) {
			i++;
			continue;
		}
		const start = i;
		while (len > 0) {
			i += len;
			len = i < n ? wordCharLength(text, i) : 0;
		}
		onWord(start, i);
	}
}

/**
 * Characters allowed between two words of one term: spaces, one line break, hyphens and
 * apostrophes ("Peru-Libre", "coup d’état"). A comma, a dash or a blank line ends a term.
 */
// prettier-ignore
const JOINERS = new Set([' ', '\t', '\u00a0', '\u2009', '\u202f', '\r', '\n', '-', '\u2010', '\u2011', "'", '\u2019', '\u02bc']);

export function isJoiningGap(text: string, from: number, to: number): boolean {
	if (to - from === 1 && text.charCodeAt(from) === 32) return true;
	let newlines = 0;
	for (let i = from; i < to; i++) {
		const c = text[i];
		if (!JOINERS.has(c)) return false;
		if (c === '\n' && ++newlines > 1) return false;
	}
	return true;
}

/** Lower case without accents: "Perú" → "peru". */
export const foldWord = foldForSearch;

/** Small numbers spelled out, so "Cuatro Suyos", "4 Suyos" and "Four Suyos" meet. */
const NUMBER_WORDS: Record<string, number> = {
	zero: 0,
	one: 1,
	two: 2,
	three: 3,
	four: 4,
	five: 5,
	six: 6,
	seven: 7,
	eight: 8,
	nine: 9,
	ten: 10,
	eleven: 11,
	twelve: 12,
	thirteen: 13,
	fourteen: 14,
	fifteen: 15,
	sixteen: 16,
	seventeen: 17,
	eighteen: 18,
	nineteen: 19,
	twenty: 20,
	thirty: 30,
	forty: 40,
	fifty: 50,
	hundred: 100,
	cero: 0,
	un: 1,
	uno: 1,
	una: 1,
	dos: 2,
	tres: 3,
	cuatro: 4,
	cinco: 5,
	seis: 6,
	siete: 7,
	ocho: 8,
	nueve: 9,
	diez: 10,
	once: 11,
	doce: 12,
	trece: 13,
	catorce: 14,
	quince: 15,
	dieciseis: 16,
	diecisiete: 17,
	dieciocho: 18,
	diecinueve: 19,
	veinte: 20,
	treinta: 30,
	cuarenta: 40,
	cincuenta: 50,
	cien: 100
};

function numberValue(folded: string): number | undefined {
	if (/^[0-9]+$/.test(folded)) return Number(folded);
	return NUMBER_WORDS[folded];
}

/** An abbreviation written in capitals: "OEA", "PNP". One capital letter alone is just a capital. */
function isAllCaps(word: string): boolean {
	return word.length >= 2 && word === word.toUpperCase() && word !== word.toLowerCase();
}

const startsUpper = (word: string) => word[0] !== word[0].toLowerCase();

/**
 * Folds number and gender endings of common words: "fujimoristas" and "fujimorista",
 * "campesinas" and "campesinos", "nacionales" and "nacional", "strikes" and "strike" meet.
 * Short words keep their endings so "paro" and "para", "los" and "las" stay apart.
 */
export function stemWord(folded: string): string {
	let w = folded;
	if (w.length >= 4 && w.endsWith('s') && !w.endsWith('ss')) w = w.slice(0, -1);
	if (w.length >= 5 && /[aeo]$/.test(w)) w = w.slice(0, -1);
	return w;
}

/*
 * Keys, by the kind of word in the glossary form:
 *   N:  a number, in digits or words
 *   C:  an abbreviation in capitals; matches only capitals, so "OAS" is not found in "oas"
 *   F:  a capitalised word in a longer name; case and accents fold, a plural -s is allowed
 *   U:  a name of one capitalised word; as F, but the text must capitalise it too, so "Castillo"
 *       is not found in "castillo" (castle), "Lima" in "lima" (lime) nor "Boric" in "boric acid"
 *   L:  a lower-case word; case, accents, number and gender fold (see stemWord)
 * A form word has one key; a text word offers every key it could meet.
 */
export function formWordKey(word: string): string {
	const folded = foldWord(word);
	const n = numberValue(folded);
	if (n !== undefined) return `N:${n}`;
	if (isAllCaps(word)) return `C:${folded}`;
	if (startsUpper(word)) return `F:${folded}`;
	return `L:${stemWord(folded)}`;
}

export function textWordKeys(word: string): string[] {
	const folded = foldWord(word);
	const keys = [`F:${folded}`, `L:${stemWord(folded)}`];
	if (folded.length >= 4 && folded.endsWith('s')) keys.push(`F:${folded.slice(0, -1)}`);
	if (isAllCaps(word)) keys.push(`C:${folded}`);
	if (startsUpper(word))
		keys.push(...keys.filter((k) => k.startsWith('F:')).map((k) => `U:${k.slice(2)}`));
	const n = numberValue(folded);
	if (n !== undefined) keys.push(`N:${n}`);
	return keys;
}

/**
 * The keys of a glossary form, or undefined when the matcher could never find it: it must be
 * words joined only by spaces, hyphens or apostrophes, with nothing before or after.
 */
export function formKeys(form: string): string[] | undefined {
	const keys: string[] = [];
	let previousEnd = -1;
	let matchable = true;
	scanWords(form, (start, end) => {
		if (previousEnd === -1 ? start !== 0 : !isJoiningGap(form, previousEnd, start))
			matchable = false;
		keys.push(formWordKey(form.slice(start, end)));
		previousEnd = end;
	});
	if (!matchable || previousEnd !== form.length) return undefined;
	if (keys.length === 1 && keys[0].startsWith('F:')) keys[0] = `U:${keys[0].slice(2)}`;
	return keys;
}
