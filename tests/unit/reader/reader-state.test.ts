import { describe, expect, it } from 'vitest';
import type { ReaderData } from '$lib/reader/model';
import { ReaderState } from '$lib/reader/reader.svelte';
import { foldWithOffsets } from '$lib/reader/search';
import { documentOf, type Line } from './fixture';

/** A one-document text of `n` sentences, as the page has it. */
function text(n: number): ReaderData {
	const lines: Line[] = Array.from({ length: n }, (_, i) => [`Llegó a Lima (${i}).`, 'es', i]);
	return {
		documentId: 1,
		documents: { 1: documentOf(1, lines) },
		alignments: [],
		rows: [],
		partners: [],
		terms: {},
		glossary: {},
		repeats: [],
		runs: []
	};
}

describe('ReaderState.folded', () => {
	it('folds the text the data has now: a book that has arrived is searched whole', () => {
		let data = text(3);
		const reader = new ReaderState(() => data);
		expect(reader.folded(1)).toEqual(foldWithOffsets(data.documents[1].text));
		// The first screen, then the whole book (or a new version of the text).
		data = text(40);
		expect(reader.folded(1)).toEqual(foldWithOffsets(data.documents[1].text));
		data = { ...text(40), documents: { 1: { ...text(40).documents[1], text: 'Otra cosa.' } } };
		expect(reader.folded(1).folded).toBe('otra cosa.');
	});

	it('folds the text it is given, such as the parts of a book received so far', () => {
		const reader = new ReaderState(() => text(2));
		const more = text(9).documents[1].text;
		expect(reader.folded(1, more)).toEqual(foldWithOffsets(more));
		expect(reader.folded(1)).toEqual(foldWithOffsets(text(2).documents[1].text));
	});
});
