import { describe, expect, it } from 'vitest';
import { practicePairs, practicePairTerms } from '$lib/reader/practice';
import type { ReaderData } from '$lib/reader/model';

// Two documents of one sentence pair each side: the English pair is two sentences.
const en = 'Police attacked Lima. The OAS said nothing. Unpaired.';
const es = 'La policía atacó Lima y la OEA no dijo nada.';
const data = {
	documents: {
		1: {
			id: 1,
			slug: 'en',
			title: 'en',
			text: en,
			sentences: [
				{ start: 0, end: 21 },
				{ start: 22, end: 43 },
				{ start: 44, end: 53 }
			]
		},
		2: { id: 2, slug: 'es', title: 'es', text: es, sentences: [{ start: 0, end: es.length }] }
	},
	rows: [
		{ kind: 'pair', key: 'p0', en: { doc: 1, sentences: [0, 1] }, es: { doc: 2, sentences: [0] } },
		{ kind: 'alone', key: 'a0', lang: 'en', side: { doc: 1, sentences: [2] } }
	],
	terms: {
		1: [
			{ start: en.indexOf('Lima'), end: en.indexOf('Lima') + 4, entryId: 'lima' },
			{ start: en.indexOf('OAS'), end: en.indexOf('OAS') + 3, entryId: 'oas' }
		],
		2: [{ start: es.indexOf('OEA'), end: es.indexOf('OEA') + 3, entryId: 'oas' }]
	}
} as unknown as ReaderData;

describe('practice pairs', () => {
	it('joins each side of a pair with one space and leaves unpaired sentences out', () => {
		expect(practicePairs(data)).toEqual([
			{ key: 'p0', en: 'Police attacked Lima. The OAS said nothing.', es }
		]);
	});

	it('places the glossary terms of a side in the joined text', () => {
		const [pair] = practicePairs(data);
		const terms = practicePairTerms(data, 0, 'en');
		expect(terms.map((t) => pair.en.slice(t.start, t.end))).toEqual(['Lima', 'OAS']);
		expect(practicePairTerms(data, 0, 'es').map((t) => pair.es.slice(t.start, t.end))).toEqual([
			'OEA'
		]);
		expect(practicePairTerms(data, 5, 'en')).toEqual([]);
	});
});
