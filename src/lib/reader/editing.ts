// The alignment editor's decisions, apart from the page: which pairs are flagged, where a pair can
// be cut, which corrections a row allows, which sentence the focus follows after a save, and the
// form fields each server action reads. Pure functions over the reader's data, tested on their own.
import type { Lang } from '$lib/core/types';
import type { ReadingRow, RowSide } from '$lib/core/reading/rows';
import { REVIEW_THRESHOLD, sentenceKey, sentenceText, type ReaderData } from './model';

export type PairRow = Extract<ReadingRow, { kind: 'pair' }>;

/** A sentence of one document, by index. */
export interface SentenceRef {
	doc: number;
	index: number;
}

/** The pairs the reader marks for a second look: low confidence and not confirmed by a person. */
export const isFlagged = (row: ReadingRow): row is PairRow =>
	row.kind === 'pair' && !row.reviewed && row.confidence < REVIEW_THRESHOLD;

/**
 * The next flagged pair after the row `fromKey` in reading order (or before it, for -1), going
 * round the end; from no row, the first one. Undefined when nothing is flagged but that row.
 */
export function nextFlagged(
	rows: readonly ReadingRow[],
	fromKey: string | null,
	direction: 1 | -1 = 1
): PairRow | undefined {
	const n = rows.length;
	const from = fromKey ? rows.findIndex((r) => r.key === fromKey) : -1;
	const start = from < 0 ? (direction === 1 ? -1 : n) : from;
	for (let step = 1; step <= n; step++) {
		const row = rows[(((start + direction * step) % n) + n) % n];
		if (row.key !== fromKey && isFlagged(row)) return row;
	}
	return undefined;
}

/** The sentences a row shows, left column first when it is a pair. */
export function sidesOf(row: ReadingRow, order: readonly Lang[] = ['en', 'es']): RowSide[] {
	if (row.kind === 'pair') return order.map((lang) => (lang === 'en' ? row.en : row.es));
	if (row.kind === 'elsewhere') return [];
	return [row.side];
}

export interface SentenceChoice extends SentenceRef {
	lang: Lang | 'und';
	/** 1-based position inside the row's side, for a label. */
	position: number;
	text: string;
}

/** Every sentence of a row, in the order the columns show them, with its text. */
export function sentencesOf(
	data: ReaderData,
	row: ReadingRow,
	order: readonly Lang[] = ['en', 'es']
): SentenceChoice[] {
	return sidesOf(row, order).flatMap((side) => {
		const doc = data.documents[side.doc];
		if (!doc) return [];
		return side.sentences.map((index, k) => ({
			doc: side.doc,
			index,
			lang: doc.sentences[index].lang,
			position: k + 1,
			text: sentenceText(doc, index)
		}));
	});
}

/** A cut of a pair: how many of its English and Spanish sentences go to the first of the two. */
export interface SplitPoint {
	en: number;
	es: number;
}

/**
 * Every cut that leaves sentences on both sides of it, the one that keeps the two languages in
 * proportion first for each English count (what a person usually means).
 */
export function splitPoints(enCount: number, esCount: number): SplitPoint[] {
	const points: SplitPoint[] = [];
	for (let en = 0; en <= enCount; en++)
		for (let es = 0; es <= esCount; es++) {
			const first = en + es;
			const second = enCount - en + esCount - es;
			if (first > 0 && second > 0) points.push({ en, es });
		}
	return points;
}

/** The cut a split starts from: after the middle sentence of the longer side, the other in step. */
export function proportionalSplit(enCount: number, esCount: number): SplitPoint | undefined {
	const longer = Math.max(enCount, esCount);
	if (enCount + esCount < 2) return undefined;
	if (longer < 2) return { en: enCount, es: 0 };
	const k = Math.floor(longer / 2);
	const cut = (count: number) => Math.round((k * count) / longer);
	return { en: cut(enCount), es: cut(esCount) };
}

/** What the toolbar may do to a pair: each a server action, available or not. */
export interface PairMoves {
	confirm: boolean;
	merge: boolean;
	split: boolean;
	moveUp: Record<Lang, boolean>;
	moveDown: Record<Lang, boolean>;
}

export function pairMoves(row: PairRow, beadCount: number): PairMoves {
	const first = row.bead === 0;
	const last = row.bead >= beadCount - 1;
	const has = (lang: Lang) => (lang === 'en' ? row.en : row.es).sentences.length > 0;
	return {
		confirm: !row.reviewed,
		merge: !last,
		split: row.en.sentences.length + row.es.sentences.length >= 2,
		moveUp: { en: !first && has('en'), es: !first && has('es') },
		moveDown: { en: !last && has('en'), es: !last && has('es') }
	};
}

/** A correction of the alignment, as the `?/edit` action reads it. */
export type BeadAction =
	| { kind: 'review' | 'merge' }
	| { kind: 'split'; en: number; es: number }
	| { kind: 'move'; side: Lang; direction: 'up' | 'down' };

/** The `?/edit` form's fields for a correction of one pair. */
export function beadEditFields(
	data: ReaderData,
	row: PairRow,
	action: BeadAction
): Record<string, string> {
	const alignment = data.alignments[row.alignment];
	const fields: Record<string, string> = {
		// The page's document: the revision is in its history, so its undo finds it.
		document: String(data.documentId),
		alignment: String(alignment.id),
		version: String(alignment.version),
		bead: String(row.bead),
		kind: action.kind
	};
	if (action.kind === 'split') Object.assign(fields, { en: action.en, es: action.es });
	if (action.kind === 'move')
		Object.assign(fields, { side: action.side, direction: action.direction });
	return Object.fromEntries(Object.entries(fields).map(([k, v]) => [k, String(v)]));
}

/** A change to one sentence's text or to where sentences end, as the sentence actions read it. */
export type SentenceAction =
	| { kind: 'editText'; text: string }
	| { kind: 'splitSentence'; offset: number }
	| { kind: 'joinSentences' };

export function sentenceEditFields(
	sentence: SentenceRef,
	documentVersion: number,
	action: SentenceAction
): Record<string, string> {
	const fields: Record<string, string> = {
		document: String(sentence.doc),
		sentence: String(sentence.index),
		version: String(documentVersion)
	};
	if (action.kind === 'editText') fields.text = action.text;
	if (action.kind === 'splitSentence') fields.offset = String(action.offset);
	return fields;
}

/** Whether a sentence has a next one in its document to be joined with. */
export const canJoin = (data: ReaderData, sentence: SentenceRef): boolean =>
	sentence.index + 1 < (data.documents[sentence.doc]?.sentences.length ?? 0);

/**
 * A caret position that cuts a sentence into two parts that each hold more than spaces; the
 * offset is a UTF-16 index into the sentence's text, as the server reads it.
 */
export const canSplitAt = (text: string, offset: number): boolean =>
	offset > 0 &&
	offset < text.length &&
	text.slice(0, offset).trim().length > 0 &&
	text.slice(offset).trim().length > 0;

/**
 * The sentences whose row the focus should follow after a correction, best first: a sentence the
 * correction leaves where it was, so the person stays on the pair they acted on (after a merge,
 * the merged pair; after a split, its first part; after a move, the pair the sentence left).
 */
export function anchorsFor(row: ReadingRow, action?: BeadAction): SentenceRef[] {
	const refs = (side: RowSide, indices = side.sentences) =>
		indices.map((index) => ({ doc: side.doc, index }));
	if (row.kind !== 'pair') return sidesOf(row).flatMap((side) => refs(side));
	const all = [...refs(row.en), ...refs(row.es)];
	if (action?.kind !== 'move') return all;
	const side = action.side === 'en' ? row.en : row.es;
	const moving = action.direction === 'up' ? side.sentences[0] : side.sentences.at(-1);
	const staying = all.filter((ref) => !(ref.doc === side.doc && ref.index === moving));
	// A pair emptied by the move is gone: follow the sentence to the pair it joined.
	return staying.length ? staying : all;
}

/** The key of the row now showing the first anchor that is still shown. */
export function rowAfterEdit(
	rowBySentence: ReadonlyMap<string, ReadingRow>,
	anchors: readonly SentenceRef[]
): string | undefined {
	for (const ref of anchors) {
		const row = rowBySentence.get(sentenceKey(ref.doc, ref.index));
		if (row && row.kind !== 'elsewhere') return row.key;
	}
	return undefined;
}

/**
 * The text a conflict's answer carries for one side (a sentence's text), or '' when it carries
 * only numbers (versions, revisions, sentence indices): the page then says it from its own data.
 */
export function conflictText(value: unknown): string {
	if (typeof value === 'string') return value;
	const text = (value as { text?: unknown } | null | undefined)?.text;
	return typeof text === 'string' ? text : '';
}

/** Undo and redo as the page offers them. */
export interface EditHistory {
	canUndo: boolean;
	canRedo: boolean;
	/** The newest revision the page knows: undo and redo name it, so a stale page is refused. */
	latest: number | null;
}

/** What the editor reads from the reader page's data, whichever of these fields it carries. */
export interface EditorPageData {
	history?: EditHistory;
	/** The main document's version, which its sentences' edits must name. */
	documentVersion?: number;
	unplacedEdits: unknown[];
}

export function editorPageData(data: object): EditorPageData {
	const page = data as Record<string, unknown>;
	const history = page.history as Partial<EditHistory> | undefined;
	const version = page.version ?? (page.document as Record<string, unknown> | undefined)?.version;
	return {
		history:
			history && typeof history === 'object'
				? {
						canUndo: !!history.canUndo,
						canRedo: !!history.canRedo,
						latest: typeof history.latest === 'number' ? history.latest : null
					}
				: undefined,
		documentVersion: typeof version === 'number' ? version : undefined,
		unplacedEdits: Array.isArray(page.unplacedEdits) ? page.unplacedEdits : []
	};
}

/** A confirmed pair that re-segmentation could not place again, as the review note lists it. */
export interface UnplacedItem {
	id: number;
	en: string[];
	es: string[];
}

/** The page's unplaced edits, each with the text its sentences had when it was confirmed. */
export function unplacedItems(edits: readonly unknown[]): UnplacedItem[] {
	const texts = (value: unknown) =>
		Array.isArray(value) ? value.filter((t): t is string => typeof t === 'string') : [];
	return edits.flatMap((edit) => {
		const record = edit as { id?: unknown; pair?: { enTexts?: unknown; esTexts?: unknown } };
		if (typeof record?.id !== 'number') return [];
		return [{ id: record.id, en: texts(record.pair?.enTexts), es: texts(record.pair?.esTexts) }];
	});
}
