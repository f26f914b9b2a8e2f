// The reader's interactive state: which view, which side is where, which bead is lit. One
// instance per page, shared by the views through context.
import { getContext, setContext } from 'svelte';
import { SvelteSet } from 'svelte/reactivity';
import type { Lang } from '$lib/core/types';
import { rowOfSentence, sentenceKey, type ReaderData } from './model';
import { termsInSentence, type SearchMark, type TermMark } from './pieces';
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
	/**
	 * Per document, its glossary marks by start: a sentence's are found when it asks (a bisection),
	 * not grouped for every sentence of a book when its data arrives.
	 */
	#sortedTerms = $derived(
		Object.fromEntries(
			Object.entries(this.data.terms).map(([doc, marks]) => [
				doc,
				[...marks].sort((a, b) => a.start - b.start)
			])
		) as Record<number, TermMark[]>
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
		const sentence = this.data.documents[documentId]?.sentences[index];
		const sorted = this.#sortedTerms[documentId];
		if (!sentence || !sorted?.length) return NO_TERMS;
		const inside = termsInSentence(sorted, sentence);
		return inside.length ? inside : NO_TERMS;
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

	// Search marks, one reactive cell per block of MARK_BLOCK sentences: a new query re-renders the
	// sentences of the blocks it marks or unmarks, not every sentence of a book, and a book's data
	// does not bring tens of thousands of cells with it. The cells are made with the data, not when
	// a sentence first asks: state created inside the reaction that reads it is not tracked by it.
	#cells = $derived(
		// eslint-disable-next-line svelte/prefer-svelte-reactivity -- made whole, never changed
		new Map(
			Object.values(this.data.documents).flatMap((doc) =>
				Array.from(
					{ length: Math.ceil(doc.sentences.length / MARK_BLOCK) },
					(_, block) => [blockKey(doc.id, block * MARK_BLOCK), new MarkCell()] as const
				)
			)
		)
	);
	// eslint-disable-next-line svelte/prefer-svelte-reactivity -- an index; the cells react
	#marks = new Map<string, SearchMark[]>();
	// eslint-disable-next-line svelte/prefer-svelte-reactivity -- a cache, not state
	#folded = new Map<number, { text: string; folded: FoldedText }>();

	/** The search marks inside one sentence of one document. */
	marksIn(documentId: number, index: number): SearchMark[] {
		void this.#cells.get(blockKey(documentId, index))?.version;
		return this.#marks.get(sentenceKey(documentId, index)) ?? NO_MARKS;
	}

	/** Replaces every search mark (by sentence key). */
	setMarks(marks: Map<string, SearchMark[]>) {
		// eslint-disable-next-line svelte/prefer-svelte-reactivity -- a local list, not state
		const changed = new Set<MarkCell>();
		for (const key of [...this.#marks.keys(), ...marks.keys()]) {
			if ((this.#marks.get(key) ?? NO_MARKS) === (marks.get(key) ?? NO_MARKS)) continue;
			const [doc, index] = key.split(':').map(Number);
			const cell = this.#cells.get(blockKey(doc, index));
			if (cell) changed.add(cell);
		}
		this.#marks = marks;
		for (const cell of changed) cell.version++;
	}

	/**
	 * A document's text (by default as the data has it now) folded for search: kept while the text
	 * stays the same, and extended rather than folded again when more of it has arrived (a book's
	 * first screen, then its parts, then the whole).
	 */
	folded(documentId: number, text = this.data.documents[documentId]?.text ?? ''): FoldedText {
		const kept = this.#folded.get(documentId);
		if (kept?.text === text) return kept.folded;
		const grown =
			kept &&
			text.length > kept.text.length &&
			!HIGH_SURROGATE_AT_END.test(kept.text) &&
			text.startsWith(kept.text);
		const folded = foldWithOffsets(text, grown ? kept.folded : undefined);
		this.#folded.set(documentId, { text, folded });
		return folded;
	}

	toggleRevealed(key: string) {
		if (!this.revealed.delete(key)) this.revealed.add(key);
	}
}

const NO_MARKS: SearchMark[] = [];
/** A text cut inside a character: what follows it is not folded on its own. */
const HIGH_SURROGATE_AT_END = /[\uD800-\uDBFF]$/;
const NO_TERMS: TermMark[] = [];

/** Sentences whose search marks share one reactive cell. */
const MARK_BLOCK = 64;
const blockKey = (documentId: number, index: number) =>
	`${documentId}:${Math.floor(index / MARK_BLOCK)}`;

class MarkCell {
	version = $state(0);
}

const KEY = Symbol('reader');
export const setReader = (reader: ReaderState) => setContext(KEY, reader);
export const getReader = () => getContext<ReaderState>(KEY);
