// Between a rendered sentence and offsets into its text: which offset the pointer is over, and a
// DOM Range for a token, so word lighting needs no element per word (see WordLayer.svelte).
// A sentence element's text is its sentence's text; `[data-no-words]` parts (the listen button)
// are skipped.

/** Text nodes of a sentence element in order, without the parts that are not its text. */
function textNodes(sentence: Element): Text[] {
	const walker = sentence.ownerDocument.createTreeWalker(sentence, NodeFilter.SHOW_TEXT, {
		acceptNode: (node) =>
			node.parentElement?.closest('[data-no-words]')
				? NodeFilter.FILTER_REJECT
				: NodeFilter.FILTER_ACCEPT
	});
	const nodes: Text[] = [];
	for (let node = walker.nextNode(); node; node = walker.nextNode()) nodes.push(node as Text);
	return nodes;
}

/** The offset into the sentence's text of a caret at (`node`, `offset`), or -1 if outside it. */
export function sentenceOffset(sentence: Element, node: Node, offset: number): number {
	let at = 0;
	for (const text of textNodes(sentence)) {
		if (text === node) return at + offset;
		at += text.length;
	}
	return -1;
}

/** A Range over [start, end) of the sentence's text, or null when the text is not all there. */
export function sentenceRange(sentence: Element, start: number, end: number): Range | null {
	const range = sentence.ownerDocument.createRange();
	let at = 0;
	let started = false;
	for (const text of textNodes(sentence)) {
		const next = at + text.length;
		if (!started && start >= at && start < next) {
			range.setStart(text, start - at);
			started = true;
		}
		if (started && end > at && end <= next) {
			range.setEnd(text, end - at);
			return range;
		}
		at = next;
	}
	return null;
}

/** The caret under a point: the standard call where there is one, WebKit's older one elsewhere. */
export function caretAt(x: number, y: number): { node: Node; offset: number } | null {
	const doc = document as Document & {
		caretPositionFromPoint?: (x: number, y: number) => { offsetNode: Node; offset: number } | null;
	};
	if (doc.caretPositionFromPoint) {
		const position = doc.caretPositionFromPoint(x, y);
		return position ? { node: position.offsetNode, offset: position.offset } : null;
	}
	const range = document.caretRangeFromPoint?.(x, y);
	return range ? { node: range.startContainer, offset: range.startOffset } : null;
}

/** Whether (x, y) falls on the range's text itself (a caret is found even beyond a line's end). */
export function rangeContains(range: Range, x: number, y: number, slack = 2): boolean {
	for (const r of range.getClientRects())
		if (x >= r.left - slack && x <= r.right + slack && y >= r.top - slack && y <= r.bottom + slack)
			return true;
	return false;
}

/** The sentence's text as rendered (what study mode tokenises). */
export function renderedText(sentence: Element): string {
	return textNodes(sentence)
		.map((node) => node.data)
		.join('');
}
