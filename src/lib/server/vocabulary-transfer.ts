// A learner's vocabulary out to one JSON file and back in. Import merges: an item the learner
// does not have is added; one they have is replaced only by a newer copy (its updatedAt); reviews
// and status changes already present are not doubled. A file read back into an empty learner
// exports identically.
import type { Db } from './db';
import { listItems } from './vocabulary';
import type { Result } from '$lib/core/errors';
import {
	EXPORT_FORMAT,
	EXPORT_VERSION,
	parseCard,
	serializeCard,
	textKey,
	type ExportedCard,
	type VocabularyExport,
	type VocabularyLang
} from '$lib/core/vocabulary';

export function exportVocabulary(db: Db, learner: string | null): VocabularyExport {
	const out: VocabularyExport = {
		format: EXPORT_FORMAT,
		version: EXPORT_VERSION,
		items: [],
		glossaryCards: [],
		reviews: [],
		statuses: []
	};
	if (!learner) return out;
	const cards = db
		.prepare(
			'SELECT item_id, glossary_id, prompt_lang, fsrs FROM review_cards WHERE learner = ? ORDER BY glossary_id, item_id, prompt_lang'
		)
		.all(learner) as {
		item_id: number | null;
		glossary_id: string | null;
		prompt_lang: VocabularyLang;
		fsrs: string;
	}[];
	const itemCards = new Map<number, ExportedCard[]>();
	for (const c of cards) {
		const card = parseCard(c.fsrs);
		if (!card) continue;
		if (c.item_id !== null) {
			const list = itemCards.get(c.item_id) ?? [];
			list.push({ promptLang: c.prompt_lang, card });
			itemCards.set(c.item_id, list);
		} else out.glossaryCards.push({ glossaryId: c.glossary_id!, promptLang: c.prompt_lang, card });
	}
	const items = listItems(db, learner);
	const byId = new Map(items.map((i) => [i.id, i]));
	for (const { id: _id, ...item } of items)
		out.items.push({ ...item, cards: itemCards.get(_id) ?? [] });
	const reviews = db
		.prepare(
			`SELECT item_id, glossary_id, prompt_lang, rating, reviewed_at, due_before, due_after
			 FROM review_log WHERE learner = ? ORDER BY reviewed_at, id`
		)
		.all(learner) as {
		item_id: number | null;
		glossary_id: string | null;
		prompt_lang: VocabularyLang;
		rating: number;
		reviewed_at: string;
		due_before: string;
		due_after: string;
	}[];
	for (const r of reviews) {
		const item = r.item_id !== null ? byId.get(r.item_id) : undefined;
		// A review of an item since removed says nothing that can be restored.
		if (!item && r.glossary_id === null) continue;
		out.reviews.push({
			item: item ? { text: item.text, lang: item.lang } : null,
			glossaryId: item ? null : r.glossary_id,
			promptLang: r.prompt_lang,
			rating: r.rating,
			reviewedAt: r.reviewed_at,
			dueBefore: r.due_before,
			dueAfter: r.due_after
		});
	}
	const statuses = db
		.prepare(
			`SELECT s.lang, s.text_key, s.status, s.at, i.text FROM vocabulary_status_log s
			 LEFT JOIN vocabulary_items i ON i.learner = s.learner AND i.lang = s.lang AND i.text_key = s.text_key
			 WHERE s.learner = ? ORDER BY s.at, s.id`
		)
		.all(learner) as {
		lang: VocabularyLang;
		text_key: string;
		status: 'new' | 'learning' | 'known';
		at: string;
		text: string | null;
	}[];
	for (const s of statuses)
		out.statuses.push({ text: s.text ?? s.text_key, lang: s.lang, status: s.status, at: s.at });
	return out;
}

export interface ImportReport {
	added: number;
	updated: number;
	unchanged: number;
	reviews: number;
}

/** Merges an export (already checked by parseVocabularyExport) into the learner's vocabulary. */
export function importVocabulary(
	db: Db,
	learner: string,
	data: VocabularyExport
): Result<ImportReport> {
	const report: ImportReport = { added: 0, updated: 0, unchanged: 0, reviews: 0 };
	db.transaction(() => {
		const idOf = (lang: string, text: string) =>
			(
				db
					.prepare(
						'SELECT id FROM vocabulary_items WHERE learner = ? AND lang = ? AND text_key = ?'
					)
					.get(learner, lang, textKey(text)) as { id: number } | undefined
			)?.id;
		const updatedAtOf = db.prepare('SELECT updated_at FROM vocabulary_items WHERE id = ?').pluck();
		for (const item of data.items) {
			let id = idOf(item.lang, item.text);
			const values = [
				item.text,
				item.kind,
				item.lemma,
				item.translation,
				item.context,
				item.document,
				item.status,
				item.createdAt,
				item.updatedAt
			];
			if (id !== undefined) {
				if ((updatedAtOf.get(id) as string) >= item.updatedAt) {
					report.unchanged++;
					continue;
				}
				// Updated in place, so its review log stays attached; its cards become the newer copy's.
				db.prepare(
					`UPDATE vocabulary_items SET text = ?, kind = ?, lemma = ?, translation = ?, context = ?,
					 document = ?, status = ?, created_at = ?, updated_at = ? WHERE id = ?`
				).run(...values, id);
				db.prepare('DELETE FROM review_cards WHERE item_id = ?').run(id);
				report.updated++;
			} else {
				const { lastInsertRowid } = db
					.prepare(
						`INSERT INTO vocabulary_items
						 (learner, text_key, lang, text, kind, lemma, translation, context, document, status, created_at, updated_at)
						 VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`
					)
					.run(learner, textKey(item.text), item.lang, ...values);
				id = Number(lastInsertRowid);
				report.added++;
			}
			for (const c of item.cards)
				db.prepare(
					'INSERT INTO review_cards (learner, item_id, prompt_lang, due, fsrs) VALUES (?, ?, ?, ?, ?)'
				).run(learner, id, c.promptLang, c.card.due.toISOString(), serializeCard(c.card));
		}
		for (const c of data.glossaryCards) {
			const params = [c.card.due.toISOString(), serializeCard(c.card)];
			const { changes } = db
				.prepare(
					'UPDATE review_cards SET due = ?, fsrs = ? WHERE learner = ? AND glossary_id = ? AND prompt_lang = ?'
				)
				.run(...params, learner, c.glossaryId, c.promptLang);
			if (!changes)
				db.prepare(
					'INSERT INTO review_cards (learner, glossary_id, prompt_lang, due, fsrs) VALUES (?, ?, ?, ?, ?)'
				).run(learner, c.glossaryId, c.promptLang, ...params);
		}
		const reviewExists = db.prepare(
			`SELECT 1 FROM review_log WHERE learner = ? AND item_id IS ? AND glossary_id IS ? AND prompt_lang = ? AND reviewed_at = ?`
		);
		for (const r of data.reviews) {
			const itemId = r.item ? idOf(r.item.lang, r.item.text) : null;
			if (r.item && itemId === undefined) continue;
			if (reviewExists.get(learner, itemId, r.glossaryId, r.promptLang, r.reviewedAt)) continue;
			db.prepare(
				`INSERT INTO review_log (learner, item_id, glossary_id, prompt_lang, rating, reviewed_at, due_before, due_after)
				 VALUES (?, ?, ?, ?, ?, ?, ?, ?)`
			).run(
				learner,
				itemId,
				r.glossaryId,
				r.promptLang,
				r.rating,
				r.reviewedAt,
				r.dueBefore,
				r.dueAfter
			);
			report.reviews++;
		}
		const statusExists = db.prepare(
			'SELECT 1 FROM vocabulary_status_log WHERE learner = ? AND lang = ? AND text_key = ? AND status = ? AND at = ?'
		);
		for (const s of data.statuses) {
			const key = textKey(s.text);
			if (statusExists.get(learner, s.lang, key, s.status, s.at)) continue;
			db.prepare(
				'INSERT INTO vocabulary_status_log (learner, lang, text_key, status, at) VALUES (?, ?, ?, ?, ?)'
			).run(learner, s.lang, key, s.status, s.at);
		}
	})();
	return { ok: true, value: report };
}
