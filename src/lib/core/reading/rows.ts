// The reading order of one document: every sentence of it exactly once, in document order, each
// in the row that shows it beside its translation (or alone, labelled). Alignments stay separate
// objects (passages paired inside a mixed document; the pairing with a translation document); this
// is the one place that lays them out together, so no view or export can show a sentence twice,
// in the wrong column, or pair a text with itself.
import type { Bead, LangOrUnd } from '../types';

/** What the row builder needs to know of a sentence. */
export interface RowSentence {
	lang: LangOrUnd;
	paragraph: number;
}

export type AlignmentKind = 'internal' | 'translation';

/** A stored alignment: English sentences of one document against Spanish ones of another or the same. */
export interface RowAlignment {
	id: number;
	kind: AlignmentKind;
	enDocumentId: number;
	esDocumentId: number;
	beads: readonly Bead[];
}

/** Sentences of one document, by index. */
export interface RowSide {
	doc: number;
	sentences: number[];
}

/** Why a sentence has no counterpart beside it. */
export type AloneReason =
	/** In the document's main language; the translation has nothing for it. */
	| 'no-counterpart'
	/** In the other language (a passage left untranslated, a quoted original) and paired with nothing. */
	| 'untranslated'
	/** No language: numbers, names, code, table cells. */
	| 'no-language'
	/** A sentence of the translation with no counterpart in this document. */
	| 'translation-only';

export type ReadingRow =
	| {
			kind: 'pair';
			key: string;
			/** Index into the alignments given, and the bead inside it. */
			alignment: number;
			bead: number;
			en: RowSide;
			es: RowSide;
			confidence: number;
			reviewed: boolean;
	  }
	| { kind: 'alone'; key: string; lang: LangOrUnd; side: RowSide; reason: AloneReason }
	| { kind: 'repeat'; key: string; side: RowSide; repeat: number }
	/** A pointer, not a sentence row: these sentences are shown beside their translation in row `target`. */
	| { kind: 'elsewhere'; key: string; lang: LangOrUnd; side: RowSide; target: string };

export interface ReadingInput {
	documentId: number;
	/** Sentences of the document and of every document an alignment names. */
	documents: Record<number, readonly RowSentence[]>;
	/** Internal alignments and translation alignments; only the first translation of this document is laid out. */
	alignments: readonly RowAlignment[];
	/** Passages the document prints again: `second` (sentence range) is shown once, as a repeat. */
	repeats?: readonly { second: { start: number; end: number } }[];
	/** The translation alignment to lay out when there are several (its id). */
	translationId?: number;
}

interface Placed {
	row: ReadingRow;
	/** Document position the row sits at, and an order among rows at the same position. */
	at: number;
	order: number;
}

const accepts = (side: 'en' | 'es', lang: LangOrUnd) => lang === side || lang === 'und';

export function readingRows(input: ReadingInput): ReadingRow[] {
	const own = input.documents[input.documentId] ?? [];
	const owner: (string | undefined)[] = own.map(() => undefined);
	const placed: Placed[] = [];
	let order = 0;
	const place = (row: ReadingRow, at: number) => placed.push({ row, at, order: order++ });

	(input.repeats ?? []).forEach((repeat, r) => {
		const sentences = range(repeat.second.start, repeat.second.end).filter(
			(i) => i < own.length && owner[i] === undefined
		);
		if (sentences.length === 0) return;
		const key = `r${sentences[0]}`;
		for (const i of sentences) owner[i] = key;
		place(
			{ kind: 'repeat', key, side: { doc: input.documentId, sentences }, repeat: r },
			sentences[0]
		);
	});

	const alignments = input.alignments.map((a, index) => ({ a, index }));
	for (const { a, index } of alignments)
		if (a.kind === 'internal' && a.enDocumentId === input.documentId)
			layInternal(a, index, own, owner, place);
	const translation = alignments.find(
		({ a }) =>
			a.kind === 'translation' &&
			(input.translationId === undefined || a.id === input.translationId) &&
			(a.enDocumentId === input.documentId || a.esDocumentId === input.documentId)
	);
	if (translation) layTranslation(translation.a, translation.index, input, owner, place);
	layAlone(input.documentId, own, owner, place);
	return placed.sort((x, y) => x.at - y.at || x.order - y.order).map((p) => p.row);
}

/**
 * Valid sentence indices of a bead side, ascending and each once: inside the document, in that
 * side's language (a stored alignment may be stale or damaged; it never decides a column).
 */
function sideOf(
	indices: readonly number[],
	side: 'en' | 'es',
	sentences: readonly RowSentence[] | undefined
): number[] {
	if (!sentences) return [];
	const valid = indices.filter(
		(i) => Number.isInteger(i) && i >= 0 && i < sentences.length && accepts(side, sentences[i].lang)
	);
	return [...new Set(valid)].sort((a, b) => a - b);
}

type Place = (row: ReadingRow, at: number) => void;

/**
 * Pairs inside one document: each pair sits where its earlier side is; the later side's
 * sentences get a pointer row where they stand, so the text reads in order and nothing repeats.
 */
function layInternal(
	alignment: RowAlignment,
	index: number,
	sentences: readonly RowSentence[],
	owner: (string | undefined)[],
	place: Place
): void {
	const doc = alignment.enDocumentId;
	const pairs: { key: string; en: number[]; es: number[] }[] = [];
	alignment.beads.forEach((bead, b) => {
		const free = (i: number) => owner[i] === undefined;
		const en = sideOf(bead.en, 'en', sentences).filter(free);
		const es = sideOf(bead.es, 'es', sentences).filter(free);
		if (en.length === 0 || es.length === 0) return;
		const key = `a${alignment.id}.${b}`;
		for (const i of [...en, ...es]) owner[i] = key;
		pairs.push({ key, en, es });
		const row: ReadingRow = {
			kind: 'pair',
			key,
			alignment: index,
			bead: b,
			en: { doc, sentences: en },
			es: { doc, sentences: es },
			confidence: bead.confidence,
			reviewed: !!bead.reviewed
		};
		place(row, Math.min(en[0], es[0]));
	});
	// The later side of each pair is read elsewhere: one pointer per stretch of it.
	let stretch: { lang: 'en' | 'es'; sentences: number[]; target: string } | undefined;
	const flush = () => {
		if (!stretch) return;
		const { lang, sentences: list, target } = stretch;
		place(
			{ kind: 'elsewhere', key: `e${list[0]}`, lang, side: { doc, sentences: list }, target },
			list[0]
		);
		stretch = undefined;
	};
	const later = pairs
		.flatMap((p) => {
			const lang: 'en' | 'es' = p.en[0] < p.es[0] ? 'es' : 'en';
			return p[lang].map((i) => ({ i, lang, target: p.key }));
		})
		.sort((x, y) => x.i - y.i);
	// A stretch runs on over lines with no language and over repeated passages between its
	// sentences (they keep rows of their own), so a translated page gets one pointer, not dozens.
	const bridges = (from: number, to: number) =>
		range(from + 1, to).every(
			(k) => sentences[k].lang === 'und' || owner[k]?.startsWith('r') === true
		);
	for (const { i, lang, target } of later) {
		const last = stretch?.sentences.at(-1);
		if (!stretch || stretch.lang !== lang || last === undefined || !bridges(last, i)) {
			flush();
			stretch = { lang, sentences: [], target };
		}
		stretch.sentences.push(i);
	}
	flush();
}

/**
 * The pairing with a translation document: rows at this document's sentences; a sentence of
 * the translation with no counterpart here follows the row before it. Sentences of this
 * document already shown (an internal pair, a repeat) take their translation's pair with them.
 */
function layTranslation(
	alignment: RowAlignment,
	index: number,
	input: ReadingInput,
	owner: (string | undefined)[],
	place: Place
): void {
	const mine: 'en' | 'es' = alignment.enDocumentId === input.documentId ? 'en' : 'es';
	const theirs: 'en' | 'es' = mine === 'en' ? 'es' : 'en';
	const mineDoc = input.documentId;
	const theirDoc = mine === 'en' ? alignment.esDocumentId : alignment.enDocumentId;
	const own = input.documents[mineDoc];
	const shownOfTheirs = new Set<number>();
	let at = -1;
	alignment.beads.forEach((bead, b) => {
		const candidates = sideOf(bead[mine], mine, own);
		const ownSide = candidates.filter((i) => owner[i] === undefined);
		const other = sideOf(bead[theirs], theirs, input.documents[theirDoc]).filter(
			(i) => !shownOfTheirs.has(i)
		);
		if (ownSide.length > 0) at = ownSide[ownSide.length - 1];
		if (other.length === 0 || (ownSide.length === 0 && candidates.length > 0)) return;
		const key = `a${alignment.id}.${b}`;
		for (const i of other) shownOfTheirs.add(i);
		if (ownSide.length === 0) {
			const side = { doc: theirDoc, sentences: other };
			// Just after the sentence before it, ahead of anything that sits at the next one.
			place({ kind: 'alone', key, lang: theirs, side, reason: 'translation-only' }, at + 0.5);
			return;
		}
		for (const i of ownSide) owner[i] = key;
		const sides = {
			[mine]: { doc: mineDoc, sentences: ownSide },
			[theirs]: { doc: theirDoc, sentences: other }
		} as Record<'en' | 'es', RowSide>;
		const row: ReadingRow = {
			kind: 'pair',
			key,
			alignment: index,
			bead: b,
			en: sides.en,
			es: sides.es,
			confidence: bead.confidence,
			reviewed: !!bead.reviewed
		};
		place(row, ownSide[0]);
	});
}

/** Sentences no alignment shows: one row per stretch of one language inside one paragraph. */
function layAlone(
	doc: number,
	sentences: readonly RowSentence[],
	owner: (string | undefined)[],
	place: Place
): void {
	let i = 0;
	while (i < sentences.length) {
		if (owner[i] !== undefined) {
			i++;
			continue;
		}
		const { lang, paragraph } = sentences[i];
		const list = [i];
		while (
			i + 1 < sentences.length &&
			owner[i + 1] === undefined &&
			sentences[i + 1].lang === lang &&
			sentences[i + 1].paragraph === paragraph
		)
			list.push(++i);
		const reason: AloneReason =
			lang === 'und'
				? 'no-language'
				: standsAmong(sentences, list[0], list[list.length - 1], lang)
					? 'no-counterpart'
					: 'untranslated';
		place(
			{ kind: 'alone', key: `s${list[0]}`, lang, side: { doc, sentences: list }, reason },
			list[0]
		);
		i++;
	}
}

/**
 * Whether a stretch stands among text of its own language (a sentence the translation left
 * out) rather than as an island in the other language (a passage left untranslated, a quoted
 * original): judged by the nearest sentences with a language on either side.
 */
function standsAmong(
	sentences: readonly RowSentence[],
	first: number,
	last: number,
	lang: LangOrUnd
): boolean {
	const nearest = (from: number, step: number) => {
		for (let k = from; k >= 0 && k < sentences.length; k += step)
			if (sentences[k].lang !== 'und') return sentences[k].lang;
		return undefined;
	};
	const before = nearest(first - 1, -1);
	const after = nearest(last + 1, 1);
	return before === lang || after === lang || (before === undefined && after === undefined);
}

const range = (from: number, to: number) =>
	Array.from({ length: Math.max(0, to - from) }, (_, k) => from + k);

/** The rows that show sentences (pointer rows aside), for views and exports. */
export const shownRows = (rows: readonly ReadingRow[]) =>
	rows.filter((r): r is Exclude<ReadingRow, { kind: 'elsewhere' }> => r.kind !== 'elsewhere');

/** The sentence indices of the document a row shows. */
export function rowSentences(row: ReadingRow, documentId: number): number[] {
	if (row.kind === 'pair')
		return [row.en, row.es].flatMap((s) => (s.doc === documentId ? s.sentences : []));
	if (row.kind === 'elsewhere') return [];
	return row.side.doc === documentId ? row.side.sentences : [];
}
