// The reader side of word links: which sentences of the active row get a listen button, the
// learner's vocabulary as the study mode reads it, and the popover's saves as the server answers.
import { describe, expect, it } from 'vitest';
import { learnerVocabulary, sentencesOfRow, withWord, wordsUrl } from '$lib/reader/words';
import { saveWord } from '$lib/reader/words-vocabulary';
import type { ReaderData } from '$lib/reader/model';

const sentence = (start: number, end: number) => ({
	start,
	end,
	lang: 'en' as const,
	spans: [],
	paragraph: 0
});

const data = {
	documents: {
		1: {
			id: 1,
			slug: 'a',
			title: 'A',
			text: 'One. Two. Three.',
			sentences: [sentence(0, 4), sentence(5, 9), sentence(10, 16)]
		},
		2: {
			id: 2,
			slug: 'b',
			title: 'B',
			text: 'Uno. Dos.',
			sentences: [sentence(0, 4), sentence(5, 9)]
		}
	},
	rows: [
		{
			kind: 'pair',
			key: 'p0',
			alignment: 0,
			bead: 0,
			en: { doc: 1, sentences: [0, 1] },
			es: { doc: 2, sentences: [0] },
			confidence: 1,
			reviewed: false
		},
		{
			kind: 'alone',
			key: 'a1',
			lang: 'en',
			side: { doc: 1, sentences: [2] },
			reason: 'no-counterpart'
		},
		{ kind: 'elsewhere', key: 'e2', lang: 'es', side: { doc: 2, sentences: [1] }, target: 'p0' }
	]
} as unknown as Pick<ReaderData, 'rows' | 'documents'>;
const rowIndex = new Map([
	['p0', 0],
	['a1', 1],
	['e2', 2]
]);

describe('sentencesOfRow', () => {
	it('gives both sides of a pair, the one side of a lone row, and nothing for a pointer row', () => {
		const pair = sentencesOfRow(data, 'p0', rowIndex);
		expect(pair.size).toBe(3);
		expect(pair.has(data.documents[1].sentences[1])).toBe(true);
		expect(pair.has(data.documents[2].sentences[0])).toBe(true);
		expect(pair.has(data.documents[1].sentences[2])).toBe(false);
		expect([...sentencesOfRow(data, 'a1', rowIndex)]).toEqual([data.documents[1].sentences[2]]);
		expect(sentencesOfRow(data, 'e2', rowIndex).size).toBe(0);
		expect(sentencesOfRow(data, null, rowIndex).size).toBe(0);
		expect(sentencesOfRow(data, 'gone', rowIndex).size).toBe(0);
	});
});

describe('the learner vocabulary in study mode', () => {
	it('compares case aside but accents kept, and moves a word between known and learning', () => {
		const vocabulary = learnerVocabulary({ known: ['Año'], learning: ['marchar'], share: null });
		expect(vocabulary.known.has('año')).toBe(true);
		expect(vocabulary.known.has('ano')).toBe(false);
		const known = withWord(vocabulary, 'Marchar', 'known');
		expect(known.known.has('marchar')).toBe(true);
		expect(known.learning.has('marchar')).toBe(false);
		// The vocabulary it came from is left as it was.
		expect(vocabulary.learning.has('marchar')).toBe(true);
		expect(withWord(null, 'río', 'learning').learning.has('río')).toBe(true);
	});

	it('asks for a pair by alignment, bead and version', () => {
		expect(wordsUrl('la mosca', { alignment: 8, bead: 2, version: 3 })).toBe(
			'/doc/la%20mosca/words?alignment=8&bead=2&v=3'
		);
	});
});

describe('saveWord', () => {
	function fakeFetch(status: number, body: unknown) {
		const calls: { url: string; init: RequestInit }[] = [];
		const fetcher = (async (url: string, init: RequestInit) => {
			calls.push({ url, init });
			return new Response(JSON.stringify(body), { status });
		}) as unknown as typeof fetch;
		return { calls, fetcher };
	}

	it('posts the word with its translation, sentence, text and status as JSON', async () => {
		const { calls, fetcher } = fakeFetch(201, { item: {} });
		const word = {
			text: 'marcharon',
			lang: 'es' as const,
			translation: 'marched',
			context: 'Marcharon a Lima.',
			document: 'la-mosca'
		};
		expect(await saveWord(word, 'known', fetcher)).toEqual({ ok: true });
		expect(calls[0].url).toBe('/api/vocabulary');
		expect(calls[0].init.method).toBe('POST');
		expect(new Headers(calls[0].init.headers).get('content-type')).toBe('application/json');
		expect(JSON.parse(calls[0].init.body as string)).toEqual({ ...word, status: 'known' });
	});

	it('says when the server has no vocabulary, and passes on its message when it refuses', async () => {
		expect(
			await saveWord({ text: 'x', lang: 'en' }, 'learning', fakeFetch(404, {}).fetcher)
		).toEqual({
			ok: false,
			reason: 'missing'
		});
		const refused = await saveWord(
			{ text: 'x', lang: 'en' },
			'learning',
			fakeFetch(400, { error: { message: 'Too long' } }).fetcher
		);
		expect(refused).toEqual({ ok: false, reason: 'refused', message: 'Too long' });
	});
});
