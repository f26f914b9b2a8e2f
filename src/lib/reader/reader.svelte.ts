// The reader's interactive state: which view, which side is where, which bead is lit. One
// instance per page, shared by the views through context.
import { getContext, setContext } from 'svelte';
import { SvelteSet } from 'svelte/reactivity';
import type { Lang } from '$lib/core/types';
import { rowOfSentence, type ReaderData } from './model';
import { termsBySentence, type TermMark } from './pieces';

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
	/** Correcting the alignment: each pair shows merge, split, move and confirm controls. */
	editing = $state(false);
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

	toggleRevealed(key: string) {
		if (!this.revealed.delete(key)) this.revealed.add(key);
	}
}

const KEY = Symbol('reader');
export const setReader = (reader: ReaderState) => setContext(KEY, reader);
export const getReader = () => getContext<ReaderState>(KEY);
