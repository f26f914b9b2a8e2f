// The word aligner's side of GET /doc/<slug>/words, run in a worker thread of its own (a pool of
// one thread, see word-links.ts): learning a text's translations takes from a tenth of a second
// to seconds for a book, too long to hold the event loop that answers every page. The worker keeps the aligners
// it built (one per alignment version) and the dictionary, so a text is learnt once.
//
// Relative imports only (and packages): in development and tests the worker loads this file
// through tsx, outside Vite, where the `$lib` alias does not exist.
import { LRUCache } from 'lru-cache';
import { WordAligner, type WordAlignerOptions } from '../core/words/align';
import { loadWordResources, type WordResources } from '../core/words/resources';
import type { PairSide, PairWords } from '../reader/words';

export interface SentenceText {
	/** The sentence's index in its document. */
	index: number;
	text: string;
}

export interface PairSides {
	en: { doc: number; sentences: SentenceText[] };
	es: { doc: number; sentences: SentenceText[] };
}

/**
 * Sentences of a bead as one text per side, and each token mapped back to its sentence: the
 * aligner sees "S1 S2" when a bead pairs two sentences with one.
 */
export function pairWords(
	aligner: Pick<WordAligner, 'align'>,
	en: PairSides['en'],
	es: PairSides['es']
): PairWords {
	const joined = (side: SentenceText[]) => side.map((s) => s.text).join(' ');
	const alignment = aligner.align(joined(en.sentences), joined(es.sentences));
	const side = (doc: number, sentences: SentenceText[], tokens: typeof alignment.en): PairSide => {
		const starts: number[] = [];
		let at = 0;
		for (const s of sentences) {
			starts.push(at);
			at += s.text.length + 1;
		}
		return {
			doc,
			tokens: tokens.map((token) => {
				let k = starts.length - 1;
				while (k > 0 && starts[k] > token.start) k--;
				return {
					sentence: sentences[k].index,
					start: token.start - starts[k],
					end: token.end - starts[k],
					word: token.kind !== 'punct'
				};
			})
		};
	};
	return {
		en: side(en.doc, en.sentences, alignment.en),
		es: side(es.doc, es.sentences, alignment.es),
		links: alignment.links.map((l) => `${l.en}-${l.es}`).join(' ')
	};
}

/** One pair to align with the aligner of alignment version `key`; `learn` builds that aligner. */
export interface WordLinksJob {
	key: string;
	pair: PairSides;
	learn?: Pick<WordAlignerOptions, 'documentPairs' | 'terms'>;
}

export type WordLinksAnswer =
	| { ok: true; words: PairWords }
	/** This worker has no aligner for `key` (new, or dropped from its cache): send `learn`. */
	| { ok: false; missing: true };

// An aligner holds a text's learned translations (a book's take a few MB): a handful is enough
// for the texts people have open. Promises, so requests for a text being learnt wait for it.
const aligners = new LRUCache<string, Promise<WordAligner>>({ max: 6 });
let resources: Promise<WordResources> | undefined;

export async function runWordLinksJob(job: WordLinksJob): Promise<WordLinksAnswer> {
	let building = aligners.get(job.key);
	if (!building) {
		const learn = job.learn;
		if (!learn) return { ok: false, missing: true };
		building = (resources ??= loadWordResources()).then((r) => new WordAligner(r, learn));
		aligners.set(job.key, building);
	}
	try {
		return { ok: true, words: pairWords(await building, job.pair.en, job.pair.es) };
	} catch (error) {
		aligners.delete(job.key);
		throw error;
	}
}

/** Where the worker finds this module: the source file under tsx, the built chunk in production. */
export const WORD_LINKS_JOBS_URL = import.meta.url;

// The worker's bootstrap imports this module for this side effect (a bundler may rename exports).
(globalThis as Record<symbol, unknown>)[Symbol.for('puente.word-links-job')] = runWordLinksJob;
