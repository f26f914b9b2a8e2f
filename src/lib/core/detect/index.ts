// Language detection for mixed English/Spanish text: every sentence labelled en, es or und by
// the language of its grammar, then merged into runs. Pipeline: segment, mask, weigh each
// sentence alone, decode the sequence in context, find inline spans, merge runs.
import type { Detection, LabelledSentence, LangOrUnd, LanguageRun, Sentence } from '../types';
import { segmentSentences } from '../text/sentences';
import { decodeContext, type ContextStep } from './context';
import { sentenceEvidence } from './evidence';
import { maskSentence, termMatcher, type TermMatcher } from './masking';
import { chunksOf } from './shape';
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
	// A heading's number ("7.1.") cut off by the segmenter belongs to the heading after it.
	for (let i = labelled.length - 2; i >= 0; i--) {
		const next = labelled[i + 1];
		if (
			labelled[i].lang === 'und' &&
			next.lang !== 'und' &&
			ENUMERATOR.test(labelled[i].text) &&
			!text.slice(labelled[i].end, next.start).includes('\n')
		) {
			labelled[i].lang = next.lang;
			labelled[i].confidence = next.confidence;
		}
	}
	return { sentences: labelled, runs: mergeRuns(labelled) };
}

/** A section or list number: "7.1.", "4.5.3", "2)", "iv.". */
const ENUMERATOR = /^(?:\d+(?:\.\d+)*\.?|[ivxlc]+\.|\d+\)|\(\d+\))$/i;

/**
 * Lines of a table, a synopsis or a listing that the segmenter joined into one sentence
 * ("root", "-rw-r--r--", "V:3, I:99" above a description) are split apart again where a line
 * has no language of its own, is a one- or two-word label or a heading in capitals: those lines are where the
 * language changes, and a line of code must not take the language of the prose it touches.
 */
function splitLines(text: string, sentences: Sentence[], terms: TermMatcher | null): Sentence[] {
	const out: Sentence[] = [];
	for (const s of sentences) {
		const lines = lineRanges(text, s.start, s.end);
		if (lines.length < 2) {
			out.push(s);
			continue;
		}
		const separate = lines.map(([a, b]) => {
			const line = text.slice(a, b);
			if (!/[.!?:;,]$/.test(line)) {
				// A label of one or two words, or a heading in capitals ("VÉASE TAMBIÉN").
				if (chunksOf(text, a, b).length <= 2) return true;
				if (/\p{Lu}/u.test(line) && line === line.toUpperCase()) return true;
			}
			return !sentenceEvidence(maskSentence(text, a, b, terms)).hasLanguage;
		});
		let from = lines[0][0];
		for (let k = 0; k < lines.length; k++) {
			const last = k === lines.length - 1;
			if (last || separate[k] || separate[k + 1]) {
				const end = lines[k][1];
				out.push({ start: from, end, text: text.slice(from, end), paragraph: s.paragraph });
				if (!last) from = lines[k + 1][0];
			}
		}
	}
	return out;
}

/** The non-blank lines of text[start, end), trimmed. */
function lineRanges(text: string, start: number, end: number): Array<[number, number]> {
	const lines: Array<[number, number]> = [];
	let from = start;
	while (from < end) {
		let to = text.indexOf('\n', from);
		if (to < 0 || to > end) to = end;
		let a = from;
		let b = to;
		while (a < b && /\s/.test(text[a])) a++;
		while (b > a && /\s/.test(text[b - 1])) b--;
		if (b > a) lines.push([a, b]);
		from = to + 1;
	}
	return lines;
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
