// Cuts a labelled sentence into the pieces the page renders: plain text and inline
// foreign-language spans, each with its own `lang`, so screen readers switch voice.
import type { LabelledSentence, Lang, LangOrUnd } from '$lib/core/types';

export interface TextPiece {
	text: string;
	/** The language of this piece; differs from the sentence's for an inline span. */
	lang: LangOrUnd;
	inline: boolean;
}

export function sentencePieces(source: string, sentence: LabelledSentence): TextPiece[] {
	const pieces: TextPiece[] = [];
	let at = sentence.start;
	const spans = [...sentence.spans].sort((a, b) => a.start - b.start);
	for (const span of spans) {
		if (span.start < at || span.end > sentence.end) continue;
		if (span.start > at) pieces.push({ text: source.slice(at, span.start), lang: sentence.lang, inline: false });
		pieces.push({ text: source.slice(span.start, span.end), lang: span.lang as Lang, inline: true });
		at = span.end;
	}
	if (at < sentence.end) pieces.push({ text: source.slice(at, sentence.end), lang: sentence.lang, inline: false });
	return pieces;
}

export interface ParagraphBlock {
	index: number;
	sentences: { index: number; sentence: LabelledSentence; lineBreakBefore: boolean }[];
}

/** Groups sentences by paragraph, remembering where the original had a line break between two. */
export function paragraphBlocks(source: string, sentences: LabelledSentence[]): ParagraphBlock[] {
	const blocks: ParagraphBlock[] = [];
	sentences.forEach((sentence, index) => {
		let block = blocks.at(-1);
		if (!block || block.index !== sentence.paragraph) {
			block = { index: sentence.paragraph, sentences: [] };
			blocks.push(block);
		}
		const previous = block.sentences.at(-1)?.sentence;
		const gap = previous ? source.slice(previous.end, sentence.start) : '';
		block.sentences.push({ index, sentence, lineBreakBefore: gap.includes('\n') });
	});
	return blocks;
}
