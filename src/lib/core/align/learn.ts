// Word translations learned from the confident pairs of one document pair (hunalign's
// "realign"): words that keep turning up together in aligned pairs translate each other.
// This is what makes the second pass work without a lexicon (de-fr) and on unseen text.
import { dictionaryConceptKeys, type DictionaryLookup } from './dictionary-concepts';
import type { LearnedDictionary, PairFeatures } from './features';

export interface LearnOptions {
	/** A pair must be seen together at least this often. */
	minCount?: number;
	/** Dice coefficient 2·c(e,f) / (c(e) + c(f)) a pair needs. */
	minDice?: number;
	/** At most this many beads are read, spread evenly, to bound the cost on long texts. */
	maxBeads?: number;
	/**
	 * A bilingual dictionary: a pair it confirms is learned from fewer co-occurrences (once is
	 * enough), since the document and the dictionary then agree.
	 */
	dictionary?: DictionaryLookup;
}

/** Whether the dictionary gives the two folded words a common lemma pair. */
function confirms(lookup: DictionaryLookup, en: string, es: string): boolean {
	const a = dictionaryConceptKeys(lookup, en, 'en');
	if (a.length === 0) return false;
	const b = dictionaryConceptKeys(lookup, es, 'es');
	return a.some((key) => b.includes(key));
}

const isWord = (w: string) => !/^[pau]:/.test(w) && !/^\p{N}+$/u.test(w);

export function learnDictionary(
	f: PairFeatures,
	pairs: { en: number[]; es: number[] }[],
	options: LearnOptions = {}
): LearnedDictionary {
	const minCount = options.minCount ?? 2;
	const minDice = options.minDice ?? 0.45;
	const maxBeads = options.maxBeads ?? 4000;
	const bilingual = options.dictionary;
	const step = Math.max(1, pairs.length / maxBeads);
	const enUsable = f.en.vocabulary.map(isWord);
	const esUsable = f.es.vocabulary.map(isWord);
	// The sampled beads as word-id sets, in compressed rows, and for each English word the
	// beads it occurs in: co-occurrences are then counted in a typed array, never hashed.
	const sampled: { en: number[]; es: number[] }[] = [];
	for (let p = 0; p < pairs.length; p += step) sampled.push(pairs[Math.floor(p)]);
	const esRows = beadRows(f.es, sampled, (b) => b.es, esUsable);
	const enRows = beadRows(f.en, sampled, (b) => b.en, enUsable);
	const esCount = new Int32Array(f.es.vocabulary.length);
	for (let k = 0; k < esRows.words.length; k++) esCount[esRows.words[k]]++;
	const enCount = new Int32Array(f.en.vocabulary.length);
	for (let k = 0; k < enRows.words.length; k++) enCount[enRows.words[k]]++;
	const beadsOfEnStart = new Int32Array(enCount.length + 1);
	for (let e = 0; e < enCount.length; e++) beadsOfEnStart[e + 1] = beadsOfEnStart[e] + enCount[e];
	const beadsOfEn = new Int32Array(enRows.words.length);
	const fill = beadsOfEnStart.slice(0, enCount.length);
	for (let b = 0; b < sampled.length; b++)
		for (let k = enRows.start[b]; k < enRows.start[b + 1]; k++)
			beadsOfEn[fill[enRows.words[k]]++] = b;

	// Best partners per English word, so one frequent word cannot claim all.
	const together = new Int32Array(esCount.length);
	const touched: number[] = [];
	const dictionary: LearnedDictionary = { en: new Map(), es: new Map(), size: 0 };
	for (let e = 0; e < enCount.length; e++) {
		if (enCount[e] < (bilingual ? 1 : minCount)) continue;
		for (let k = beadsOfEnStart[e]; k < beadsOfEnStart[e + 1]; k++) {
			const b = beadsOfEn[k];
			for (let x = esRows.start[b]; x < esRows.start[b + 1]; x++) {
				const s = esRows.words[x];
				if (together[s]++ === 0) touched.push(s);
			}
		}
		let best = -1;
		let bestDice = 0;
		let second = -1;
		let secondDice = 0;
		for (const s of touched) {
			const count = together[s];
			together[s] = 0;
			const dice = (2 * count) / (enCount[e] + esCount[s]);
			if (dice < minDice) continue;
			// Neither best nor second would change, whatever the dictionary says: do not ask it
			// (its look-ups are most of learning's time on a short text).
			if (dice <= secondDice) continue;
			if (
				count < minCount &&
				!(bilingual && confirms(bilingual, f.en.vocabulary[e], f.es.vocabulary[s]))
			)
				continue;
			if (dice > bestDice) {
				second = best;
				secondDice = bestDice;
				best = s;
				bestDice = dice;
			} else if (dice > secondDice) {
				second = s;
				secondDice = dice;
			}
		}
		touched.length = 0;
		for (const s of [best, second]) {
			if (s < 0) continue;
			const id = dictionary.size++;
			push(dictionary.en, f.en.vocabulary[e], id);
			push(dictionary.es, f.es.vocabulary[s], id);
		}
	}
	return dictionary;
}

/** The usable word ids of each bead's side, duplicates removed, in compressed rows. */
function beadRows(
	side: PairFeatures['en'],
	beads: { en: number[]; es: number[] }[],
	unitsOf: (bead: { en: number[]; es: number[] }) => number[],
	usable: boolean[]
): { start: Int32Array; words: Int32Array } {
	const start = new Int32Array(beads.length + 1);
	const words: number[] = [];
	const seen = new Int32Array(side.vocabulary.length).fill(-1);
	beads.forEach((bead, b) => {
		for (const u of unitsOf(bead))
			for (let k = side.unitStart[u]; k < side.unitStart[u + 1]; k++) {
				const w = side.words[k];
				if (usable[w] && seen[w] !== b) {
					seen[w] = b;
					words.push(w);
				}
			}
		start[b + 1] = words.length;
	});
	return { start, words: Int32Array.from(words) };
}
function push(map: Map<string, number[]>, word: string, id: number): void {
	const list = map.get(word);
	if (list) list.push(id);
	else map.set(word, [id]);
}
