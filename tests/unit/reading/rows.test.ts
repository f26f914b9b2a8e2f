// The reading order of a document: every sentence once, in order, in its language's column,
// whatever alignments (internal passage pairs, a translation, stale or damaged ones) say.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { detectLanguages } from '$lib/core/detect';
import { pairPassages } from '$lib/core/align/passages';
import type { Bead, LangOrUnd } from '$lib/core/types';
import {
	readingRows,
	rowSentences,
	shownRows,
	type ReadingRow,
	type RowAlignment,
	type RowSentence
} from '$lib/core/reading/rows';

const DOC = 1;
const TRANSLATION = 2;

const sentences = (langs: string): RowSentence[] =>
	[...langs].map((c, k) => ({
		lang: (c === 'e' ? 'en' : c === 's' ? 'es' : 'und') as LangOrUnd,
		paragraph: k
	}));

const bead = (en: number[], es: number[], confidence = 0.9): Bead => ({ en, es, confidence });

/** How many rows show each sentence of the document. */
function timesShown(rows: ReadingRow[], count: number): number[] {
	const times = Array.from({ length: count }, () => 0);
	for (const row of shownRows(rows)) for (const i of rowSentences(row, DOC)) times[i]++;
	return times;
}

describe('reading rows', () => {
	it('pairs an English article with its translation row by row, in order', () => {
		const rows = readingRows({
			documentId: DOC,
			documents: { [DOC]: sentences('eee'), [TRANSLATION]: sentences('sss') },
			alignments: [
				{
					id: 7,
					kind: 'translation',
					enDocumentId: DOC,
					esDocumentId: TRANSLATION,
					beads: [bead([0], [0]), bead([1, 2], [1, 2])]
				}
			]
		});
		expect(rows.map((r) => r.kind)).toEqual(['pair', 'pair']);
		const second = rows[1] as Extract<ReadingRow, { kind: 'pair' }>;
		expect(second.en).toEqual({ doc: DOC, sentences: [1, 2] });
		expect(second.es).toEqual({ doc: TRANSLATION, sentences: [1, 2] });
	});

	it('shows a passage paired inside the text once, where its first side stands, and points from the second', () => {
		// English 0-1, an English sentence 2 with no counterpart, Spanish 3-4 translating 0-1.
		const rows = readingRows({
			documentId: DOC,
			documents: { [DOC]: sentences('eeess') },
			alignments: [
				{
					id: 3,
					kind: 'internal',
					enDocumentId: DOC,
					esDocumentId: DOC,
					beads: [bead([0], [3]), bead([1], [4])]
				}
			]
		});
		expect(rows.map((r) => r.kind)).toEqual(['pair', 'pair', 'alone', 'elsewhere']);
		const pointer = rows[3] as Extract<ReadingRow, { kind: 'elsewhere' }>;
		expect(pointer.side.sentences).toEqual([3, 4]);
		expect(pointer.target).toBe(rows[0].key);
		expect(timesShown(rows, 5)).toEqual([1, 1, 1, 1, 1]);
	});

	it('gives a sentence in the internal pair and in the translation to the internal pair only', () => {
		// La Mosca's shape: English 0-1 translate the Spanish original 2-3 in the same text, and the
		// translation document translates the English again.
		const rows = readingRows({
			documentId: DOC,
			documents: { [DOC]: sentences('eess'), [TRANSLATION]: sentences('ssss') },
			alignments: [
				{
					id: 1,
					kind: 'internal',
					enDocumentId: DOC,
					esDocumentId: DOC,
					beads: [bead([0], [2]), bead([1], [3])]
				},
				{
					id: 2,
					kind: 'translation',
					enDocumentId: DOC,
					esDocumentId: TRANSLATION,
					beads: [bead([0], [0]), bead([1], [1]), bead([], [2]), bead([], [3])]
				}
			]
		});
		const pairs = rows.filter((r) => r.kind === 'pair');
		expect(pairs).toHaveLength(2);
		for (const pair of pairs) expect(pair.es.doc).toBe(DOC);
		expect(timesShown(rows, 4)).toEqual([1, 1, 1, 1]);
	});

	it('never puts a sentence in the other language’s column, even when a stored alignment says so', () => {
		// A stale alignment pairs the Spanish sentence 1 of the document on the English side.
		const rows = readingRows({
			documentId: DOC,
			documents: { [DOC]: sentences('es'), [TRANSLATION]: sentences('ss') },
			alignments: [
				{
					id: 9,
					kind: 'translation',
					enDocumentId: DOC,
					esDocumentId: TRANSLATION,
					beads: [bead([0], [0]), bead([1], [1]), bead([5], [7])]
				}
			]
		});
		const alone = rows.find((r) => r.kind === 'alone' && r.side.doc === DOC);
		expect(alone).toMatchObject({ lang: 'es', reason: 'untranslated', side: { sentences: [1] } });
		expect(timesShown(rows, 2)).toEqual([1, 1]);
	});

	it('shows a repeated passage once, as a repeat, and keeps it out of every pair', () => {
		const rows = readingRows({
			documentId: DOC,
			documents: { [DOC]: sentences('eeee'), [TRANSLATION]: sentences('ssss') },
			alignments: [
				{
					id: 4,
					kind: 'translation',
					enDocumentId: DOC,
					esDocumentId: TRANSLATION,
					beads: [0, 1, 2, 3].map((k) => bead([k], [k]))
				}
			],
			repeats: [{ second: { start: 2, end: 4 } }]
		});
		expect(rows.map((r) => r.kind)).toEqual(['pair', 'pair', 'repeat']);
		expect(timesShown(rows, 4)).toEqual([1, 1, 1, 1]);
	});

	it('labels what has no counterpart: untranslated, not translated, no language, only in the translation', () => {
		const rows = readingRows({
			documentId: DOC,
			documents: { [DOC]: sentences('eeus'), [TRANSLATION]: sentences('sss') },
			alignments: [
				{
					id: 5,
					kind: 'translation',
					enDocumentId: DOC,
					esDocumentId: TRANSLATION,
					beads: [bead([0], [0]), bead([], [1]), bead([1], [])]
				}
			]
		});
		const reasons = rows.map((r) => (r.kind === 'alone' ? r.reason : r.kind));
		expect(reasons).toEqual([
			'pair',
			'translation-only',
			'no-counterpart',
			'no-language',
			'untranslated'
		]);
	});

	it('lays out the translation asked for when a text has two', () => {
		const other = 3;
		const layout = (translationId: number) =>
			readingRows({
				documentId: DOC,
				documents: {
					[DOC]: sentences('e'),
					[TRANSLATION]: sentences('s'),
					[other]: sentences('s')
				},
				alignments: [
					{
						id: 10,
						kind: 'translation',
						enDocumentId: DOC,
						esDocumentId: TRANSLATION,
						beads: [bead([0], [0])]
					},
					{
						id: 11,
						kind: 'translation',
						enDocumentId: DOC,
						esDocumentId: other,
						beads: [bead([0], [0])]
					}
				],
				translationId
			});
		expect((layout(10)[0] as Extract<ReadingRow, { kind: 'pair' }>).es.doc).toBe(TRANSLATION);
		expect((layout(11)[0] as Extract<ReadingRow, { kind: 'pair' }>).es.doc).toBe(other);
	});
});

// Random documents: sentence languages, a monotone internal alignment between random English
// and Spanish stretches, a translation alignment over all of it (some beads damaged), repeats.
const langArb = fc.constantFrom<LangOrUnd>('en', 'en', 'es', 'es', 'und');

/** Monotone beads over two index lists, each index in at most one bead, some 1-0 / 0-1. */
function monotoneBeads(en: number[], es: number[], cuts: number[]): Bead[] {
	const beads: Bead[] = [];
	let i = 0;
	let j = 0;
	for (const cut of cuts) {
		if (i >= en.length && j >= es.length) break;
		const take = (list: number[], at: number, n: number) => list.slice(at, at + n);
		const shape = [
			[1, 1],
			[1, 0],
			[0, 1],
			[2, 1],
			[1, 2],
			[2, 2]
		][cut % 6];
		const b = bead(take(en, i, shape[0]), take(es, j, shape[1]), (cut % 10) / 10);
		if (b.en.length + b.es.length === 0) continue;
		i += b.en.length;
		j += b.es.length;
		beads.push(b);
	}
	while (i < en.length) beads.push(bead([en[i++]], []));
	while (j < es.length) beads.push(bead([], [es[j++]]));
	return beads;
}

const documentArb = fc
	.record({
		langs: fc.array(langArb, { minLength: 1, maxLength: 40 }),
		paragraphBreaks: fc.array(fc.boolean(), { minLength: 40, maxLength: 40 }),
		translationLangs: fc.array(langArb, { minLength: 0, maxLength: 40 }),
		cuts: fc.array(fc.nat(60), { minLength: 0, maxLength: 80 }),
		internalCuts: fc.array(fc.nat(60), { minLength: 0, maxLength: 40 }),
		damage: fc.array(fc.integer({ min: -3, max: 60 }), { maxLength: 4 }),
		repeat: fc.option(fc.tuple(fc.nat(40), fc.nat(6)))
	})
	.map((r) => {
		let paragraph = 0;
		const own: RowSentence[] = r.langs.map((lang, k) => {
			if (k > 0 && r.paragraphBreaks[k]) paragraph++;
			return { lang, paragraph };
		});
		const theirs: RowSentence[] = r.translationLangs.map((lang, k) => ({ lang, paragraph: k }));
		const ids = (list: RowSentence[], lang: LangOrUnd) =>
			list.flatMap((s, k) => (s.lang === lang ? [k] : []));
		const half = Math.floor(own.length / 2);
		const internal = monotoneBeads(
			ids(own, 'en').filter((k) => k < half),
			ids(own, 'es').filter((k) => k >= half),
			r.internalCuts
		);
		const translation = monotoneBeads(
			own.map((_, k) => k),
			theirs.map((_, k) => k),
			r.cuts
		);
		// A damaged stored alignment: indices past the end or below zero.
		r.damage.forEach((d, k) => translation[k % Math.max(1, translation.length)]?.en.push(d));
		const alignments: RowAlignment[] = [
			{ id: 1, kind: 'internal', enDocumentId: DOC, esDocumentId: DOC, beads: internal },
			{
				id: 2,
				kind: 'translation',
				enDocumentId: DOC,
				esDocumentId: TRANSLATION,
				beads: translation
			}
		];
		const repeats = r.repeat
			? [{ second: { start: r.repeat[0], end: r.repeat[0] + r.repeat[1] } }]
			: [];
		return { own, theirs, alignments, repeats };
	});

describe('reading rows, over random documents', () => {
	it('show every sentence of the document in exactly one row, in its own column, in order', () => {
		fc.assert(
			fc.property(documentArb, ({ own, theirs, alignments, repeats }) => {
				const rows = readingRows({
					documentId: DOC,
					documents: { [DOC]: own, [TRANSLATION]: theirs },
					alignments,
					repeats
				});
				expect(timesShown(rows, own.length)).toEqual(own.map(() => 1));
				const partnerTimes = new Map<number, number>();
				for (const row of rows) {
					if (row.kind !== 'pair') continue;
					for (const [side, lang] of [
						[row.en, 'en'],
						[row.es, 'es']
					] as const) {
						const list = side.doc === DOC ? own : theirs;
						for (const i of side.sentences) expect(['und', lang]).toContain(list[i].lang);
						if (side.doc === TRANSLATION)
							for (const i of side.sentences) partnerTimes.set(i, (partnerTimes.get(i) ?? 0) + 1);
					}
					const mine = rowSentences(row, DOC);
					expect(new Set(mine).size).toBe(mine.length);
				}
				for (const times of partnerTimes.values()) expect(times).toBe(1);
				// Document order: each row's first sentence of this document never goes backwards,
				// except a pair inside the text, which sits where its earlier side stands.
				let last = -1;
				for (const row of shownRows(rows)) {
					const mine = rowSentences(row, DOC);
					if (mine.length === 0) continue;
					const first = Math.min(...mine);
					expect(first).toBeGreaterThan(last);
					last = first;
				}
			}),
			{ numRuns: 300 }
		);
	});
});

describe('reading rows of a real mixed document', () => {
	// man renice in English followed by its Spanish page, which leaves paragraphs in English.
	const text = readFileSync(
		new URL('../../fixtures/mixed/renice-en-es.txt', import.meta.url),
		'utf8'
	);
	const detection = detectLanguages(text);
	const pairing = pairPassages(text, detection);
	const rows = readingRows({
		documentId: DOC,
		documents: { [DOC]: detection.sentences },
		alignments: pairing.pairs.map((p, k) => ({
			id: k,
			kind: 'internal',
			enDocumentId: DOC,
			esDocumentId: DOC,
			beads: p.beads
		})),
		repeats: pairing.repeats
	});
	const sentence = (i: number) => detection.sentences[i].text.replace(/\s+/g, ' ');
	const pairTexts = rows.flatMap((r) =>
		r.kind === 'pair'
			? [[r.en.sentences.map(sentence).join(' '), r.es.sentences.map(sentence).join(' ')]]
			: []
	);

	it('pairs the translated lines with their originals and never a line with its untranslated copy', () => {
		expect(pairTexts).toContainEqual([
			'Interpret the succeeding arguments as process group IDs.',
			'Interpreta los siguientes argumentos como identificadores de grupos de procesos.'
		]);
		expect(pairTexts).toContainEqual([
			'Display help text and exit.',
			'Muestra un texto de ayuda y finaliza.'
		]);
		expect(pairTexts).toContainEqual(['HISTORY', 'HISTORIAL']);
		for (const [en, es] of pairTexts) expect(es).not.toBe(en);
		// The English copies the Spanish page kept are shown, not paired.
		const copies = rows.filter(
			(r) =>
				r.kind !== 'pair' &&
				r.kind !== 'elsewhere' &&
				r.side.sentences.some((i) =>
					sentence(i).startsWith('Interpret the succeeding arguments as process IDs')
				)
		);
		expect(copies.length).toBeGreaterThan(0);
	});

	it('keeps every sentence, the Spanish translator’s lines included, in exactly one row', () => {
		expect(timesShown(rows, detection.sentences.length)).toEqual(detection.sentences.map(() => 1));
		const translator = rows.find(
			(r) =>
				r.kind === 'alone' &&
				r.side.sentences.some((i) =>
					sentence(i).startsWith('Esta traducción es documentación libre')
				)
		);
		expect(translator).toMatchObject({ lang: 'es', reason: 'no-counterpart' });
	});
});

describe('passages of La Mosca, with the glossary as anchors as the server aligns them', () => {
	const text = readFileSync(
		new URL('../../../src/lib/data/corpus/brutal-repression-la-mosca.txt', import.meta.url),
		'utf8'
	);
	const entries = JSON.parse(
		readFileSync(new URL('../../../src/lib/data/glossary.json', import.meta.url), 'utf8')
	) as { en: string; es: string; variants?: string[] }[];
	const detection = detectLanguages(text, {
		protectedTerms: entries.flatMap((e) => [e.en, e.es, ...(e.variants ?? [])])
	});
	const pairing = pairPassages(text, detection, {
		anchorPairs: entries.map((e) => ({ en: e.en, es: e.es }))
	});
	const sentence = (i: number) => detection.sentences[i].text;

	it('pairs the OAS section with its Spanish original, sentence for sentence, and nothing before it', () => {
		const pairs = pairing.pairs.flatMap((p) => p.beads.filter((b) => b.en.length && b.es.length));
		const shameful = pairs.find((b) => sentence(b.en[0]).startsWith('It is shameful'));
		expect(shameful && sentence(shameful.es[0])).toMatch(/^Es vergonzoso/);
		const firstSpanish = Math.min(...pairs.map((b) => b.es[0]));
		// Every pair's Spanish lies in the Spanish section at the end, never in the English article.
		expect(sentence(firstSpanish)).not.toMatch(/Marcha de los 4 Suyos/);
		for (const b of pairs) expect(b.en[0]).toBeLessThan(b.es[0]);
		expect(pairs.length).toBeGreaterThan(10);
	});
});
