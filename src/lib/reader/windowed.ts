// What the page knows of a view that renders only the rows near the screen (a windowed list):
// the rows j/k step through, the item that shows a row or a sentence, where a jump lands. It comes
// from the data, never from the DOM, which holds a few hundred rows of a book at a time.
import { sentenceKey } from './model';

/**
 * Up to this many reading rows a view renders whole: the DOM stays small (an article of the
 * corpus has under 200 rows), and find-in-page and a screen reader's browse mode see all of it.
 */
export const WHOLE_LIST_ROWS = 300;

/**
 * Items a windowed view renders on the server, before the page measures the screen: more than a
 * tall one shows (a pair of two-line sentences is ~90 px high, under ~400 px of title and tools:
 * 14 fill a window 1,600 px high). Each is hydrated in the task that makes the page live, the
 * longest of a book's load (issue #12), so not many more; the list adds the rest right after.
 */
export const SSR_ITEMS = 14;

/** One place a reader can land in a view, in the view's order. */
export interface ViewStop {
	/** The list item (row, paragraph) that holds it. */
	item: number;
	/** The reading row it stands at (`data-at`). */
	at: number;
	/** The row it lights, when it lights one (`data-row`). */
	key?: string;
	/** The sentences it shows, by document. */
	sides: readonly { doc: number; sentences: readonly number[] }[];
}

export interface ViewIndex {
	view: string;
	/** Row keys a reader lands on, in the order the view first shows them: what j/k steps through. */
	readonly keys: string[];
	/** The item that first shows a row key. */
	readonly itemOfKey: Map<string, number>;
	/** The item that shows a sentence of a document, when the view shows it. */
	itemOfSentence(doc: number, index: number): number | undefined;
	/**
	 * Where a jump to reading row `at` lands: the first stop at that row or after it (the last
	 * one when the view shows nothing from there on), as its item and the row its element is at.
	 */
	landing(at: number): { item: number; at: number } | undefined;
}

/**
 * The index of a view's stops, made when first asked: a book's view is mounted long before anyone
 * steps or jumps, and walking its sentences at once would lengthen the task that renders it.
 */
export function viewIndex(view: string, makeStops: () => readonly ViewStop[]): ViewIndex {
	let stops: readonly ViewStop[] | undefined;
	let byKey: Map<string, number> | undefined;
	let bySentence: Map<string, number> | undefined;
	const all = () => (stops ??= makeStops());
	const itemOfKey = () => {
		if (byKey) return byKey;
		byKey = new Map();
		for (const stop of all())
			if (stop.key !== undefined && !byKey.has(stop.key)) byKey.set(stop.key, stop.item);
		return byKey;
	};
	return {
		view,
		get keys() {
			return [...itemOfKey().keys()];
		},
		get itemOfKey() {
			return itemOfKey();
		},
		itemOfSentence(doc, index) {
			if (!bySentence) {
				bySentence = new Map();
				for (const stop of all())
					for (const side of stop.sides)
						for (const i of side.sentences) {
							const key = sentenceKey(side.doc, i);
							if (!bySentence.has(key)) bySentence.set(key, stop.item);
						}
			}
			return bySentence.get(sentenceKey(doc, index));
		},
		landing(at) {
			const list = all();
			const stop = list.find((s) => s.at >= at) ?? list.at(-1);
			return stop && { item: stop.item, at: stop.at };
		}
	};
}
