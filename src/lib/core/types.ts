// Data types shared by every part of the core. Offsets are UTF-16 code unit indices
// into the original string (JavaScript string indices), `end` exclusive.

export type Lang = 'en' | 'es';
export type LangOrUnd = Lang | 'und';

/** A paragraph: a block of text separated from the next by a blank line (or a line break). */
export interface Paragraph {
	start: number;
	end: number;
}

/** A sentence as the segmenter found it, trimmed of surrounding white space. */
export interface Sentence {
	start: number;
	end: number;
	text: string;
	/** Index of the paragraph it belongs to. */
	paragraph: number;
}

/** A phrase inside a sentence that is in the other language ("La Toma de Lima" in English grammar). */
export interface InlineSpan {
	start: number;
	end: number;
	lang: Lang;
}

export interface LabelledSentence extends Sentence {
	lang: LangOrUnd;
	/** Posterior probability of `lang`, 0..1. */
	confidence: number;
	spans: InlineSpan[];
}

/** Consecutive sentences of one language; covers from its first sentence's start to its last's end. */
export interface LanguageRun {
	start: number;
	end: number;
	lang: LangOrUnd;
	confidence: number;
	/** Indices into `Detection.sentences`: [first, last + 1). */
	sentenceStart: number;
	sentenceEnd: number;
}

export interface Detection {
	sentences: LabelledSentence[];
	runs: LanguageRun[];
}

/**
 * One bead of a sentence alignment: English unit indices and Spanish unit indices, both
 * ascending and contiguous; one side may be empty (an omission). `confidence` in 0..1.
 */
export interface Bead {
	en: number[];
	es: number[];
	confidence: number;
	/** A person checked or corrected this pair. */
	reviewed?: boolean;
}
