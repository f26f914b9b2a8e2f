// Compares a learner's translation with the reference one, word by word, in either language.
// Case, accents and punctuation never count as mistakes ("peru" matches "Perú"). Words the same
// after that are lined up in order first (jsdiff's Myers diff); then, between two such anchors,
// a reference word left without a partner takes a word of the attempt that is another form of
// its lemma or a dictionary synonym, shown apart as "also right" with what it matched.
import { diffArrays } from 'diff';
import type { DictionaryLanguage } from '../dictionary';
import { foldForSearch } from '../text/fold';
import { WordSenses, type WordRelation } from './word-relations';

export interface WordToken {
	text: string;
	start: number;
	end: number;
}

export type ComparisonStatus = 'match' | 'also-right' | 'missing' | 'extra';

export interface ComparedWord {
	/** The attempt's word for match, also-right and extra; the reference's for missing. */
	text: string;
	/**
	 * match: the same word in both; also-right: the attempt's word counts for the reference's
	 * `reference` (see `relation`); missing: in the reference only; extra: in the attempt only.
	 */
	status: ComparisonStatus;
	reference?: string;
	relation?: WordRelation;
}

export interface ComparisonCounts {
	referenceWords: number;
	attemptWords: number;
	/** The same word, whatever its case, accents or punctuation. */
	exact: number;
	/** Another form of the same lemma, or a dictionary synonym. */
	alsoRight: number;
	missing: number;
	extra: number;
}

export interface TranslationComparison {
	words: ComparedWord[];
	counts: ComparisonCounts;
	/** Share of the reference's words the attempt has (exact or also right), in order, 0..1. */
	recall: number;
	/** Share of the attempt's words that are in the reference (exact or also right), in order, 0..1. */
	precision: number;
}

// Hyphens split words: 'coup-Government' and 'coup government' say the same thing.
const WORD = /[\p{L}\p{N}][\p{L}\p{M}\p{N}'’]*/gu;

export function wordTokens(text: string): WordToken[] {
	return [...text.matchAll(WORD)].map((m) => ({
		text: m[0],
		start: m.index!,
		end: m.index! + m[0].length
	}));
}

/**
 * Pairs, in order, as many reference words of a gap with attempt words as their relations allow
 * (a longest common subsequence over "related"): the gaps between two exact anchors are a few
 * words, so the quadratic table is small.
 */
function relateGap(missing: WordToken[], extra: WordToken[], senses: WordSenses): ComparedWord[] {
	if (!missing.length || !extra.length) {
		return [
			...missing.map((w): ComparedWord => ({ text: w.text, status: 'missing' })),
			...extra.map((w): ComparedWord => ({ text: w.text, status: 'extra' }))
		];
	}
	const relation = missing.map((r) => extra.map((a) => senses.relation(r.text, a.text)));
	// best[i][j]: most pairs between missing[i..] and extra[j..].
	const best = Array.from({ length: missing.length + 1 }, () =>
		new Array<number>(extra.length + 1).fill(0)
	);
	for (let i = missing.length - 1; i >= 0; i--) {
		for (let j = extra.length - 1; j >= 0; j--) {
			best[i][j] = Math.max(
				best[i + 1][j],
				best[i][j + 1],
				relation[i][j] ? best[i + 1][j + 1] + 1 : 0
			);
		}
	}
	const words: ComparedWord[] = [];
	let i = 0;
	let j = 0;
	// Unpaired words are told in the diff's own order: the reference's first, then the attempt's.
	let pendingExtra: ComparedWord[] = [];
	while (i < missing.length || j < extra.length) {
		const related = i < missing.length && j < extra.length ? relation[i][j] : undefined;
		if (related && best[i][j] === best[i + 1][j + 1] + 1) {
			words.push(...pendingExtra);
			pendingExtra = [];
			words.push({
				text: extra[j].text,
				status: 'also-right',
				reference: missing[i].text,
				relation: related
			});
			i++;
			j++;
		} else if (i < missing.length && (j === extra.length || best[i][j] === best[i + 1][j])) {
			words.push({ text: missing[i++].text, status: 'missing' });
		} else {
			pendingExtra.push({ text: extra[j++].text, status: 'extra' });
		}
	}
	words.push(...pendingExtra);
	return words;
}

/**
 * The learner's `attempt` against the `reference` translation, both in `lang`: every word marked
 * as matched, also right, missing or extra, with the counts the score is made of.
 */
export function compareTranslation(
	attempt: string,
	reference: string,
	lang: DictionaryLanguage
): TranslationComparison {
	const ref = wordTokens(reference);
	const mine = wordTokens(attempt);
	const senses = new WordSenses(lang);
	const same = (a: WordToken, b: WordToken) => foldForSearch(a.text) === foldForSearch(b.text);
	const words: ComparedWord[] = [];
	let missing: WordToken[] = [];
	let extra: WordToken[] = [];
	const closeGap = () => {
		words.push(...relateGap(missing, extra, senses));
		missing = [];
		extra = [];
	};
	for (const change of diffArrays(ref, mine, { comparator: same })) {
		if (change.removed) missing.push(...change.value);
		else if (change.added) extra.push(...change.value);
		else {
			closeGap();
			// jsdiff gives the attempt's tokens for a common run: the learner's own spelling is shown.
			for (const token of change.value) words.push({ text: token.text, status: 'match' });
		}
	}
	closeGap();
	const count = (status: ComparisonStatus) => words.filter((w) => w.status === status).length;
	const counts: ComparisonCounts = {
		referenceWords: ref.length,
		attemptWords: mine.length,
		exact: count('match'),
		alsoRight: count('also-right'),
		missing: count('missing'),
		extra: count('extra')
	};
	const matched = counts.exact + counts.alsoRight;
	return {
		words,
		counts,
		recall: ref.length ? matched / ref.length : 0,
		precision: mine.length ? matched / mine.length : 0
	};
}
