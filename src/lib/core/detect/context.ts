// The sentence sequence decoded as a whole: a two-state hidden Markov model (en, es) whose
// emissions are each sentence's own evidence and whose transitions make switching language
// cost something, less across a paragraph break. Viterbi gives the labels; forward-backward
// gives each sentence's posterior, the confidence. Sentences without language (und) are
// decided by their content and skipped here, so context flows over them.
import type { Lang } from '../types';

export interface ContextStep {
	/** log P(sentence | en) - log P(sentence | es). */
	llr: number;
	/** A paragraph break separates this sentence from the previous one in the sequence. */
	newParagraph: boolean;
}

export interface ContextDecoding {
	labels: Lang[];
	/** Posterior probability of English for each step. */
	pEnglish: number[];
}

/** Chance that the language changes between two sentences of one paragraph. */
const SWITCH_IN_PARAGRAPH = 0.03;
/** Chance that it changes at a paragraph break: mixed documents switch mostly there. */
const SWITCH_AT_PARAGRAPH = 0.2;

/** Scores closer than this are equal: sums of the same terms in another order. */
const TIE = 1e-9;

const logSwitch = (s: ContextStep) =>
	Math.log(s.newParagraph ? SWITCH_AT_PARAGRAPH : SWITCH_IN_PARAGRAPH);
const logStay = (s: ContextStep) =>
	Math.log(1 - (s.newParagraph ? SWITCH_AT_PARAGRAPH : SWITCH_IN_PARAGRAPH));

export function decodeContext(steps: ContextStep[]): ContextDecoding {
	const n = steps.length;
	if (n === 0) return { labels: [], pEnglish: [] };
	// Emission of English is +llr/2 and of Spanish -llr/2: only their difference matters.
	const emit = (i: number, en: boolean) => (en ? steps[i].llr / 2 : -steps[i].llr / 2);

	// Viterbi, state 0 = en, 1 = es.
	const back = new Uint8Array(n * 2);
	let v0 = emit(0, true) + Math.log(0.5);
	let v1 = emit(0, false) + Math.log(0.5);
	for (let i = 1; i < n; i++) {
		const stay = logStay(steps[i]);
		const swap = logSwitch(steps[i]);
		const to0From0 = v0 + stay;
		const to0From1 = v1 + swap;
		const to1From1 = v1 + stay;
		const to1From0 = v0 + swap;
		// On a tie (a sentence with no evidence where the language changes), the switch goes
		// after it: a fragment belongs with what it follows more often than with what comes next.
		back[i * 2] = to0From0 > to0From1 + TIE ? 0 : 1;
		back[i * 2 + 1] = to1From1 > to1From0 + TIE ? 1 : 0;
		v0 = Math.max(to0From0, to0From1) + emit(i, true);
		v1 = Math.max(to1From1, to1From0) + emit(i, false);
	}
	const labels: Lang[] = new Array(n);
	let state = v0 >= v1 ? 0 : 1;
	for (let i = n - 1; i >= 0; i--) {
		labels[i] = state === 0 ? 'en' : 'es';
		if (i > 0) state = back[i * 2 + state];
	}

	// Forward-backward in log space.
	const f0 = new Float64Array(n);
	const f1 = new Float64Array(n);
	f0[0] = emit(0, true) + Math.log(0.5);
	f1[0] = emit(0, false) + Math.log(0.5);
	for (let i = 1; i < n; i++) {
		const stay = logStay(steps[i]);
		const swap = logSwitch(steps[i]);
		f0[i] = logAdd(f0[i - 1] + stay, f1[i - 1] + swap) + emit(i, true);
		f1[i] = logAdd(f1[i - 1] + stay, f0[i - 1] + swap) + emit(i, false);
	}
	const b0 = new Float64Array(n);
	const b1 = new Float64Array(n);
	for (let i = n - 2; i >= 0; i--) {
		const stay = logStay(steps[i + 1]);
		const swap = logSwitch(steps[i + 1]);
		const e0 = emit(i + 1, true) + b0[i + 1];
		const e1 = emit(i + 1, false) + b1[i + 1];
		b0[i] = logAdd(stay + e0, swap + e1);
		b1[i] = logAdd(swap + e0, stay + e1);
	}
	const pEnglish = new Array<number>(n);
	for (let i = 0; i < n; i++) {
		const a = f0[i] + b0[i];
		const b = f1[i] + b1[i];
		pEnglish[i] = 1 / (1 + Math.exp(b - a));
	}
	return { labels, pEnglish };
}

function logAdd(a: number, b: number): number {
	return a > b ? a + Math.log1p(Math.exp(b - a)) : b + Math.log1p(Math.exp(a - b));
}
