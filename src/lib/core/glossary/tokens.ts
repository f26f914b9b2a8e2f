// How the glossary sees text: word tokens and the keys under which a token can match a
// glossary form. Both the matcher and the validator use it, so "matchable" means one thing.

/** A word: letters, digits and combining marks. Everything else separates words. */
const WORD = /[\p{L}\p{N}\p{M}]+/gu;

/**
 * Characters allowed between two words of one term: spaces, one line break, hyphens and
 * apostrophes ("Peru-Libre", "coup d’état"). A comma, a dash or a blank line ends a term.
 */
const JOINERS = new Set([
	' ',
	'\t',
	'\u00a0',
	'\u2009',
	'\u202f',
	'\r',
	'\n',
	'-',
	'\u2010',
	'\u2011',
	"'",
	'\u2019',
	'\u02bc'
]);

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

export interface Token {
	start: number;
	end: number;
	text: string;
}

export function* wordTokens(text: string): Generator<Token> {
	WORD.lastIndex = 0;
	for (let m = WORD.exec(text); m; m = WORD.exec(text))
		yield { start: m.index, end: m.index + m[0].length, text: m[0] };
}

/** Lower case without accents: "Perú" → "peru". */
export function foldWord(word: string): string {
	// Most words are ASCII; skipping normalize() for them keeps matching fast.
	// eslint-disable-next-line no-control-regex
	if (/^[\x00-\x7f]*$/.test(word)) return word.toLowerCase();
	return word.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

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
	for (const token of wordTokens(form)) {
		if (previousEnd === -1 ? token.start !== 0 : !isJoiningGap(form, previousEnd, token.start))
			return undefined;
		keys.push(formWordKey(token.text));
		previousEnd = token.end;
	}
	if (previousEnd !== form.length) return undefined;
	if (keys.length === 1 && keys[0].startsWith('F:')) keys[0] = `U:${keys[0].slice(2)}`;
	return keys;
}
