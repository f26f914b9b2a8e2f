// The rest of a book's reader data, fetched in parts (reader/parts) one after another: each part's
// JSON is parsed in a task of its own, with the main thread handed back between them, so that
// scrolling and typing go on while a book of tens of thousands of pairs arrives (issue #12).
import type { ReaderData } from './model';
import { joinReaderData, type ReaderDataPart } from './parts';

/** Hands the main thread back for a moment: input and rendering waiting behind us go first. */
export function yieldToMain(): Promise<void> {
	const scheduler = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
	if (scheduler?.yield) return scheduler.yield();
	return new Promise((resolve) => setTimeout(resolve, 0));
}

/**
 * Fetches the `parts` parts of reader.json at `url` (for the translation `partner`, when one was
 * chosen) and joins them; null when one of them fails or they do not make one whole (the book
 * changed while they came: the page keeps what it has). `onPart` hears of every part as it
 * arrives, with all received so far (in order), but the last.
 */
export async function fetchReaderData(
	url: string,
	partner: string | null,
	parts: number,
	signal: AbortSignal,
	fetchPart: typeof fetch = fetch,
	onPart: (received: readonly ReaderDataPart[]) => void = () => {}
): Promise<ReaderData | null> {
	const received: ReaderDataPart[] = [];
	for (let part = 0; part < parts; part++) {
		const query = new URLSearchParams({ part: String(part) });
		if (partner) query.set('with', partner);
		const response = await fetchPart(`${url}?${query}`, { signal });
		if (!response.ok) return null;
		const text = await response.text();
		await yieldToMain();
		received.push(JSON.parse(text) as ReaderDataPart);
		if (received.length < parts) onPart([...received]);
		await yieldToMain();
	}
	const whole = joinReaderData(received) ?? null;
	// The page's update for the whole book comes in a task of its own, not after the join in one.
	await yieldToMain();
	return signal.aborted ? null : whole;
}
