// Words and the other things a sentence is made of (numbers, addresses, handles), with their
// UTF-16 offsets, so the detector can weigh words and skip what carries no language.

export type TokenKind = 'word' | 'number' | 'url' | 'email' | 'handle';

export interface Token {
	start: number;
	end: number;
	text: string;
	kind: TokenKind;
}

// Most white-space-delimited chunks are plain words with punctuation around them; only a chunk
// with a dot, slash, @ or # can be an address or a handle, so only those pay for the long patterns.
const CHUNK = /\S+/g;
const MAYBE_ADDRESS = /[./@#:]/;
const ADDRESS = new RegExp(
	[
		String.raw`(?<url>(?:https?:\/\/|www\.)[^\s"“”«»<>]*[^\s"“”«»<>.,;:!?)\]']|[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.(?:com|org|net|edu|gov|int|io|info|tv|pe|es|mx|ar|co|cl|uk|us)(?:\/[^\s"“”«»<>]*[^\s"“”«»<>.,;:!?)\]'])?(?![\p{L}\p{N}]))`,
		String.raw`(?<email>[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+)`,
		String.raw`(?<handle>(?<![\p{L}\p{N}])[@#][\p{L}\p{N}_]+)`
	].join('|'),
	'gu'
);
const WORD_OR_NUMBER = /(?<number>\p{N}+(?:[.,:/-]\p{N}+)*(?:%|\p{L}{1,2}(?![\p{L}]))?)|(?<word>[\p{L}\p{M}]+(?:['’][\p{L}\p{M}]+)*)/gu;

/** Tokens of `text` between `start` and `end` (defaults: all of it); offsets index `text`. */
export function tokenize(text: string, start = 0, end = text.length): Token[] {
	const tokens: Token[] = [];
	CHUNK.lastIndex = start;
	for (let c = CHUNK.exec(text); c && c.index < end; c = CHUNK.exec(text)) {
		const chunkStart = c.index;
		const chunk = c.index + c[0].length > end ? c[0].slice(0, end - c.index) : c[0];
		if (MAYBE_ADDRESS.test(chunk)) addMixedChunk(chunk, chunkStart, tokens);
		else addWords(chunk, chunkStart, 0, chunk.length, tokens);
	}
	return tokens;
}

function addMixedChunk(chunk: string, offset: number, out: Token[]): void {
	let from = 0;
	ADDRESS.lastIndex = 0;
	for (let m = ADDRESS.exec(chunk); m; m = ADDRESS.exec(chunk)) {
		addWords(chunk, offset, from, m.index, out);
		const g = m.groups!;
		const kind: TokenKind = g.url ? 'url' : g.email ? 'email' : 'handle';
		out.push({ start: offset + m.index, end: offset + m.index + m[0].length, text: m[0], kind });
		from = m.index + m[0].length;
	}
	addWords(chunk, offset, from, chunk.length, out);
}

function addWords(chunk: string, offset: number, from: number, to: number, out: Token[]): void {
	if (to <= from) return;
	const part = from === 0 && to === chunk.length ? chunk : chunk.slice(from, to);
	WORD_OR_NUMBER.lastIndex = 0;
	for (let m = WORD_OR_NUMBER.exec(part); m; m = WORD_OR_NUMBER.exec(part)) {
		const start = offset + from + m.index;
		out.push({ start, end: start + m[0].length, text: m[0], kind: m.groups!.number ? 'number' : 'word' });
	}
}
