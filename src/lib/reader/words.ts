// Which words of a sentence pair translate which, as the reader receives them from
// GET /doc/<slug>/words and uses them: tokens with offsets into their sentence, links between
// token numbers in the Pharaoh format ("0-0 1-2", English first), and the lookups a hover needs.
import type { Lang } from '$lib/core/types';
import type { ReaderData } from './model';

/** A token of one side of a pair: which sentence of the document, and where inside it. */
export interface PairToken {
	/** The sentence's index in its document. */
	sentence: number;
	/** UTF-16 offsets into the sentence's text. */
	start: number;
	end: number;
	/** Punctuation is aligned too, but only words and numbers are lit and looked up. */
	word: boolean;
}

export interface PairSide {
	doc: number;
	tokens: PairToken[];
}

/** The word alignment of one reading pair (a bead: one or more sentences on each side). */
export interface PairWords {
	en: PairSide;
	es: PairSide;
	/** Pharaoh links over the token numbers of each side, English first: "0-0 1-2 1-3". */
	links: string;
}

/** Links as [english, spanish] token number pairs; malformed parts are skipped. */
export function parsePharaoh(links: string): [number, number][] {
	const pairs: [number, number][] = [];
	for (const part of links.split(/\s+/)) {
		const m = /^(\d+)-(\d+)$/.exec(part);
		if (m) pairs.push([Number(m[1]), Number(m[2])]);
	}
	return pairs;
}

/** The tokens of the other side linked to token `index` of `side`, in order. */
export function linkedTokens(words: PairWords, side: Lang, index: number): number[] {
	const [mine, theirs] = side === 'en' ? [0, 1] : [1, 0];
	const found = new Set<number>();
	for (const link of parsePharaoh(words.links)) if (link[mine] === index) found.add(link[theirs]);
	return [...found].sort((a, b) => a - b);
}

/** The word token of `side` that covers `offset` of sentence `sentence`, or -1. */
export function tokenAt(words: PairWords, side: Lang, sentence: number, offset: number): number {
	return words[side].tokens.findIndex(
		(t) => t.word && t.sentence === sentence && t.start <= offset && offset < t.end
	);
}

/** The next word token of `side` after `from` in direction `step` (±1), or `from` at either end. */
export function nextWord(words: PairWords, side: Lang, from: number, step: 1 | -1): number {
	const tokens = words[side].tokens;
	for (let i = from + step; i >= 0 && i < tokens.length; i += step) if (tokens[i].word) return i;
	return from;
}

/** A reading pair's word alignment is asked for by alignment, bead and version. */
export function wordsUrl(
	slug: string,
	pair: { alignment: number; bead: number; version: number }
): string {
	const params = new URLSearchParams({
		alignment: String(pair.alignment),
		bead: String(pair.bead),
		v: String(pair.version)
	});
	return `/doc/${encodeURIComponent(slug)}/words?${params}`;
}

/** The sentence objects the views render for row `key`: those get a listen button. */
export function sentencesOfRow(
	data: Pick<ReaderData, 'rows' | 'documents'>,
	key: string | null,
	rowIndex: ReadonlyMap<string, number>
): ReadonlySet<object> {
	const found = new Set<object>();
	const index = key === null ? undefined : rowIndex.get(key);
	const row = index === undefined ? undefined : data.rows[index];
	if (!row || row.kind === 'elsewhere') return found;
	for (const side of row.kind === 'pair' ? [row.en, row.es] : [row.side]) {
		const doc = data.documents[side.doc];
		for (const i of side.sentences) if (doc?.sentences[i]) found.add(doc.sentences[i]);
	}
	return found;
}

export interface LearnerVocabulary {
	/** Words and lemmas, lower case (accents kept), known or being learnt. */
	known: ReadonlySet<string>;
	learning: ReadonlySet<string>;
	share: { known: number; total: number } | null;
}

/** How the vocabulary compares words: case aside, accents kept ("año" is not "ano"). */
export const vocabularyForm = (word: string) => word.normalize('NFC').trim().toLowerCase();

/** GET /api/vocabulary?document=…'s answer as sets to look words up in. */
export function learnerVocabulary(body: {
	known: string[];
	learning: string[];
	share: { known: number; total: number } | null;
}): LearnerVocabulary {
	return {
		known: new Set(body.known.map(vocabularyForm)),
		learning: new Set(body.learning.map(vocabularyForm)),
		share: body.share
	};
}

/** The vocabulary with `word` now known or being learnt (and no longer the other). */
export function withWord(
	vocabulary: LearnerVocabulary | null,
	word: string,
	status: 'known' | 'learning'
): LearnerVocabulary {
	const form = vocabularyForm(word);
	const known = new Set(vocabulary?.known);
	const learning = new Set(vocabulary?.learning);
	(status === 'known' ? known : learning).add(form);
	(status === 'known' ? learning : known).delete(form);
	return { known, learning, share: vocabulary?.share ?? null };
}
