import { describe, expect, it } from 'vitest';
import { readingRows, type ReadingRow, type RowAlignment } from '$lib/core/reading/rows';
import type { Bead } from '$lib/core/types';
import {
	anchorsFor,
	beadEditFields,
	canJoin,
	canSplitAt,
	conflictText,
	editorPageData,
	isFlagged,
	nextFlagged,
	pairMoves,
	proportionalSplit,
	rowAfterEdit,
	sentenceEditFields,
	sentencesOf,
	splitPoints,
	unplacedItems,
	type PairRow
} from '$lib/reader/editing';
import { rowOfSentence, type ReaderData } from '$lib/reader/model';
import { documentOf, type Line } from './fixture';

// An English text (document 1) and its Spanish translation (document 2), aligned by hand: the
// second pair is unsure, the fourth holds two English sentences against one Spanish.
const english: Line[] = [
	['The strike began on Monday.', 'en', 0],
	['Roads were blocked.', 'en', 0],
	['Schools closed.', 'en', 1],
	['The minister spoke.', 'en', 1],
	['She asked for calm.', 'en', 1],
	['Nobody listened.', 'en', 2]
];
const spanish: Line[] = [
	['La huelga empezó el lunes.', 'es', 0],
	['Las carreteras fueron bloqueadas.', 'es', 0],
	['Las escuelas cerraron.', 'es', 1],
	['La ministra habló y pidió calma.', 'es', 1],
	['Nadie escuchó.', 'es', 2]
];

function dataWith(beads: Bead[]): ReaderData {
	const en = documentOf(1, english);
	const es = documentOf(2, spanish);
	const alignment: RowAlignment = {
		id: 7,
		kind: 'translation',
		enDocumentId: 1,
		esDocumentId: 2,
		beads
	};
	const rows = readingRows({
		documentId: 1,
		documents: { 1: en.sentences, 2: es.sentences },
		alignments: [alignment],
		translationId: 7
	});
	return {
		documentId: 1,
		documents: { 1: en, 2: es },
		alignments: [
			{
				id: 7,
				kind: 'translation',
				enDocumentId: 1,
				esDocumentId: 2,
				version: 3,
				edited: false,
				beads: beads.length
			}
		],
		rows,
		partners: [],
		translationId: 7,
		terms: {},
		glossary: {},
		repeats: [],
		runs: []
	};
}

const bead = (en: number[], es: number[], confidence = 0.9, reviewed = false): Bead => ({
	en,
	es,
	confidence,
	reviewed
});

const beads = [
	bead([0], [0]),
	bead([1], [1], 0.3),
	bead([2], [2], 0.2, true),
	bead([3, 4], [3], 0.4),
	bead([5], [4])
];
const data = dataWith(beads);
const pairs = data.rows.filter((r): r is PairRow => r.kind === 'pair');

describe('flagged pairs', () => {
	it('are the unsure pairs nobody confirmed', () => {
		expect(pairs.map(isFlagged)).toEqual([false, true, false, true, false]);
	});

	it('are reached in reading order, round the end, both ways', () => {
		expect(nextFlagged(data.rows, null)?.key).toBe(pairs[1].key);
		expect(nextFlagged(data.rows, pairs[1].key)?.key).toBe(pairs[3].key);
		expect(nextFlagged(data.rows, pairs[3].key)?.key).toBe(pairs[1].key);
		expect(nextFlagged(data.rows, pairs[2].key, -1)?.key).toBe(pairs[1].key);
		expect(nextFlagged(data.rows, pairs[0].key, -1)?.key).toBe(pairs[3].key);
	});

	it('leave nothing to go to when only the current pair is flagged', () => {
		const one = dataWith([bead([0, 1, 2, 3, 4], [0, 1, 2, 3]), bead([5], [4], 0.1)]);
		const last = one.rows.at(-1) as ReadingRow;
		expect(nextFlagged(one.rows, last.key)).toBeUndefined();
		expect(nextFlagged(one.rows, null)?.key).toBe(last.key);
	});
});

describe('splitting a pair', () => {
	it('offers every cut that leaves sentences on both sides', () => {
		const points = splitPoints(2, 1);
		expect(points).toContainEqual({ en: 1, es: 1 });
		expect(points).toContainEqual({ en: 1, es: 0 });
		expect(points).toContainEqual({ en: 0, es: 1 });
		expect(points).not.toContainEqual({ en: 0, es: 0 });
		expect(points).not.toContainEqual({ en: 2, es: 1 });
		expect(points).toHaveLength(4);
		expect(splitPoints(1, 0)).toEqual([]);
	});

	it('starts from the cut that keeps the languages in step', () => {
		expect(proportionalSplit(2, 2)).toEqual({ en: 1, es: 1 });
		expect(proportionalSplit(4, 2)).toEqual({ en: 2, es: 1 });
		expect(proportionalSplit(1, 1)).toEqual({ en: 1, es: 0 });
		expect(proportionalSplit(1, 0)).toBeUndefined();
		for (const [n, m] of [
			[2, 1],
			[3, 5],
			[1, 3]
		]) {
			expect(splitPoints(n, m)).toContainEqual(proportionalSplit(n, m));
		}
	});
});

describe('what a pair allows', () => {
	it('allows no move up from the first pair, nor merge or move down from the last', () => {
		expect(pairMoves(pairs[0], 5)).toEqual({
			confirm: true,
			merge: true,
			split: true,
			moveUp: { en: false, es: false },
			moveDown: { en: true, es: true }
		});
		const last = pairMoves(pairs[4], 5);
		expect(last.merge).toBe(false);
		expect(last.moveDown).toEqual({ en: false, es: false });
		expect(pairMoves(pairs[2], 5).confirm).toBe(false);
	});

	it('names the page’s document, the alignment, its version, the pair and the change in the edit form', () => {
		expect(beadEditFields(data, pairs[3], { kind: 'split', en: 1, es: 1 })).toEqual({
			document: '1',
			alignment: '7',
			version: '3',
			bead: '3',
			kind: 'split',
			en: '1',
			es: '1'
		});
		expect(
			beadEditFields(data, pairs[1], { kind: 'move', side: 'es', direction: 'up' })
		).toMatchObject({ kind: 'move', side: 'es', direction: 'up', bead: '1' });
	});
});

describe('the focus after a correction', () => {
	it('follows the pair acted on through a merge', () => {
		const anchors = anchorsFor(pairs[1], { kind: 'merge' });
		const merged = dataWith([beads[0], bead([1, 2], [1, 2], 1, true), ...beads.slice(3)]);
		const key = rowAfterEdit(rowOfSentence(merged.rows), anchors);
		const row = merged.rows.find((r) => r.key === key);
		expect(row?.kind === 'pair' && row.en.sentences).toEqual([1, 2]);
	});

	it('stays on the pair a sentence left, not the pair it moved to', () => {
		const anchors = anchorsFor(pairs[3], { kind: 'move', side: 'en', direction: 'up' });
		const moved = dataWith([
			...beads.slice(0, 2),
			bead([2, 3], [2], 1, true),
			bead([4], [3], 1, true),
			beads[4]
		]);
		const key = rowAfterEdit(rowOfSentence(moved.rows), anchors);
		const row = moved.rows.find((r) => r.key === key);
		expect(row?.kind === 'pair' && row.en.sentences).toEqual([4]);
	});

	it('follows the sentence when the move empties its pair', () => {
		const pair: PairRow = {
			kind: 'pair',
			key: 'a7.1',
			alignment: 0,
			bead: 1,
			en: { doc: 1, sentences: [2] },
			es: { doc: 2, sentences: [] },
			confidence: 0.2,
			reviewed: false
		};
		const anchors = anchorsFor(pair, { kind: 'move', side: 'en', direction: 'up' });
		expect(anchors).toEqual([{ doc: 1, index: 2 }]);
	});
});

describe('sentence edits', () => {
	it('lists a pair’s sentences in column order with their text', () => {
		const listed = sentencesOf(data, pairs[3], ['es', 'en']);
		expect(listed.map((s) => [s.lang, s.position, s.text])).toEqual([
			['es', 1, 'La ministra habló y pidió calma.'],
			['en', 1, 'The minister spoke.'],
			['en', 2, 'She asked for calm.']
		]);
	});

	it('splits only between two parts that hold words', () => {
		const text = 'Roads were blocked.';
		expect(canSplitAt(text, 5)).toBe(true);
		expect(canSplitAt(text, 0)).toBe(false);
		expect(canSplitAt(text, text.length)).toBe(false);
		expect(canSplitAt('  Roads', 1)).toBe(false);
	});

	it('joins a sentence only with one that follows it', () => {
		expect(canJoin(data, { doc: 1, index: 4 })).toBe(true);
		expect(canJoin(data, { doc: 1, index: 5 })).toBe(false);
		expect(canJoin(data, { doc: 2, index: 4 })).toBe(false);
	});

	it('names the document, the sentence and the document’s version', () => {
		expect(
			sentenceEditFields({ doc: 2, index: 3 }, 12, { kind: 'splitSentence', offset: 17 })
		).toEqual({ document: '2', sentence: '3', version: '12', offset: '17' });
		expect(
			sentenceEditFields({ doc: 1, index: 0 }, 4, { kind: 'editText', text: 'x y' }).text
		).toBe('x y');
	});
});

describe('the page data the editor reads', () => {
	it('takes history, version and unplaced edits when the page has them, and nothing else', () => {
		expect(
			editorPageData({
				history: { canUndo: true, canRedo: false, latest: 9 },
				version: 4,
				unplacedEdits: [{ id: 1 }]
			})
		).toEqual({
			history: { canUndo: true, canRedo: false, latest: 9 },
			documentVersion: 4,
			unplacedEdits: [{ id: 1 }]
		});
		expect(editorPageData({ document: { version: 2 } })).toEqual({
			history: undefined,
			documentVersion: 2,
			unplacedEdits: []
		});
	});

	it('takes a conflict’s text when it carries one, and nothing from numbers', () => {
		expect(conflictText('Nadie escuchó.')).toBe('Nadie escuchó.');
		expect(conflictText({ version: 4, revision: 9, text: 'Schools closed.' })).toBe(
			'Schools closed.'
		);
		expect(conflictText({ version: 4, revision: 9, pair: { en: [1], es: [1] } })).toBe('');
		expect(conflictText(undefined)).toBe('');
	});

	it('lists each unplaced correction with the text it was confirmed with', () => {
		const edits = [
			{
				id: 3,
				alignmentId: 7,
				pair: { en: [4], es: [3], enTexts: ['She asked for calm.'], esTexts: ['Pidió calma.'] }
			},
			{ id: 'broken' },
			{ id: 5, pair: { en: [], es: [1], enTexts: [], esTexts: ['Nadie escuchó.'] } }
		];
		expect(unplacedItems(edits)).toEqual([
			{ id: 3, en: ['She asked for calm.'], es: ['Pidió calma.'] },
			{ id: 5, en: [], es: ['Nadie escuchó.'] }
		]);
	});
});
