// A sorted list of strings kept as its front-coded text, asked whether it holds a string without
// decoding it. eval/build/detect-words.mjs writes the format (src/lib/data/words/*.ts):
//   - the strings sorted by UTF-16 code units, no repeats, none with an ASCII digit or a comma;
//   - a restart every few strings: a "," then the string whole ("," + "abandon");
//   - every other string: the count of first letters it shares with the string before, in
//     decimal, then the rest ("abandon" then "abandoned" is ",abandon7ed").
// Looking up in place reads one block, so no list is ever decoded whole: decoding the detector's
// two lists into Sets took ~80-110 ms of CPU and kept ~9 MB of heap at the first call, which every
// `puente align` paid; finding the restarts takes ~3 ms and keeps ~1.4 MB (tests/bench/detect-words.ts).

/** A front-coded list's text and the offsets of its restarts' commas. */
export type FrontCodedList = { data: string; restarts: Int32Array };

const COMMA = 44;
const isCount = (code: number) => (code >= 48 && code <= 57) || code === COMMA;

/** The restart offsets: one scan for the commas, no strings made. */
export function indexRestarts(data: string): FrontCodedList {
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

/** Whether the list holds `word`: binary search over the restarts, then one block. */
export function listHas(list: FrontCodedList, word: string): boolean {
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
