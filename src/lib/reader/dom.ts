// Waiting for rendered rows: rows arrive progressively, so a jump asks for a row and then waits
// (a few frames, not forever) for the view to mount it.
import { tick } from 'svelte';

export const nextFrame = () => new Promise<void>((done) => requestAnimationFrame(() => done()));

/** Resolves with what `find` finds once it finds it, or null after `timeoutMs`. */
export async function whenRendered<T>(find: () => T | null, timeoutMs = 3000): Promise<T | null> {
	const deadline = performance.now() + timeoutMs;
	for (;;) {
		await tick();
		const found = find();
		if (found) return found;
		if (performance.now() > deadline) return null;
		await nextFrame();
	}
}

/**
 * The first element of the view standing at reading row `at` or after it (`data-at`), or null
 * when the view has rendered nothing that far yet.
 */
export function elementAtRow(root: ParentNode, at: number): HTMLElement | null {
	let best: HTMLElement | null = null;
	let bestAt = Infinity;
	for (const el of root.querySelectorAll<HTMLElement>('[data-at]')) {
		const value = Number(el.dataset.at);
		if (value >= at && value < bestAt) [best, bestAt] = [el, value];
		if (value === at) break;
	}
	return best;
}

/** Whether any part of the element is inside the window. */
export function isOnScreen(el: Element): boolean {
	const r = el.getBoundingClientRect();
	return r.bottom > 0 && r.top < window.innerHeight && r.height + r.width > 0;
}

/**
 * Whether the element is rendered and can take focus: a windowed list keeps a row it has just
 * mounted hidden (visibility) until it has measured it, and focus() on it then does nothing.
 */
export function isShown(el: Element): boolean {
	return el.checkVisibility({ visibilityProperty: true });
}
