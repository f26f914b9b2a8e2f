// The reader's word links on a real SQLite file: a pair's tokens come back with offsets into
// their own sentences, the links say which words translate which (a glossary term as one unit),
// answers are cached until something they depend on changes, and requests that do not name a
// pair of the document find nothing.
import { afterAll, afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Db } from '$lib/server/db';
import { addPair } from '$lib/server/contribute';
import { alignmentsOf, editAlignment } from '$lib/server/alignments';
import { getDocument } from '$lib/server/documents';
import { seedGlossary } from '$lib/server/glossary';
import { closeWordLinksWorker, pairWords, wordLinks, wordLinkStats } from '$lib/server/word-links';
import { linkedTokens, tokenAt, nextWord, parsePharaoh, type PairWords } from '$lib/reader/words';
import { readerStore } from '../server/reader-store';
import { addMarch } from '../server/march-pair';

let remove: () => void;
let db: Db;
let enId: number;
let esId: number;

beforeEach(async () => {
	({ db, remove } = readerStore('words'));
	// Before the pair goes in, so it is analysed and aligned with the glossary's terms (OAS = OEA).
	seedGlossary(db);
	[enId, esId] = await addMarch(db, 'confirmed');
});

afterEach(() => {
	remove();
});

afterAll(() => closeWordLinksWorker());

const slugOf = (id: number) =>
	(db.prepare('SELECT slug FROM documents WHERE id = ?').get(id) as { slug: string }).slug;

function translation() {
	const alignment = alignmentsOf(db, enId).find((a) => a.kind === 'translation');
	if (!alignment) throw new Error('no translation alignment');
	return alignment;
}

function wordOf(words: PairWords, side: 'en' | 'es', index: number, texts: string[]): string {
	const token = words[side].tokens[index];
	return texts[token.sentence].slice(token.start, token.end);
}

const sentencesOf = (id: number) => {
	const doc = getDocument(db, id)!;
	return doc.detection.sentences.map((s) => doc.text.slice(s.start, s.end));
};

async function linksOf(bead: number): Promise<PairWords> {
	const found = await wordLinks(db, slugOf(enId), translation().id, bead);
	if (!found.ok) throw new Error(JSON.stringify(found.error));
	return found.value;
}

function counterpartsOf(words: PairWords, side: 'en' | 'es', word: string): string[] {
	const texts = { en: sentencesOf(enId), es: sentencesOf(esId) };
	const other = side === 'en' ? 'es' : 'en';
	const index = words[side].tokens.findIndex(
		(_, i) => wordOf(words, side, i, texts[side]) === word
	);
	expect(index, word).toBeGreaterThanOrEqual(0);
	return linkedTokens(words, side, index).map((j) => wordOf(words, other, j, texts[other]));
}

describe('word links of a reading pair', () => {
	it('links a Spanish verb to its English counterpart, and back', async () => {
		const words = await linksOf(0);
		expect(counterpartsOf(words, 'es', 'marcharon')).toEqual(['marched']);
		expect(counterpartsOf(words, 'en', 'marched')).toEqual(['marcharon']);
		expect(counterpartsOf(words, 'es', 'plaza')).toEqual(['square']);
	});

	it('gives offsets into each sentence, from either document of the pair', async () => {
		const words = await linksOf(1);
		expect(words.en.doc).toBe(enId);
		expect(words.es.doc).toBe(esId);
		const texts = sentencesOf(esId);
		const spanish = words.es.tokens
			.filter((t) => t.word)
			.map((t) => texts[t.sentence].slice(t.start, t.end));
		expect(spanish).toEqual(['El', 'alcalde', 'cerró', 'el', 'puente', 'viejo']);
		// The same answer asked by the Spanish document's address.
		const bySpanish = await wordLinks(db, slugOf(esId), translation().id, 1);
		expect(bySpanish.ok && bySpanish.value).toEqual(words);
	});

	it('aligns a glossary term as a unit', async () => {
		const words = await linksOf(2);
		expect(counterpartsOf(words, 'es', 'OEA')).toEqual(['OAS']);
	});

	it('keeps answers until the alignment changes, and learns the text once per version', async () => {
		const built = wordLinkStats.textsLearnt;
		const aligned = wordLinkStats.pairsAligned;
		const first = await linksOf(0);
		await linksOf(1);
		expect(await linksOf(0)).toBe(first);
		expect(wordLinkStats.textsLearnt - built).toBe(1);
		expect(wordLinkStats.pairsAligned - aligned).toBe(2);
		// A person merges the first two pairs: the answer for pair 0 is computed again.
		const alignment = translation();
		const edited = editAlignment(db, alignment.id, alignment.version, { kind: 'merge', bead: 0 });
		expect(edited.ok).toBe(true);
		const merged = await linksOf(0);
		expect(merged).not.toBe(first);
		expect(new Set(merged.es.tokens.map((t) => t.sentence))).toEqual(new Set([0, 1]));
		expect(counterpartsOf(merged, 'es', 'alcalde')).toEqual(['mayor']);
		expect(wordLinkStats.textsLearnt - built).toBe(2);
		// All of it in the worker thread: none fell back to the event loop's thread.
		expect(wordLinkStats.onMainThread).toBe(0);
	});

	it('aligns on the main thread when the worker cannot start, with the same answer', async () => {
		const inWorker = await linksOf(0);
		vi.resetModules();
		vi.doMock('$lib/server/worker-bootstrap', async (original) => ({
			...(await original<object>()),
			loadTinypool: async () => {
				throw new Error('no threads here');
			}
		}));
		const quiet = vi.spyOn(console, 'error').mockImplementation(() => {});
		try {
			const fresh = await import('$lib/server/word-links');
			const found = await fresh.wordLinks(db, slugOf(enId), translation().id, 0);
			expect(found.ok && found.value).toEqual(inWorker);
			expect(fresh.wordLinkStats.onMainThread).toBe(1);
			expect(quiet).toHaveBeenCalledWith(expect.stringContaining('no threads here'));
		} finally {
			quiet.mockRestore();
			vi.doUnmock('$lib/server/worker-bootstrap');
		}
	});

	it('finds nothing for another document, an unknown alignment or a bead out of range', async () => {
		const other = addPair(db, {
			title: 'Other',
			en: 'The library opens at nine.',
			es: 'La biblioteca abre a las nueve.',
			via: 'paste',
			sides: 'confirmed'
		});
		if (!other.ok) throw new Error('not added');
		const id = translation().id;
		for (const [slug, alignment, bead] of [
			[slugOf(other.documentIds[0]), id, 0],
			['no-such-text', id, 0],
			[slugOf(enId), id + 100, 0],
			[slugOf(enId), id, 99],
			[slugOf(enId), id, -1]
		] as const) {
			const found = await wordLinks(db, slug, alignment, bead);
			expect(found.ok, `${slug} ${alignment} ${bead}`).toBe(false);
			if (!found.ok) expect(found.error.code).toBe('not-found');
		}
	});
});

describe('pairWords', () => {
	it('maps the tokens of a two-sentence side back to their own sentences', () => {
		const aligner = {
			align: (en: string, es: string) => ({
				en: [
					{ start: 0, end: 3, text: en.slice(0, 3), kind: 'word' as const },
					{ start: 3, end: 4, text: '.', kind: 'punct' as const },
					{ start: 5, end: 8, text: en.slice(5, 8), kind: 'word' as const }
				],
				es: [{ start: 0, end: 3, text: es.slice(0, 3), kind: 'word' as const }],
				links: [
					{ en: 0, es: 0, confidence: 1 },
					{ en: 2, es: 0, confidence: 1 }
				],
				units: []
			})
		};
		const words = pairWords(
			aligner,
			{
				doc: 1,
				sentences: [
					{ index: 4, text: 'One.' },
					{ index: 5, text: 'Two' }
				]
			},
			{ doc: 2, sentences: [{ index: 7, text: 'Uno' }] }
		);
		expect(words.en.tokens).toEqual([
			{ sentence: 4, start: 0, end: 3, word: true },
			{ sentence: 4, start: 3, end: 4, word: false },
			{ sentence: 5, start: 0, end: 3, word: true }
		]);
		expect(words.links).toBe('0-0 2-0');
		expect(parsePharaoh(words.links)).toEqual([
			[0, 0],
			[2, 0]
		]);
		expect(linkedTokens(words, 'es', 0)).toEqual([0, 2]);
		expect(tokenAt(words, 'en', 5, 1)).toBe(2);
		expect(tokenAt(words, 'en', 4, 3)).toBe(-1);
		expect(nextWord(words, 'en', 0, 1)).toBe(2);
		expect(nextWord(words, 'en', 2, 1)).toBe(2);
	});
});
