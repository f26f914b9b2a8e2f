// Reviewing: the learner's deck (saved items not yet known, and the glossary's terms), the next
// card, a rating rescheduled with FSRS and logged, and the progress page's series.
import type { Db } from './db';
import { listGlossary } from './glossary';
import { getItem, logStatus } from './vocabulary';
import type { Result } from '$lib/core/errors';
import {
	cardRef,
	dueForecast,
	glossaryCards,
	intervalDays,
	itemCards,
	KNOWN_INTERVAL_DAYS,
	knownOverTime,
	newCard,
	parseCard,
	parseCardRef,
	previewDue,
	rateCard,
	REVIEW_DECKS,
	reviewQueue,
	reviewsPerDay,
	type ReviewDeck,
	serializeCard,
	type Card,
	type CardFace,
	type CardSource,
	type DayCount,
	type RatingName,
	type ReviewState,
	type ScheduledFace,
	type VocabularyLang
} from '$lib/core/vocabulary';

export { REVIEW_DECKS, type ReviewDeck, type ReviewState };

interface CardRow {
	item_id: number | null;
	glossary_id: string | null;
	prompt_lang: VocabularyLang;
	fsrs: string;
}

function storedCards(db: Db, learner: string): Map<string, Card> {
	const rows = db
		.prepare('SELECT item_id, glossary_id, prompt_lang, fsrs FROM review_cards WHERE learner = ?')
		.all(learner) as CardRow[];
	const cards = new Map<string, Card>();
	for (const r of rows) {
		const card = parseCard(r.fsrs);
		if (card) cards.set(cardRef(sourceOf(r), r.prompt_lang), card);
	}
	return cards;
}

const sourceOf = (r: { item_id: number | null; glossary_id: string | null }): CardSource =>
	r.item_id !== null
		? { kind: 'item', itemId: r.item_id }
		: { kind: 'glossary', glossaryId: r.glossary_id! };

/** Every card the learner can review: saved items that are not known, and glossary terms. */
export function deckFaces(db: Db, learner: string, deck: ReviewDeck = 'all'): CardFace[] {
	const faces: CardFace[] = [];
	if (deck !== 'glossary') {
		const items = db
			.prepare(
				`SELECT id, text, lang, translation, context, document FROM vocabulary_items
				 WHERE learner = ? AND status != 'known' ORDER BY id`
			)
			.all(learner) as Parameters<typeof itemCards>[0][];
		for (const item of items) faces.push(...itemCards(item));
	}
	if (deck !== 'words') for (const entry of listGlossary(db)) faces.push(...glossaryCards(entry));
	return faces;
}

function scheduled(db: Db, learner: string, deck: ReviewDeck): ScheduledFace[] {
	const cards = storedCards(db, learner);
	return deckFaces(db, learner, deck).map((face) => {
		const sibling = cards.get(cardRef(face.source, face.promptLang === 'en' ? 'es' : 'en'));
		return {
			...face,
			due: cards.get(cardRef(face.source, face.promptLang))?.due ?? null,
			siblingReviewed: sibling?.last_review ?? null
		};
	});
}

export function reviewState(
	db: Db,
	learner: string,
	deck: ReviewDeck = 'all',
	now = new Date()
): ReviewState {
	const faces = scheduled(db, learner, deck);
	const queue = reviewQueue(faces, now);
	const later = faces
		.filter((f) => f.due && f.due.getTime() > now.getTime())
		.map((f) => f.due!.getTime());
	const head = queue[0];
	let next: ReviewState['next'] = null;
	if (head) {
		const ref = cardRef(head.source, head.promptLang);
		const card = storedCards(db, learner).get(ref) ?? newCard(now);
		const previews = previewDue(card, now);
		const { due: _due, siblingReviewed: _sibling, ...face } = head;
		next = {
			...face,
			ref,
			isNew: !head.due,
			previews: Object.fromEntries(
				Object.entries(previews).map(([r, d]) => [r, d.toISOString()])
			) as Record<RatingName, string>
		};
	}
	return {
		next,
		dueCount: queue.filter((c) => c.due).length,
		newCount: queue.filter((c) => !c.due).length,
		nextDue: later.length ? new Date(Math.min(...later)).toISOString() : null
	};
}

/** Where a card stands: its due date and interval; undefined for a card never reviewed. */
export function cardStatus(db: Db, learner: string, ref: string): Card | undefined {
	return storedCards(db, learner).get(ref);
}

/**
 * Applies a rating to a card of the learner's deck and logs it. An item whose every card now
 * waits KNOWN_INTERVAL_DAYS or more becomes known.
 */
export function rateReviewCard(
	db: Db,
	learner: string,
	ref: string,
	rating: RatingName,
	now = new Date()
): Result<{ due: string; known: boolean }> {
	const parsed = parseCardRef(ref);
	const notFound = {
		ok: false as const,
		error: { code: 'not-found' as const, key: 'errors:not-found' }
	};
	if (!parsed) return notFound;
	const inDeck = deckFaces(db, learner, parsed.source.kind === 'item' ? 'words' : 'glossary').some(
		(f) => cardRef(f.source, f.promptLang) === ref
	);
	if (!inDeck) return notFound;
	const at = now.toISOString();
	return db.transaction(() => {
		const cards = storedCards(db, learner);
		const before = cards.get(ref) ?? newCard(now);
		const { card } = rateCard(before, rating, now);
		const { source, promptLang } = parsed;
		const itemId = source.kind === 'item' ? source.itemId : null;
		const glossaryId = source.kind === 'glossary' ? source.glossaryId : null;
		const target =
			itemId !== null
				? 'item_id = ? AND prompt_lang = ?'
				: 'learner = ? AND glossary_id = ? AND prompt_lang = ?';
		const key = itemId !== null ? [itemId, promptLang] : [learner, glossaryId, promptLang];
		const { changes } = db
			.prepare(`UPDATE review_cards SET fsrs = ?, due = ? WHERE ${target}`)
			.run(serializeCard(card), card.due.toISOString(), ...key);
		if (!changes)
			db.prepare(
				`INSERT INTO review_cards (learner, item_id, glossary_id, prompt_lang, due, fsrs)
				 VALUES (?, ?, ?, ?, ?, ?)`
			).run(learner, itemId, glossaryId, promptLang, card.due.toISOString(), serializeCard(card));
		db.prepare(
			`INSERT INTO review_log (learner, item_id, glossary_id, prompt_lang, rating, reviewed_at, due_before, due_after)
			 VALUES (?, ?, ?, ?, ?, ?, ?, ?)`
		).run(
			learner,
			itemId,
			glossaryId,
			promptLang,
			['again', 'hard', 'good', 'easy'].indexOf(rating) + 1,
			at,
			before.due.toISOString(),
			card.due.toISOString()
		);
		let known = false;
		if (itemId !== null) {
			const item = getItem(db, learner, itemId)!;
			cards.set(ref, card);
			const all = itemCards(item).map((f) => cards.get(cardRef(f.source, f.promptLang)));
			known = all.every((c) => c && intervalDays(c) >= KNOWN_INTERVAL_DAYS);
			if (known && item.status !== 'known') {
				db.prepare("UPDATE vocabulary_items SET status = 'known', updated_at = ? WHERE id = ?").run(
					at,
					itemId
				);
				logStatus(db, learner, item, 'known', at);
			}
		}
		return { ok: true as const, value: { due: card.due.toISOString(), known } };
	})();
}

export interface ProgressSeries {
	due: DayCount[];
	reviews: DayCount[];
	known: DayCount[];
	totals: { items: number; known: number; learning: number; reviews: number; dueNow: number };
	upcoming: { prompt: string; promptLang: VocabularyLang; due: string }[];
}

/** The progress page: due cards ahead, reviews per day and known items over the last days. */
export function progressOf(db: Db, learner: string | null, now = new Date()): ProgressSeries {
	const empty = { items: 0, known: 0, learning: 0, reviews: 0, dueNow: 0 };
	if (!learner)
		return {
			due: dueForecast([], now),
			reviews: reviewsPerDay([], now),
			known: knownOverTime([], now),
			totals: empty,
			upcoming: []
		};
	const faces = scheduled(db, learner, 'all').filter((f) => f.due);
	const reviewed = db
		.prepare('SELECT reviewed_at FROM review_log WHERE learner = ?')
		.pluck()
		.all(learner) as string[];
	const events = (
		db
			.prepare('SELECT lang, text_key, status, at FROM vocabulary_status_log WHERE learner = ?')
			.all(learner) as { lang: string; text_key: string; status: string; at: string }[]
	).map((e) => ({ item: `${e.lang}:${e.text_key}`, status: e.status, at: new Date(e.at) }));
	const counts = db
		.prepare('SELECT status, count(*) AS n FROM vocabulary_items WHERE learner = ? GROUP BY status')
		.all(learner) as { status: string; n: number }[];
	const count = (s: string) => counts.find((c) => c.status === s)?.n ?? 0;
	const upcoming = faces
		.sort((a, b) => a.due!.getTime() - b.due!.getTime())
		.slice(0, 20)
		.map((f) => ({ prompt: f.prompt, promptLang: f.promptLang, due: f.due!.toISOString() }));
	return {
		due: dueForecast(
			faces.map((f) => f.due!),
			now
		),
		reviews: reviewsPerDay(
			reviewed.map((r) => new Date(r)),
			now
		),
		known: knownOverTime(events, now),
		totals: {
			items: counts.reduce((n, c) => n + c.n, 0),
			known: count('known'),
			learning: count('learning') + count('new'),
			reviews: reviewed.length,
			dueNow: faces.filter((f) => f.due!.getTime() <= now.getTime()).length
		},
		upcoming
	};
}
