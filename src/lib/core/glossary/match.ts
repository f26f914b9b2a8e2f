// Finds glossary terms in a text: a trie over normalised word keys (see tokens.ts), walked
// from each word, leftmost-longest and non-overlapping. Each word is read a bounded number of
// times (at most the longest term's word count), so matching is linear in the text length.
import type { GlossaryEntry, GlossaryMatch } from './types';
import { formKeys, isJoiningGap, scanWords, textWordKeys } from './tokens';

interface Terminal {
	entryId: string;
	form: string;
	/** Lower wins when two forms with different spellings reach the same words: entry order, then form order. */
	rank: number;
}

export interface GlossaryMatcher {
	find(text: string): GlossaryMatch[];
}

/** Every form of an entry: Spanish, English, then the variants, without repeats. */
export function entryForms(entry: Pick<GlossaryEntry, 'es' | 'en' | 'variants'>): string[] {
	return [...new Set([entry.es, entry.en, ...entry.variants])];
}

/** Every form in the glossary, e.g. for the language detector to mask names that are not language evidence. */
export function glossarySurfaceForms(entries: readonly GlossaryEntry[]): string[] {
	return [...new Set(entries.flatMap(entryForms))];
}

/** Text words seen often repeat (Zipf); their keys are cached per matcher, up to this many. */
const WORD_CACHE_LIMIT = 100_000;

export function createGlossaryMatcher(entries: readonly GlossaryEntry[]): GlossaryMatcher {
	const children: Map<string, number>[] = [new Map()];
	const terminals: (Terminal | undefined)[] = [undefined];
	const knownKeys = new Set<string>();
	let rank = 0;

	for (const entry of entries)
		for (const form of entryForms(entry)) {
			rank++;
			const keys = formKeys(form);
			if (!keys || keys.length === 0) continue; // the validator reports these
			let node = 0;
			for (const key of keys) {
				knownKeys.add(key);
				let next = children[node].get(key);
				if (next === undefined) {
					next = children.length;
					children.push(new Map());
					terminals.push(undefined);
					children[node].set(key, next);
				}
				node = next;
			}
			// The first claim on a form stands; findFormConflicts reports later ones.
			if (!terminals[node]) terminals[node] = { entryId: entry.id, form, rank };
		}

	const wordKeys = new Map<string, string[]>();
	const keysOf = (word: string): string[] => {
		let keys = wordKeys.get(word);
		if (!keys) {
			keys = textWordKeys(word).filter((k) => knownKeys.has(k));
			if (wordKeys.size >= WORD_CACHE_LIMIT) wordKeys.clear();
			wordKeys.set(word, keys);
		}
		return keys;
	};

	function find(text: string): GlossaryMatch[] {
		// Only words that occur in some term are kept; any other word breaks a term like punctuation does.
		const starts: number[] = [];
		const ends: number[] = [];
		const keys: string[][] = [];
		/** joinsPrevious[i]: kept word i directly follows kept word i - 1 across a joining gap. */
		const joinsPrevious: boolean[] = [];
		let previousEnd = -1;
		scanWords(text, (start, end) => {
			const wordKeys = keysOf(text.slice(start, end));
			if (wordKeys.length > 0) {
				const i = starts.length;
				joinsPrevious.push(
					i > 0 && ends[i - 1] === previousEnd && isJoiningGap(text, previousEnd, start)
				);
				starts.push(start);
				ends.push(end);
				keys.push(wordKeys);
			}
			previousEnd = end;
		});

		const matches: GlossaryMatch[] = [];
		let frontier: number[] = [];
		let next: number[] = [];
		for (let i = 0; i < starts.length;) {
			let best: Terminal | undefined;
			let bestEnd = -1;
			frontier.length = 0;
			frontier.push(0);
			for (let j = i; j < starts.length && frontier.length > 0; j++) {
				if (j > i && !joinsPrevious[j]) break;
				next.length = 0;
				for (const node of frontier)
					for (const key of keys[j]) {
						const child = children[node].get(key);
						if (child !== undefined && !next.includes(child)) next.push(child);
					}
				[frontier, next] = [next, frontier];
				let here: Terminal | undefined;
				for (const node of frontier) {
					const t = terminals[node];
					if (t && (!here || t.rank < here.rank)) here = t;
				}
				if (here) {
					best = here;
					bestEnd = j;
				}
			}
			if (best) {
				matches.push({
					start: starts[i],
					end: ends[bestEnd],
					entryId: best.entryId,
					form: best.form
				});
				i = bestEnd + 1;
			} else i++;
		}
		return matches;
	}

	return { find };
}
