// Language detection for mixed English/Spanish text: every sentence labelled en, es or und by
// the language of its grammar, then merged into runs. Pipeline: segment, mask, weigh each
// sentence alone, decode the sequence in context, find inline spans, merge runs. Lines of
// tables and listings that the segmenter joined are split apart first (lines.ts).
import type { Detection, LabelledSentence, LangOrUnd, LanguageRun } from '../types';
import { segmentSentences } from '../text/sentences';
import { decodeContext, type ContextStep } from './context';
import { sentenceEvidence } from './evidence';
import { joinHeadingNumbers, nameCellsOfDataRows, splitLines } from './lines';
import { maskSentence, termMatcher } from './masking';
import { inlineSpans } from './spans';

export interface DetectOptions {
	/** Glossary terms (names of places, events, slogans) that never vote for a language. */
	protectedTerms?: string[];
}

/** How sure we are that a sentence with no words (a URL, a date) has no language. */
const UND_CONFIDENCE = 0.99;

export function detectLanguages(text: string, options: DetectOptions = {}): Detection {
	const terms = termMatcher(options.protectedTerms);
	const sentences = splitLines(text, segmentSentences(text), terms);
	const masked = sentences.map((s) => maskSentence(text, s.start, s.end, terms));
	const evidence = masked.map((m) => sentenceEvidence(m));
	nameCellsOfDataRows(text, sentences, evidence);

	const withLanguage: number[] = [];
	const steps: ContextStep[] = [];
	for (let i = 0; i < sentences.length; i++) {
		if (!evidence[i].hasLanguage) continue;
		const previous = withLanguage[withLanguage.length - 1];
		steps.push({
			llr: evidence[i].llr,
			newParagraph:
				previous !== undefined && sentences[previous].paragraph !== sentences[i].paragraph
		});
		withLanguage.push(i);
	}
	const decoded = decodeContext(steps);

	const labelled: LabelledSentence[] = sentences.map((s) => ({
		...s,
		lang: 'und',
		confidence: UND_CONFIDENCE,
		spans: []
	}));
	withLanguage.forEach((i, k) => {
		const lang = decoded.labels[k];
		const pEnglish = decoded.pEnglish[k];
		labelled[i].lang = lang;
		labelled[i].confidence = lang === 'en' ? pEnglish : 1 - pEnglish;
		labelled[i].spans = inlineSpans(masked[i], lang);
	});
	joinHeadingNumbers(text, labelled);
	return { sentences: labelled, runs: mergeRuns(labelled) };
}

/** Consecutive sentences of one label become a run; its confidence is the length-weighted mean of theirs. */
export function mergeRuns(sentences: LabelledSentence[]): LanguageRun[] {
	const runs: LanguageRun[] = [];
	let weighted = 0;
	let weight = 0;
	sentences.forEach((s, i) => {
		const last = runs[runs.length - 1];
		const length = s.end - s.start;
		if (last && last.lang === s.lang) {
			last.end = s.end;
			last.sentenceEnd = i + 1;
		} else {
			if (last) last.confidence = weighted / weight;
			runs.push({
				start: s.start,
				end: s.end,
				lang: s.lang as LangOrUnd,
				confidence: 0,
				sentenceStart: i,
				sentenceEnd: i + 1
			});
			weighted = 0;
			weight = 0;
		}
		weighted += s.confidence * length;
		weight += length;
	});
	if (runs.length) runs[runs.length - 1].confidence = weighted / weight;
	return runs;
}

export { segmentSentences };
