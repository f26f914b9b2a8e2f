// The review deck: which cards a saved item or a glossary term gives (one per direction, none
// when the two sides say the same thing: "Abancay → Abancay" teaches nothing), and the order
// the review page shows them in.
import { foldForSearch } from '../text/fold';
import type { VocabularyLang } from './input';
import type { RatingName } from './schedule';

export type CardSource =
	{ kind: 'item'; itemId: number } | { kind: 'glossary'; glossaryId: string };

export interface CardFace {
	source: CardSource;
	/** The language of the side shown first. */
	promptLang: VocabularyLang;
	prompt: string;
	answer: string;
	/** The sentence the item came from, or the glossary explanation in the answer's language. */
	context: string;
	contextLang: VocabularyLang;
	/** The document the context comes from (a slug), when known. */
	document: string | null;
}

const other = (lang: VocabularyLang): VocabularyLang => (lang === 'en' ? 'es' : 'en');

/** Whether two sides are the same once case, accents, punctuation and spacing are set aside. */
export function sameSides(a: string, b: string): boolean {
	const bare = (s: string) =>
		foldForSearch(s)
			.replace(/[^\p{L}\p{N}\s]+/gu, '')
			.replace(/\s+/g, ' ')
			.trim();
	return bare(a) === bare(b);
}

export interface DeckItem {
	id: number;
	text: string;
	lang: VocabularyLang;
	translation: string;
	context: string;
	document: string | null;
}

/** A saved item's cards: its language to the translation and back; none without a translation. */
export function itemCards(item: DeckItem): CardFace[] {
	if (!item.translation || sameSides(item.text, item.translation)) return [];
	const source: CardSource = { kind: 'item', itemId: item.id };
	const base = { source, context: item.context, contextLang: item.lang, document: item.document };
	return [
		{ ...base, promptLang: item.lang, prompt: item.text, answer: item.translation },
		{ ...base, promptLang: other(item.lang), prompt: item.translation, answer: item.text }
	];
}

export interface DeckGlossaryEntry {
	id: string;
	es: string;
	en: string;
	explanation: { en: string; es: string };
}

/** A glossary term's cards, Spanish first and English first; none when both terms are the same. */
export function glossaryCards(entry: DeckGlossaryEntry): CardFace[] {
	if (sameSides(entry.es, entry.en)) return [];
	const source: CardSource = { kind: 'glossary', glossaryId: entry.id };
	return [
		{
			source,
			promptLang: 'es',
			prompt: entry.es,
			answer: entry.en,
			context: entry.explanation.en,
			contextLang: 'en',
			document: null
		},
		{
			source,
			promptLang: 'en',
			prompt: entry.en,
			answer: entry.es,
			context: entry.explanation.es,
			contextLang: 'es',
			document: null
		}
	];
}

/** A card's stable name within a learner's deck: `item:12:es`, `glossary:toma-de-lima:en`. */
export function cardRef(source: CardSource, promptLang: VocabularyLang): string {
	return source.kind === 'item'
		? `item:${source.itemId}:${promptLang}`
		: `glossary:${source.glossaryId}:${promptLang}`;
}

export function parseCardRef(
	ref: string
): { source: CardSource; promptLang: VocabularyLang } | null {
	const match = /^(item|glossary):(.+):(en|es)$/.exec(ref);
	if (!match) return null;
	const promptLang = match[3] as VocabularyLang;
	if (match[1] === 'item') {
		const itemId = Number(match[2]);
		return Number.isSafeInteger(itemId) && itemId > 0
			? { source: { kind: 'item', itemId }, promptLang }
			: null;
	}
	return { source: { kind: 'glossary', glossaryId: match[2] }, promptLang };
}

const sourceKey = (s: CardSource) => (s.kind === 'item' ? `i${s.itemId}` : `g${s.glossaryId}`);

export interface ScheduledFace extends CardFace {
	/** The stored FSRS due date; null for a card never reviewed. */
	due: Date | null;
	/** When its other direction was last reviewed, if ever. */
	siblingReviewed: Date | null;
}

/**
 * The cards to review now, in order: those due (most overdue first), then new ones, saved items
 * before glossary terms, in the order given. As in Anki, a new card waits while its other
 * direction was reviewed the same day, so the answer just seen is not asked back at once.
 */
export function reviewQueue(cards: ScheduledFace[], now: Date): ScheduledFace[] {
	const today = now.toISOString().slice(0, 10);
	const due = cards
		.filter((c) => c.due && c.due.getTime() <= now.getTime())
		.sort((a, b) => a.due!.getTime() - b.due!.getTime());
	const fresh: ScheduledFace[] = [];
	const taken = new Set<string>();
	const byKind = (kind: CardSource['kind']) => cards.filter((c) => c.source.kind === kind);
	for (const c of [...byKind('item'), ...byKind('glossary')]) {
		if (c.due) continue;
		const key = sourceKey(c.source);
		if (taken.has(key)) continue;
		if (c.siblingReviewed && c.siblingReviewed.toISOString().slice(0, 10) === today) continue;
		taken.add(key);
		fresh.push(c);
	}
	return [...due, ...fresh];
}

/**
 * Whether the context can be shown before the answer: a saved item's own sentence, asked in its
 * own language, holds the prompt and not the answer; any other context would give the answer away.
 */
export const contextBeforeReveal = (face: CardFace) =>
	face.source.kind === 'item' && face.contextLang === face.promptLang && face.context !== '';

/** How long until `due`, as one number and unit for Intl's unit formatting ("10 min", "4 days"). */
export function waitUntil(
	due: Date,
	now: Date
): { value: number; unit: 'minute' | 'hour' | 'day' | 'month' | 'year' } {
	const minutes = Math.max(1, Math.round((due.getTime() - now.getTime()) / 60_000));
	if (minutes < 60) return { value: minutes, unit: 'minute' };
	const hours = Math.round(minutes / 60);
	if (hours < 24) return { value: hours, unit: 'hour' };
	const days = Math.round(hours / 24);
	if (days < 31) return { value: days, unit: 'day' };
	const months = Math.round(days / 30.4);
	if (months < 12) return { value: months, unit: 'month' };
	return { value: Math.round((days / 365) * 10) / 10, unit: 'year' };
}

/** What the review page can show: everything, only saved items, only glossary terms. */
export const REVIEW_DECKS = ['all', 'words', 'glossary'] as const;
export type ReviewDeck = (typeof REVIEW_DECKS)[number];

export interface ReviewState {
	/** The card to show, with when it would be due after each rating. */
	next: (CardFace & { ref: string; isNew: boolean; previews: Record<RatingName, string> }) | null;
	/** Cards to review now: due ones and new ones. */
	dueCount: number;
	newCount: number;
	/** When the next card not due yet falls due (ISO), if any. */
	nextDue: string | null;
}
