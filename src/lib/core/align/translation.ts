// Aligns a document with its translation document. Only sentences that can translate each
// other take part: the English (or no-language) sentences of the English side against the
// Spanish (or no-language) ones of the Spanish side. A sentence the translation copies as it
// stands (a Spanish quotation kept in the Spanish version, a table line) is a copy, not a
// translation, and is left out on both sides, so no pair ever holds a text and itself.
import type { Bead, LabelledSentence, LangOrUnd } from '../types';
import { alignSentences, type AlignOptions } from './align-sentences';

export interface TranslationSide {
	texts: readonly string[];
	langs: readonly LangOrUnd[];
	/** Paragraph index of every sentence. */
	paragraphs: readonly number[];
}

/** A document's detected sentences as one side of `alignTranslation`. */
export function translationSide(
	sentences: readonly Pick<LabelledSentence, 'text' | 'lang' | 'paragraph'>[]
): TranslationSide {
	return {
		texts: sentences.map((s) => s.text),
		langs: sentences.map((s) => s.lang),
		paragraphs: sentences.map((s) => s.paragraph)
	};
}

const sameText = (text: string) => text.replace(/\s+/g, ' ').trim();

/** Beads over the two documents' own sentence indices; sentences left out are in no bead. */
export function alignTranslation(
	en: TranslationSide,
	es: TranslationSide,
	options: Omit<AlignOptions, 'paragraphs'> = {}
): Bead[] {
	const enTexts = new Set(en.texts.map(sameText));
	const esTexts = new Set(es.texts.map(sameText));
	const takesPart = (side: TranslationSide, lang: 'en' | 'es', otherTexts: Set<string>) =>
		side.texts.flatMap((text, i) =>
			(side.langs[i] === lang || side.langs[i] === 'und') && !otherTexts.has(sameText(text))
				? [i]
				: []
		);
	const enIds = takesPart(en, 'en', esTexts);
	const esIds = takesPart(es, 'es', enTexts);
	if (enIds.length === 0 || esIds.length === 0) return [];
	const beads = alignSentences(
		enIds.map((i) => en.texts[i]),
		esIds.map((i) => es.texts[i]),
		{
			...options,
			paragraphs: { en: enIds.map((i) => en.paragraphs[i]), es: esIds.map((i) => es.paragraphs[i]) }
		}
	);
	return beads.map((b) => ({
		en: b.en.map((k) => enIds[k]),
		es: b.es.map((k) => esIds[k]),
		confidence: b.confidence
	}));
}
