// The current view's list as the page drives it: what the view holds (its ViewIndex), a way to
// bring one of its items into the DOM, and printing, when every view renders whole (the browser
// prints only what is in the DOM). One per page, shared with the views through context.
import { getContext, setContext } from 'svelte';
import type { ViewIndex } from './windowed';

export type ScrollAlign = 'start' | 'center' | 'end' | 'nearest';
type ScrollToItem = (item: number, align: ScrollAlign) => void;

export class ReaderList {
	printing = $state(false);
	index = $state.raw<ViewIndex | null>(null);
	#scroll: ScrollToItem | null = null;

	/** The view's list takes the page's requests until the returned function is called. */
	attach(index: ViewIndex, scroll: ScrollToItem): () => void {
		this.index = index;
		this.#scroll = scroll;
		return () => {
			if (this.#scroll !== scroll) return;
			this.#scroll = null;
			this.index = null;
		};
	}

	/** Scrolls the item into the window, so that it is rendered (a no-op when the list is whole). */
	scrollToItem(item: number, align: ScrollAlign) {
		this.#scroll?.(item, align);
	}
}

const KEY = Symbol('reader-list');
export const setReaderList = (list: ReaderList) => setContext(KEY, list);
export const getReaderList = () => getContext<ReaderList>(KEY);
