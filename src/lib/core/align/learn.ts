// Word translations learned from the confident pairs of one document pair (hunalign's
// "realign"): words that keep turning up together in aligned pairs translate each other.
// This is what makes the second pass work without a lexicon (de-fr) and on unseen text.
import type { LearnedDictionary, PairFeatures } from './features';

export interface LearnOptions {
	/** A pair must be seen together at least this often. */
	minCount?: number;
	/** Dice coefficient 2·c(e,f) / (c(e) + c(f)) a pair needs. */
	minDice?: number;
	/** At most this many beads are read, spread evenly, to bound the cost on long texts. */
	maxBeads?: number;
}

const isWord = (w: string) => !w.startsWith('p:') && !w.startsWith('a:') && !/^\p{N}+$/u.test(w);

export function learnDictionary(
	f: PairFeatures,
	pairs: { en: number[]; es: number[] }[],
	options: LearnOptions = {}
): LearnedDictionary {
	const minCount = options.minCount ?? 2;
	const minDice = options.minDice ?? 0.45;
	const maxBeads = options.maxBeads ?? 4000;
	const step = Math.max(1, pairs.length / maxBeads);
	const enCount = new Int32Array(f.en.vocabulary.length);
	const esCount = new Int32Array(f.es.vocabulary.length);
	const together = new Map<number, number>();
	const esVocabulary = f.es.vocabulary.length;
	const enUsable = f.en.vocabulary.map(isWord);
	const esUsable = f.es.vocabulary.map(isWord);
	const beadWords = (side: PairFeatures['en'], units: number[], usable: boolean[]) => {
		const out = new Set<number>();
		for (const u of units)
			for (let k = side.unitStart[u]; k < side.unitStart[u + 1]; k++)
				if (usable[side.words[k]]) out.add(side.words[k]);
		return [...out];
	};
	for (let p = 0; p < pairs.length; p += step) {
		const pair = pairs[Math.floor(p)];
		const enWords = beadWords(f.en, pair.en, enUsable);
		const esWords = beadWords(f.es, pair.es, esUsable);
		for (const e of enWords) enCount[e]++;
		for (const s of esWords) esCount[s]++;
		for (const e of enWords)
			for (const s of esWords) {
				const key = e * esVocabulary + s;
				together.set(key, (together.get(key) ?? 0) + 1);
			}
	}
	// Best partners per English word, and per Spanish word, so one frequent word cannot claim all.
	const bestEn = new Map<number, { s: number; dice: number }[]>();
	for (const [key, count] of together) {
		if (count < minCount) continue;
		const e = Math.floor(key / esVocabulary);
		const s = key - e * esVocabulary;
		const dice = (2 * count) / (enCount[e] + esCount[s]);
		if (dice < minDice) continue;
		const list = bestEn.get(e) ?? [];
		list.push({ s, dice });
		bestEn.set(e, list);
	}
	const dictionary: LearnedDictionary = { en: new Map(), es: new Map(), size: 0 };
	for (const [e, list] of bestEn) {
		list.sort((a, b) => b.dice - a.dice);
		for (const { s } of list.slice(0, 2)) {
			const id = dictionary.size++;
			push(dictionary.en, f.en.vocabulary[e], id);
			push(dictionary.es, f.es.vocabulary[s], id);
		}
	}
	return dictionary;
}

function push(map: Map<string, number[]>, word: string, id: number): void {
	const list = map.get(word);
	if (list) list.push(id);
	else map.set(word, [id]);
}
