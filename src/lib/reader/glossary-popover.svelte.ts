// One glossary popover per page, shared by every term: thousands of terms in a book would
// otherwise mean thousands of hidden popovers in the DOM.
import { getContext, setContext } from 'svelte';

export class GlossaryPopoverState {
	entryId = $state<string | null>(null);
	anchor = $state<HTMLElement | null>(null);
	/** Set when the pointer is over the popover itself, so leaving the term doesn't close it. */
	hovered = $state(false);
	#timer: ReturnType<typeof setTimeout> | undefined;

	/** Focus opens it too, so a press on a focused term must not toggle it shut: press only opens. */
	open(entryId: string, anchor: HTMLElement) {
		clearTimeout(this.#timer);
		this.entryId = entryId;
		this.anchor = anchor;
	}

	openSoon(entryId: string, anchor: HTMLElement, delay = 350) {
		clearTimeout(this.#timer);
		this.#timer = setTimeout(() => this.open(entryId, anchor), delay);
	}

	close() {
		clearTimeout(this.#timer);
		this.entryId = null;
		this.hovered = false;
	}

	closeSoon(delay = 250) {
		clearTimeout(this.#timer);
		this.#timer = setTimeout(() => {
			if (!this.hovered && !this.anchor?.matches(':focus')) this.close();
		}, delay);
	}
}

const KEY = Symbol('glossary-popover');
export const setGlossaryPopover = (state: GlossaryPopoverState) => setContext(KEY, state);
export const getGlossaryPopover = () => getContext<GlossaryPopoverState>(KEY);
