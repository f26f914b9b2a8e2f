// The reader's word-level state, shared by the word layer (lighting, keyboard, popover) and the
// listen-and-study tools: the word pointed at or stepped to and its counterparts, the word being
// looked up, study mode and the learner's vocabulary. One per ReaderState (a WeakMap, not a
// module singleton, so a server render never shares it); word links are fetched per pair.
import type { Lang } from '$lib/core/types';
import type { ReaderState } from './reader.svelte';
import {
	learnerVocabulary,
	linkedTokens,
	sentencesOfRow,
	vocabularyForm,
	withWord,
	wordsUrl,
	type LearnerVocabulary,
	type PairWords
} from './words';

/** A word of a pair: its row, which side, and its token number on that side. */
export interface ActiveWord {
	rowKey: string;
	words: PairWords;
	side: Lang;
	token: number;
}

/** What the dictionary popover shows and where. */
export interface WordLookup {
	word: string;
	lang: Lang;
	/** The sentence it came from, saved with it. */
	context: string;
	/** The words linked to it in the translation beside it ('' when none). */
	counterpart: string;
	/** The word's text in the page: the popover stays beside it as the page scrolls. */
	anchor: Pick<Range, 'getBoundingClientRect'>;
	/** Focus goes back here when the popover closes. */
	returnFocus: HTMLElement | null;
}

export class ReaderWords {
	readonly reader: ReaderState;
	/** The word lit with its counterparts (pointer over it, or stepped to in word mode). */
	active = $state.raw<ActiveWord | null>(null);
	/** Arrow keys step through the words of the focused pair. */
	wordMode = $state(false);
	lookup = $state.raw<WordLookup | null>(null);
	/** Unknown words are marked and Space reads the active sentence. */
	study = $state(false);
	vocabulary = $state.raw<LearnerVocabulary | null>(null);
	vocabularyFailed = $state(false);
	// A cache, not state: nothing renders from it.
	// eslint-disable-next-line svelte/prefer-svelte-reactivity
	#fetched = new Map<string, Promise<PairWords | null>>();
	#fetch: typeof fetch;

	constructor(reader: ReaderState, fetcher: typeof fetch = fetch) {
		this.reader = reader;
		this.#fetch = (...args) => fetcher(...args);
	}

	/** The address of the text being read (word links and vocabulary are asked by it). */
	get slug(): string {
		return this.reader.data.documents[this.reader.data.documentId]?.slug ?? '';
	}

	/**
	 * The sentences of the active row, as the objects the views render: each gets a listen button.
	 * Every rendered sentence asks, so with no row lit the answer must not need the row index (a
	 * map of every row of a book, otherwise built while the page hydrates and again when the book
	 * arrives).
	 */
	activeSentences = $derived.by(() => {
		const key = this.reader.activeRow;
		return key === null
			? NO_SENTENCES
			: sentencesOfRow(this.reader.data, key, this.reader.rowIndex);
	});

	/** The alignment, bead and version of a pair row, or null for a row that is not a pair. */
	pairOf(rowKey: string): { alignment: number; bead: number; version: number } | null {
		const index = this.reader.rowIndex.get(rowKey);
		const row = index === undefined ? undefined : this.reader.data.rows[index];
		if (row?.kind !== 'pair') return null;
		const alignment = this.reader.data.alignments[row.alignment];
		return alignment
			? { alignment: alignment.id, bead: row.bead, version: alignment.version }
			: null;
	}

	/** The pair's word links, fetched once per version; null when it has none or the fetch fails. */
	wordsOf(rowKey: string): Promise<PairWords | null> {
		const pair = this.pairOf(rowKey);
		if (!pair) return Promise.resolve(null);
		const url = wordsUrl(this.slug, pair);
		let found = this.#fetched.get(url);
		if (!found) {
			found = this.#fetch(url)
				.then((r) => (r.ok ? (r.json() as Promise<PairWords>) : null))
				.catch(() => null);
			// A failure is not remembered: the next hover asks again.
			found.then((words) => words ?? this.#fetched.delete(url));
			this.#fetched.set(url, found);
		}
		return found;
	}

	/** The other side's tokens linked to the active word. */
	counterparts = $derived.by(() => {
		const active = this.active;
		return active ? linkedTokens(active.words, active.side, active.token) : [];
	});

	/** Reads the learner's vocabulary of this text (for study mode). */
	async loadVocabulary() {
		try {
			const response = await this.#fetch(
				`/api/vocabulary?document=${encodeURIComponent(this.slug)}`
			);
			if (!response.ok) throw new Error(String(response.status));
			const body = (await response.json()) as {
				known: string[];
				learning: string[];
				share: { known: number; total: number } | null;
			};
			this.vocabulary = learnerVocabulary(body);
			this.vocabularyFailed = false;
		} catch {
			this.vocabularyFailed = true;
		}
	}

	/** Whether study mode should mark this word: neither known nor being learnt. */
	isUnknown(word: string): boolean {
		const vocabulary = this.vocabulary;
		if (!vocabulary) return false;
		const form = vocabularyForm(word);
		return !vocabulary.known.has(form) && !vocabulary.learning.has(form);
	}

	/** Records a word saved or marked from the popover, so study mode stops marking it at once. */
	remember(word: string, status: 'known' | 'learning') {
		this.vocabulary = withWord(this.vocabulary, word, status);
	}
}

const NO_SENTENCES: ReadonlySet<object> = new Set();

const byReader = new WeakMap<ReaderState, ReaderWords>();

/** The word state of this reader, made on first use by whichever component asks first. */
export function readerWords(reader: ReaderState): ReaderWords {
	let words = byReader.get(reader);
	if (!words) {
		words = new ReaderWords(reader);
		byReader.set(reader, words);
	}
	return words;
}
