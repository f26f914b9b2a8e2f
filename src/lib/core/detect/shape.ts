// The shape of a sentence before any word is weighed: which of its space-separated chunks are
// prose words and which are code (options, paths, file names, package names, key=value,
// popularity counts like "V:3, I:99"), numbers or bare punctuation. Technical documents put
// such lines between their sentences (table cells, synopses, commands); they have no language,
// and the words inside them ("always" in --always-make) must not vote.

import { isWordChar } from '../text/tokens';

export type ChunkKind = 'word' | 'compound' | 'code' | 'number' | 'other';

export interface Chunk {
	start: number;
	end: number;
	kind: ChunkKind;
	/** The chunk as written. */
	raw: string;
	/** The chunk without its surrounding punctuation, for words. */
	core: string;
}

/** Punctuation that may open or close a prose word: "(seguro)", «Nota», “Enter”, "¿Dónde". A leading dot is a file extension (".tar"). */
const OPENING = new Set([...'(«"“\'‘¿¡']);
const CLOSING = new Set([...',.;:!?)»"”\'’…']);
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
		const previous = chunks[k - 1].raw;
		if (chunks[k].kind === 'word' && OPTION.test(previous) && !/[,.;:]$/.test(previous))
			chunks[k].kind = 'code';
	}
	return chunks;
}

function classify(raw: string, start: number, end: number): Chunk {
	let a = 0;
	let b = raw.length;
	while (a < b && OPENING.has(raw[a])) a++;
	while (b > a && CLOSING.has(raw[b - 1])) b--;
	const core = a === 0 && b === raw.length ? raw : raw.slice(a, b);
	return { start, end, kind: kindOf(core), raw, core };
}

/** Most chunks are plain words: one scan over their characters answers without a regular expression. */
function kindOf(core: string): ChunkKind {
	if (core === '') return 'other';
	let letters = true;
	for (let i = 0; i < core.length && letters; i++) letters = isWordChar(core.charCodeAt(i));
	if (letters || LETTERS.test(core)) return 'word';
	if (COMPOUND.test(core)) return 'compound';
	if (NUMBER.test(core)) return 'number';
	if (/[\p{L}\d]/u.test(core) || CODE_MARKS.test(core)) return 'code';
	return 'other';
}

function isSpace(c: number): boolean {
	return c === 32 || c === 9 || c === 10 || c === 13 || c === 0xa0 || c === 0x2028;
}

/**
 * A shell prompt ("$ xeyes", "user $ gitk") makes the whole line a command, and so does a
 * synopsis: a program name followed by its options ("at -c tarea [...]", "make [OPTION]...").
 */
export function isCommandLine(chunks: Chunk[]): boolean {
	if (chunks.some((c) => c.raw === '$')) return true;
	return (
		chunks.length >= 2 &&
		chunks[0].kind === 'word' &&
		chunks[0].raw === chunks[0].raw.toLowerCase() &&
		(OPTION.test(chunks[1].raw) || chunks[1].raw.startsWith('['))
	);
}
