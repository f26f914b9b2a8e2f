// A learner's vocabulary as one JSON file, so progress moves between browsers and servers:
// items with their cards, glossary cards, the review log and the status changes. Reading a file
// checks every field; nothing in it is trusted.
import type { Result, UserError } from '../errors';
import { checkSaveInput, VOCABULARY_STATUSES, type VocabularyLang } from './input';
import type { VocabularyKind, VocabularyStatus } from './input';
import { parseCard, type Card } from './schedule';

export const EXPORT_FORMAT = 'puente-vocabulary';
export const EXPORT_VERSION = 1;
/** More than any learner saves; a file past it is not a vocabulary. */
export const IMPORT_MAX_ITEMS = 100_000;
export const IMPORT_MAX_RECORDS = 1_000_000;

export interface ExportedCard {
	promptLang: VocabularyLang;
	card: Card;
}

/** A saved word, phrase or sentence of a learner, as the store keeps it. */
export interface VocabularyItem {
	id: number;
	text: string;
	lang: VocabularyLang;
	kind: VocabularyKind;
	lemma: string;
	translation: string;
	context: string;
	document: string | null;
	status: VocabularyStatus;
	createdAt: string;
	updatedAt: string;
}

/** An item in the export file: without the store's id, with its cards. */
export interface ExportedItem extends Omit<VocabularyItem, 'id'> {
	cards: ExportedCard[];
}

export interface ExportedGlossaryCard extends ExportedCard {
	glossaryId: string;
}

/** A review: of a saved item (by its text and language) or of a glossary term. */
export interface ExportedReview {
	item: { text: string; lang: VocabularyLang } | null;
	glossaryId: string | null;
	promptLang: VocabularyLang;
	rating: number;
	reviewedAt: string;
	dueBefore: string;
	dueAfter: string;
}

export interface ExportedStatus {
	text: string;
	lang: VocabularyLang;
	status: VocabularyStatus;
	at: string;
}

export interface VocabularyExport {
	format: typeof EXPORT_FORMAT;
	version: typeof EXPORT_VERSION;
	items: ExportedItem[];
	glossaryCards: ExportedGlossaryCard[];
	reviews: ExportedReview[];
	statuses: ExportedStatus[];
}

const importError = (key: string, params?: Record<string, string | number>): UserError => ({
	code: 'format-invalid',
	key: `errors:vocabulary.import.${key}`,
	params
});

const isLang = (v: unknown): v is VocabularyLang => v === 'en' || v === 'es';
const isTime = (v: unknown): v is string => typeof v === 'string' && !Number.isNaN(Date.parse(v));
const isRecord = (v: unknown): v is Record<string, unknown> =>
	!!v && typeof v === 'object' && !Array.isArray(v);

function readCards(value: unknown): ExportedCard[] | null {
	if (!Array.isArray(value) || value.length > 2) return null;
	const cards: ExportedCard[] = [];
	for (const c of value) {
		if (!isRecord(c) || !isLang(c.promptLang)) return null;
		const card = parseCard(c.card);
		if (!card) return null;
		cards.push({ promptLang: c.promptLang, card });
	}
	return cards;
}

/** The file's vocabulary, or the first thing wrong with it (naming the record). */
export function parseVocabularyExport(text: string): Result<VocabularyExport> {
	let data: unknown;
	try {
		data = JSON.parse(text);
	} catch {
		return { ok: false, error: importError('notJson') };
	}
	if (!isRecord(data) || data.format !== EXPORT_FORMAT)
		return { ok: false, error: importError('notVocabulary') };
	if (data.version !== EXPORT_VERSION)
		return { ok: false, error: importError('version', { version: String(data.version) }) };
	const { items, glossaryCards, reviews, statuses } = data;
	if (![items, glossaryCards, reviews, statuses].every(Array.isArray))
		return { ok: false, error: importError('notVocabulary') };
	const lists = [items, glossaryCards, reviews, statuses] as unknown[][];
	if (lists[0].length > IMPORT_MAX_ITEMS || lists.some((l) => l.length > IMPORT_MAX_RECORDS))
		return { ok: false, error: importError('tooMany', { max: IMPORT_MAX_ITEMS }) };

	const out: VocabularyExport = {
		format: EXPORT_FORMAT,
		version: EXPORT_VERSION,
		items: [],
		glossaryCards: [],
		reviews: [],
		statuses: []
	};
	for (const [i, raw] of lists[0].entries()) {
		const bad = { ok: false as const, error: importError('badItem', { index: i + 1 }) };
		if (!isRecord(raw)) return bad;
		const checked = checkSaveInput({
			...raw,
			status: raw.status === 'known' ? 'known' : 'learning'
		});
		if (!checked.ok) return bad;
		const { kind, lemma, status, createdAt, updatedAt } = raw;
		if (kind !== 'word' && kind !== 'phrase' && kind !== 'sentence') return bad;
		if (typeof lemma !== 'string' || !VOCABULARY_STATUSES.includes(status as VocabularyStatus))
			return bad;
		if (!isTime(createdAt) || !isTime(updatedAt)) return bad;
		const cards = readCards(raw.cards);
		if (!cards) return bad;
		out.items.push({
			text: checked.value.text,
			lang: checked.value.lang,
			kind,
			lemma,
			translation: checked.value.translation,
			context: checked.value.context,
			document: checked.value.document,
			status: status as VocabularyStatus,
			createdAt,
			updatedAt,
			cards
		});
	}
	for (const [i, raw] of lists[1].entries()) {
		const cards = isRecord(raw) ? readCards([raw]) : null;
		if (!cards || !isRecord(raw) || typeof raw.glossaryId !== 'string' || !raw.glossaryId)
			return { ok: false, error: importError('badRecord', { index: i + 1 }) };
		out.glossaryCards.push({ glossaryId: raw.glossaryId, ...cards[0] });
	}
	for (const [i, raw] of lists[2].entries()) {
		const bad = { ok: false as const, error: importError('badRecord', { index: i + 1 }) };
		if (!isRecord(raw) || !isLang(raw.promptLang)) return bad;
		const item = raw.item;
		const ofItem = isRecord(item) && typeof item.text === 'string' && isLang(item.lang);
		const ofGlossary = typeof raw.glossaryId === 'string' && raw.glossaryId !== '';
		if (ofItem === ofGlossary) return bad;
		if (typeof raw.rating !== 'number' || ![1, 2, 3, 4].includes(raw.rating)) return bad;
		if (!isTime(raw.reviewedAt) || !isTime(raw.dueBefore) || !isTime(raw.dueAfter)) return bad;
		out.reviews.push({
			item: ofItem ? { text: item.text as string, lang: item.lang as VocabularyLang } : null,
			glossaryId: ofGlossary ? (raw.glossaryId as string) : null,
			promptLang: raw.promptLang,
			rating: raw.rating,
			reviewedAt: raw.reviewedAt,
			dueBefore: raw.dueBefore,
			dueAfter: raw.dueAfter
		});
	}
	for (const [i, raw] of lists[3].entries()) {
		if (
			!isRecord(raw) ||
			typeof raw.text !== 'string' ||
			!isLang(raw.lang) ||
			!VOCABULARY_STATUSES.includes(raw.status as VocabularyStatus) ||
			!isTime(raw.at)
		)
			return { ok: false, error: importError('badRecord', { index: i + 1 }) };
		out.statuses.push({
			text: raw.text,
			lang: raw.lang,
			status: raw.status as VocabularyStatus,
			at: raw.at
		});
	}
	return { ok: true, value: out };
}
