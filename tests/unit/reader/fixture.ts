// A small mixed document for the reader's pure parts: sentences written out with their language
// and paragraph, and the text and offsets built from them the way the server sends them.
import type { LangOrUnd } from '$lib/core/types';
import type { ReaderDocument } from '$lib/reader/model';

export type Line = [text: string, lang: LangOrUnd, paragraph: number];

export function documentOf(id: number, lines: readonly Line[]): ReaderDocument {
	let text = '';
	const sentences: ReaderDocument['sentences'] = [];
	lines.forEach(([sentence, lang, paragraph], i) => {
		if (i > 0) text += lines[i - 1][2] === paragraph ? ' ' : '\n\n';
		sentences.push({
			start: text.length,
			end: text.length + sentence.length,
			paragraph,
			lang,
			spans: []
		});
		text += sentence;
	});
	return { id, slug: `doc-${id}`, title: `Document ${id}`, version: 1, text, sentences };
}
