// Every word of a front-coded list (src/lib/core/detect/front-coded.ts has the format), decoded
// the plain way, front to back: what the tests and the word-lists bench check the in-place
// lookup against.

/** Every word of a front-coded list: a count of letters shared with the word before, or "," (none), then the rest. */
export function decodeAll(data: string): string[] {
	const words: string[] = [];
	let previous = '';
	for (const [, count, rest] of data.matchAll(/(\d+|,)([^\d,]+)/g)) {
		previous = previous.slice(0, count === ',' ? 0 : Number(count)) + rest;
		words.push(previous);
	}
	return words;
}
