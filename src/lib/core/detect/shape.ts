// The shape of a sentence before any word is weighed: which of its space-separated chunks are
// prose words and which are code (options, paths, file names, package names, key=value,
// popularity counts like "V:3, I:99"), numbers or bare punctuation. Technical documents put
// such lines between their sentences (table cells, synopses, commands); they have no language,
// and the words inside them ("always" in --always-make) must not vote.

export type ChunkKind = 'word' | 'compound' | 'code' | 'number' | 'other';

export interface Chunk {
	start: number;
	end: number;
	kind: ChunkKind;
	/** The chunk without its surrounding punctuation, for words. */
	core: string;
}

/** Punctuation that may surround a prose word: "(seguro)", «Nota», “Enter”. */
const WRAPPING = new Set([...',.;:!?()«»"“”\'‘’¿¡…']);
/** A chunk made only of these is a shell prompt, a pipe or a redirection: code. */
const CODE_MARKS = /^[$#%@|<>=&*{}[\]\\/~^`]+$/;
const LETTERS = /^[\p{L}\p{M}]+(?:['’][\p{L}\p{M}]+)*$/u;
const COMPOUND = /^[\p{L}\p{M}]+(?:-[\p{L}\p{M}]+)+$/u;
const NUMBER = /^[+-]?\d+(?:[.,:/%-]\d*)*[%.]?$/;
const OPTION = /^--?[\p{L}\d]/u;

export function chunksOf(text: string, start: number, end: number): Chunk[] {
	const chunks: Chunk[] = [];
	let i = start;
	while (i < end) {
		while (i < end && isSpace(text.charCodeAt(i))) i++;
		if (i >= end) break;
		const from = i;
		while (i < end && !isSpace(text.charCodeAt(i))) i++;
		chunks.push(classify(text.slice(from, i), from, i));
	}
	// An option's argument is code too: "-f fichero", "-u username", "-C dir, --directory=dir".
	for (let k = 1; k < chunks.length; k++) {
		const previous = text.slice(chunks[k - 1].start, chunks[k - 1].end);
		if (chunks[k].kind === 'word' && OPTION.test(previous) && !/[,.;:]$/.test(previous))
			chunks[k].kind = 'code';
	}
	return chunks;
}

function classify(raw: string, start: number, end: number): Chunk {
	let a = 0;
	let b = raw.length;
	while (a < b && WRAPPING.has(raw[a])) a++;
	while (b > a && WRAPPING.has(raw[b - 1])) b--;
	const core = raw.slice(a, b);
	let kind: ChunkKind;
	if (core === '') kind = 'other';
	else if (LETTERS.test(core)) kind = 'word';
	else if (COMPOUND.test(core)) kind = 'compound';
	else if (NUMBER.test(core)) kind = 'number';
	else if (/[\p{L}\d]/u.test(core) || CODE_MARKS.test(core)) kind = 'code';
	else kind = 'other';
	return { start, end, kind, core };
}

function isSpace(c: number): boolean {
	return c === 32 || c === 9 || c === 10 || c === 13 || c === 0xa0 || c === 0x2028;
}

/** A shell prompt ("$ xeyes", "user $ gitk") makes the whole line a command. */
export function isCommandLine(text: string, chunks: Chunk[]): boolean {
	return chunks.some((c) => c.end - c.start === 1 && text[c.start] === '$');
}
