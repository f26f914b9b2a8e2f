// Lines of technical text as detection needs them. The segmenter joins a line to the one
// before it when it starts in lower case (a wrapped sentence); in a table, a synopsis or a
// listing those lines are cells and commands, each with its own language or none.
import type { LabelledSentence, Sentence } from '../types';
import { sentenceEvidence, type SentenceEvidence } from './evidence';
import { maskSentence, type TermMatcher } from './masking';
import { chunksOf } from './shape';
import { dictionaryLanguage } from './words';

/** A section or list number: "7.1.", "4.5.3", "2)", "iv.". */
const ENUMERATOR = /^(?:\d+(?:\.\d+)*\.?|[ivxlc]+\.|\d+\)|\(\d+\))$/i;

/**
 * Lines of a table, a synopsis or a listing that the segmenter joined into one sentence
 * ("root", "-rw-r--r--", "V:3, I:99" above a description) are split apart again where a line
 * has no language of its own, is a one- or two-word label or a heading in capitals: those lines are where the
 * language changes, and a line of code must not take the language of the prose it touches.
 */
export function splitLines(
	text: string,
	sentences: Sentence[],
	terms: TermMatcher | null
): Sentence[] {
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

/** A heading's number ("7.1.") cut off by the segmenter takes the language of the heading after it on its line. */
export function joinHeadingNumbers(text: string, labelled: LabelledSentence[]): void {
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
}

/**
 * A lone lower-case word on its own line, next to a line of the same paragraph that has no
 * language (a count, a path, a permission string), is a cell of a data row and names a thing:
 * a package, a command, a user or group ("mutter", "root", "tar"). It has no language, though
 * a dictionary knows the word. Not so for words only Spanish knows, or written with Spanish
 * letters: in these documents those are the table's own Spanish ("paquete", "descripción").
 * Marks such sentences in `evidence` as having no language.
 */
export function nameCellsOfDataRows(
	text: string,
	sentences: Sentence[],
	evidence: SentenceEvidence[]
): void {
	const ownLine = (i: number) =>
		(i === 0 || text.slice(sentences[i - 1].end, sentences[i].start).includes('\n')) &&
		(i === sentences.length - 1 ||
			text.slice(sentences[i].end, sentences[i + 1].start).includes('\n'));
	const wordlessNeighbour = (i: number, k: number) =>
		k >= 0 &&
		k < sentences.length &&
		sentences[k].paragraph === sentences[i].paragraph &&
		!evidence[k].hasLanguage &&
		ownLine(k);
	for (let i = 0; i < sentences.length; i++) {
		if (!evidence[i].hasLanguage || !NAME_OF_A_THING.test(sentences[i].text) || !ownLine(i))
			continue;
		if (dictionaryLanguage(sentences[i].text) === 'es') continue;
		if (wordlessNeighbour(i, i - 1) || wordlessNeighbour(i, i + 1))
			evidence[i] = { llr: 0, hasLanguage: false };
	}
}

/** One lower-case word of plain Latin letters. */
const NAME_OF_A_THING = /^[a-z]+$/;
