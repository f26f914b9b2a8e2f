// The reader's interactive state: which view, which side is where, which bead is lit. One
// instance per page, shared by the views through context.
import { getContext, setContext } from 'svelte';
import { SvelteSet } from 'svelte/reactivity';
import type { Lang } from '$lib/core/types';
import { rowOfSentence, sentenceKey, type ReaderData } from './model';
import { termsBySentence, type SearchMark, type TermMark } from './pieces';
import { rowIndexByKey, rowSentenceNumbers, sentencePlaces } from './contents';
import { foldWithOffsets, type FoldedText } from './search';

export type ReaderView = 'parallel' | 'original' | 'single';
export const VIEWS: ReaderView[] = ['parallel', 'original', 'single'];

export class ReaderState {
	view = $state<ReaderView>('parallel');
	/** English on the left unless swapped. */
	swapped = $state(false);
	/** The language shown in the one-language view. */
	singleLang = $state<Lang>('en');
	/** The row whose sentences are lit (hover, focus or tap). */
	activeRow = $state<string | null>(null);
	/** Correcting the alignment: the editing toolbar acts on `editTarget`. */
	editing = $state(false);
	/**
	 * The row the editing toolbar acts on: the last one focused, clicked or stepped to. Not the lit
	 * row, which follows the pointer: moving the mouse to the toolbar must not change its target.
	 */
	editTarget = $state<string | null>(null);
	/** Sentences of the one-language view whose translation is open in place. */
	revealed = new SvelteSet<string>();
	#data: () => ReaderData;
	data = $derived.by(() => this.#data());
	/** Document and sentence (`sentenceKey`) to the key of the row that shows it. */
	rowBySentence = $derived(rowOfSentence(this.data.rows));
	/** Per document, per sentence: the glossary marks inside it. */
	sentenceTerms = $derived(
		Object.fromEntries(
			Object.values(this.data.documents).map((doc) => [
				doc.id,
				termsBySentence(doc.sentences, this.data.terms[doc.id] ?? [])
			])
		) as Record<number, TermMark[][]>
	);

	/** Reading row index by row key. */
	rowIndex = $derived(rowIndexByKey(this.data.rows));
	/** For each sentence of the document, the row where it stands in reading order. */
	places = $derived(
		sentencePlaces(
			this.data.rows,
			this.data.documentId,
			this.data.documents[this.data.documentId]?.sentences.length ?? 0
		)
	);
	/** For each row, the sentence of the document it stands for: what the position counts. */
	rowNumbers = $derived(
		rowSentenceNumbers(
			this.data.rows,
			this.data.documentId,
			this.data.documents[this.data.documentId]?.sentences.length ?? 0
		)
	);
	/** Where the reader is (a row index), and whether a key put them there (only that is announced). */
	position = $state.raw<{ row: number; by: 'scroll' | 'key' }>({ row: 0, by: 'scroll' });
	/**
	 * A row the page needs in the DOM (a jump, a search): the views render at least through it.
	 * Rows arrive progressively, and a jump must not wait for the rest of a book.
	 */
	wanted = $state(-1);
	/** Whether the current view has rendered all its rows (a wanted row past its end is not coming). */
	complete = $state(false);
	/** In the original view, a way to the lit sentence's counterpart when it is off-screen. */
	counterpartJump = $state.raw<(() => void) | null>(null);

	/** The glossary marks inside one sentence of one document. */
	termsIn(documentId: number, index: number): TermMark[] {
		return this.sentenceTerms[documentId]?.[index] ?? [];
	}

	constructor(
		data: () => ReaderData,
		initial: Partial<Pick<ReaderState, 'view' | 'swapped' | 'singleLang'>> = {}
	) {
		this.#data = data;
		Object.assign(this, initial);
	}

	cycleView() {
		this.view = VIEWS[(VIEWS.indexOf(this.view) + 1) % VIEWS.length];
	}

	#pinnedUntil = 0;

	/**
	 * Lights a row on hover, unless a jump (a link, a key) just moved the page: scrolling slides
	 * other rows under a still pointer, and they must not take the highlight from the row jumped to.
	 */
	hover(key: string) {
		if (performance.now() >= this.#pinnedUntil) this.activeRow = key;
	}

	/** Lights a row the reader jumped to, and keeps it lit through the scroll that follows. */
	jumpTo(key: string) {
		this.activeRow = key;
		this.#pinnedUntil = performance.now() + 800;
	}

	reveal(row: number) {
		this.wanted = row;
	}

	// Search marks, one reactive cell per sentence: a new query re-renders the sentences it marks
	// or unmarks, not every sentence of a book. The cells are made with the data, not when a
	// sentence first asks: state created inside the reaction that reads it is not tracked by it.
	#cells = $derived(
		// eslint-disable-next-line svelte/prefer-svelte-reactivity -- made whole, never changed
		new Map(
			Object.values(this.data.documents).flatMap((doc) =>
				doc.sentences.map((_, i) => [sentenceKey(doc.id, i), new MarkCell()] as const)
			)
		)
	);
	// eslint-disable-next-line svelte/prefer-svelte-reactivity -- an index; the cells react
	#marks = new Map<string, SearchMark[]>();
	// eslint-disable-next-line svelte/prefer-svelte-reactivity -- a cache, not state
	#folded = new Map<number, FoldedText>();

	/** The search marks inside one sentence of one document. */
	marksIn(documentId: number, index: number): SearchMark[] {
		return this.#cells.get(sentenceKey(documentId, index))?.marks ?? NO_MARKS;
	}

	/** Replaces every search mark (by sentence key). */
	setMarks(marks: Map<string, SearchMark[]>) {
		for (const key of [...this.#marks.keys(), ...marks.keys()]) {
			const cell = this.#cells.get(key);
			const next = marks.get(key) ?? NO_MARKS;
			if (cell && cell.marks !== next) cell.marks = next;
		}
		this.#marks = marks;
	}

	/** A document's text folded for search, computed once. */
	folded(documentId: number): FoldedText {
		let folded = this.#folded.get(documentId);
		if (!folded) {
			folded = foldWithOffsets(this.data.documents[documentId]?.text ?? '');
			this.#folded.set(documentId, folded);
		}
		return folded;
	}

	toggleRevealed(key: string) {
		if (!this.revealed.delete(key)) this.revealed.add(key);
	}
}

const NO_MARKS: SearchMark[] = [];

class MarkCell {
	marks = $state.raw<SearchMark[]>(NO_MARKS);
}

const KEY = Symbol('reader');
export const setReader = (reader: ReaderState) => setContext(KEY, reader);
export const getReader = () => getContext<ReaderState>(KEY);
