// The reader's interactive state: which view, which side is where, which bead is lit. One
// instance per page, shared by the views through context.
import { getContext, setContext } from 'svelte';
import { SvelteSet } from 'svelte/reactivity';
import type { Lang } from '$lib/core/types';
import { beadOfSentence, type ReaderData } from './model';
import { termsBySentence, type TermMark } from './pieces';

export type ReaderView = 'parallel' | 'original' | 'single';
export const VIEWS: ReaderView[] = ['parallel', 'original', 'single'];

export class ReaderState {
	view = $state<ReaderView>('parallel');
	/** English on the left unless swapped. */
	swapped = $state(false);
	/** The language shown in the one-language view. */
	singleLang = $state<Lang>('en');
	/** The bead whose sentences are lit (hover, focus or tap). */
	activeBead = $state<string | null>(null);
	/** Correcting the alignment: each pair shows merge, split, move and confirm controls. */
	editing = $state(false);
	/** Sentences of the one-language view whose translation is open in place. */
	revealed = new SvelteSet<string>();
	#data: () => ReaderData;
	data = $derived.by(() => this.#data());
	beadBySentence = $derived(beadOfSentence(this.data.passages));
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

	toggleRevealed(key: string) {
		if (!this.revealed.delete(key)) this.revealed.add(key);
	}
}

const KEY = Symbol('reader');
export const setReader = (reader: ReaderState) => setContext(KEY, reader);
export const getReader = () => getContext<ReaderState>(KEY);
