// Inline spans: a phrase of the other language inside a sentence ("La Toma de Lima" in an
// English sentence, a quoted English title in a Spanish one), for the reader to style.
// Candidates are the masked stretches (names, quotations, glossary terms); one becomes a
// span when its own words clearly lean to the other language.
import type { InlineSpan, Lang } from '../types';
import { phraseEvidence } from './evidence';
import { NAME_GRAMMAR, type MaskedSentence } from './masking';

/** Summed word evidence a phrase needs to be called the other language: more than one weak word. */
const SPAN_EVIDENCE = 2.5;

export function inlineSpans(masked: MaskedSentence, sentenceLang: Lang): InlineSpan[] {
	const spans: InlineSpan[] = [];
	for (const group of masked.groups) {
		// A name's own spelling says little ("Pedro Castillo" is not Spanish text in an English
		// sentence); its articles and prepositions do ("La Toma de Lima").
		const indices =
			group.kind === 'name'
				? group.tokens.filter((i) => NAME_GRAMMAR.has(masked.lower[i]))
				: group.tokens;
		const evidence = phraseEvidence(masked, indices);
		const lang: Lang | null =
			evidence >= SPAN_EVIDENCE ? 'en' : evidence <= -SPAN_EVIDENCE ? 'es' : null;
		if (!lang || lang === sentenceLang) continue;
		// Words at the edges that belong to the sentence's own language stay out of the span:
		// "the" in "the Confederación General de Trabajadores", "President" before a name.
		let first = 0;
		let last = group.tokens.length - 1;
		const own = (k: number) =>
			masked.tokens[group.tokens[k]].kind !== 'word' ||
			Math.sign(phraseEvidence(masked, [group.tokens[k]])) === (sentenceLang === 'en' ? 1 : -1);
		while (first < last && own(first)) first++;
		while (last > first && own(last)) last--;
		const start = masked.tokens[group.tokens[first]].start;
		const end = group.kind === 'name' ? masked.tokens[group.tokens[last]].end : group.end;
		const previous = spans[spans.length - 1];
		if (previous && previous.end >= start) {
			previous.end = Math.max(previous.end, end);
			continue;
		}
		spans.push({ start: first === 0 ? Math.min(start, group.start) : start, end, lang });
	}
	return spans;
}
