// A learner's saved words, phrases and sentences in the store: save (once per text and
// language), mark new/learning/known, remove, list, and the share of a text's vocabulary known.
import { LRUCache } from 'lru-cache';
import type { Db } from './db';
import { getStoredDocument } from './documents';
import type { Result } from '$lib/core/errors';
import {
	documentForms,
	lemmaKey,
	kindOf,
	textKey,
	vocabularyShare,
	type SaveInput,
	type StatusInput,
	type VocabularyKind,
	type VocabularyLang,
	type VocabularyShare,
	type VocabularyItem,
	type VocabularyStatus
} from '$lib/core/vocabulary';

export type { VocabularyItem };

/** What the API answers about an item (the popover's contract). */
export function publicItem(item: VocabularyItem) {
	const { id, text, lang, lemma, translation, status } = item;
	return { id, text, lang, lemma, translation, status };
}

interface ItemRow {
	id: number;
	text: string;
	lang: VocabularyLang;
	kind: VocabularyKind;
	lemma: string;
	translation: string;
	context: string;
	document: string | null;
	status: VocabularyStatus;
	created_at: string;
	updated_at: string;
}

const ITEM_COLUMNS =
	'id, text, lang, kind, lemma, translation, context, document, status, created_at, updated_at';

export function fromItemRow(r: ItemRow): VocabularyItem {
	return {
		id: r.id,
		text: r.text,
		lang: r.lang,
		kind: r.kind,
		lemma: r.lemma,
		translation: r.translation,
		context: r.context,
		document: r.document,
		status: r.status,
		createdAt: r.created_at,
		updatedAt: r.updated_at
	};
}

let dictionary: Promise<typeof import('$lib/core/dictionary')> | undefined;
/** The offline dictionary, loaded on first need (3 MB): neither the browser nor a bare page carries it. */
const loadDictionary = () => (dictionary ??= import('$lib/core/dictionary'));

/** A saved text's lemma: the dictionary's for a word ("marcharon" → "marchar"), else the text lower-cased. */
export async function lemmaOfText(text: string, lang: VocabularyLang): Promise<string> {
	if (kindOf(text) === 'word') {
		const lemmas = (await loadDictionary()).lemmasOf(text, lang);
		if (lemmas.length) return lemmas[0];
	}
	return textKey(text);
}

export function findItem(
	db: Db,
	learner: string,
	lang: VocabularyLang,
	text: string
): VocabularyItem | undefined {
	const row = db
		.prepare(
			`SELECT ${ITEM_COLUMNS} FROM vocabulary_items WHERE learner = ? AND lang = ? AND text_key = ?`
		)
		.get(learner, lang, textKey(text)) as ItemRow | undefined;
	return row && fromItemRow(row);
}

export function getItem(db: Db, learner: string, id: number): VocabularyItem | undefined {
	const row = db
		.prepare(`SELECT ${ITEM_COLUMNS} FROM vocabulary_items WHERE learner = ? AND id = ?`)
		.get(learner, id) as ItemRow | undefined;
	return row && fromItemRow(row);
}

export function listItems(db: Db, learner: string): VocabularyItem[] {
	return (
		db
			.prepare(`SELECT ${ITEM_COLUMNS} FROM vocabulary_items WHERE learner = ? ORDER BY id`)
			.all(learner) as ItemRow[]
	).map(fromItemRow);
}

export function logStatus(
	db: Db,
	learner: string,
	item: { lang: VocabularyLang; text: string },
	status: VocabularyStatus,
	at: string
): void {
	db.prepare(
		'INSERT INTO vocabulary_status_log (learner, lang, text_key, status, at) VALUES (?, ?, ?, ?, ?)'
	).run(learner, item.lang, textKey(item.text), status, at);
}

/**
 * Saves an item, or updates the one saved with the same text and language (case aside): a value
 * left out of the second save keeps the first one's, never blanked.
 */
export function saveItem(
	db: Db,
	learner: string,
	input: SaveInput,
	lemma: string,
	now = new Date()
): { item: VocabularyItem; created: boolean } {
	const at = now.toISOString();
	return db.transaction(() => {
		const existing = findItem(db, learner, input.lang, input.text);
		if (!existing) {
			const { lastInsertRowid } = db
				.prepare(
					`INSERT INTO vocabulary_items
					 (learner, text, text_key, lang, kind, lemma, translation, context, document, status, created_at, updated_at)
					 VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`
				)
				.run(
					learner,
					input.text,
					textKey(input.text),
					input.lang,
					kindOf(input.text),
					lemma,
					input.translation,
					input.context,
					input.document,
					input.status,
					at,
					at
				);
			logStatus(db, learner, input, input.status, at);
			return { item: getItem(db, learner, Number(lastInsertRowid))!, created: true };
		}
		db.prepare(
			`UPDATE vocabulary_items SET translation = ?, context = ?, document = ?, status = ?, updated_at = ?
			 WHERE id = ?`
		).run(
			input.translation || existing.translation,
			input.context || existing.context,
			input.document ?? existing.document,
			input.status,
			at,
			existing.id
		);
		if (input.status !== existing.status) logStatus(db, learner, input, input.status, at);
		return { item: getItem(db, learner, existing.id)!, created: false };
	})();
}

/** Marks an item new, learning or known, saving it first (without a translation) if it is not saved. */
export function setItemStatus(
	db: Db,
	learner: string,
	input: StatusInput,
	lemma: string,
	now = new Date()
): VocabularyItem {
	const at = now.toISOString();
	return db.transaction(() => {
		const existing = findItem(db, learner, input.lang, input.text);
		if (!existing) {
			const saved = saveItem(
				db,
				learner,
				{ ...input, translation: '', context: '', document: null, status: 'learning' },
				lemma,
				now
			).item;
			if (input.status === 'learning') return saved;
			return setItemStatus(db, learner, input, lemma, now);
		}
		if (existing.status === input.status) return existing;
		db.prepare('UPDATE vocabulary_items SET status = ?, updated_at = ? WHERE id = ?').run(
			input.status,
			at,
			existing.id
		);
		logStatus(db, learner, existing, input.status, at);
		return getItem(db, learner, existing.id)!;
	})();
}

export function deleteItem(db: Db, learner: string, id: number): Result<void> {
	const { changes } = db
		.prepare('DELETE FROM vocabulary_items WHERE learner = ? AND id = ?')
		.run(learner, id);
	if (!changes) return { ok: false, error: { code: 'not-found', key: 'errors:not-found' } };
	return { ok: true, value: undefined };
}

/** The tables that hold a learner's own rows (saved items, cards, reviews, status changes). */
const LEARNER_TABLES = ['review_cards', 'review_log', 'vocabulary_status_log', 'vocabulary_items'];

/** Removes everything stored for a learner, in one transaction; how many rows went. */
export function removeLearner(db: Db, learner: string): number {
	return db.transaction(() =>
		LEARNER_TABLES.reduce(
			(removed, table) =>
				removed + db.prepare(`DELETE FROM ${table} WHERE learner = ?`).run(learner).changes,
			0
		)
	)();
}

export interface LearnerWords {
	/** `lang:form` for the lemma and the text of every item, lower-cased. */
	known: Set<string>;
	learning: Set<string>;
}

/** The learner's known and learning items, as lower-cased lemmas and forms per language. */
export function learnerWords(db: Db, learner: string | null): LearnerWords {
	const words: LearnerWords = { known: new Set(), learning: new Set() };
	if (!learner) return words;
	const rows = db
		.prepare(
			`SELECT lang, text_key, lemma, status FROM vocabulary_items
			 WHERE learner = ? AND status IN ('known', 'learning')`
		)
		.all(learner) as { lang: string; text_key: string; lemma: string; status: VocabularyStatus }[];
	for (const r of rows) {
		const set = r.status === 'known' ? words.known : words.learning;
		set.add(`${r.lang}:${r.text_key}`);
		set.add(`${r.lang}:${r.lemma.toLowerCase()}`);
	}
	return words;
}

/** The forms of `lang:form` keys without their language, for the reader to mark. */
export const formsOf = (keys: Set<string>) => [...new Set([...keys].map((k) => k.slice(3)))].sort();

// The lemmas of a text, per document and version: computing them reads every word of it once,
// and the library asks for every text. A few dozen entries; a book's set is its vocabulary size.
const lemmaCache = new LRUCache<string, Promise<Set<string>>>({ max: 64 });
// A form's lemma, across texts (the corpus's texts share most of their words). A dictionary
// lookup takes about half a millisecond; a book has tens of thousands of distinct forms.
// '' for a form with no lemma (a name): the cache holds no null.
const formLemmas = new LRUCache<string, string>({ max: 200_000 });
/** Forms looked up between two turns of the event loop, so other requests are served meanwhile. */
const FORMS_PER_TURN = 200;

/** The distinct lemmas (`lang:lemma`) of a document's English and Spanish words; undefined if there is no such document. */
export async function documentVocabulary(db: Db, slug: string): Promise<Set<string> | undefined> {
	// One narrow row names the text's current analysis; the text and its detection are read only
	// when that analysis has not been seen yet.
	const current = db
		.prepare(
			`SELECT d.id, d.version, t.detector_version, t.es_chars, t.en_chars FROM documents d
			 LEFT JOIN detections t ON t.document_id = d.id WHERE d.slug = ?`
		)
		.get(slug) as Record<string, unknown> | undefined;
	if (!current) return undefined;
	const key = Object.values(current).join(':');
	let lemmas = lemmaCache.get(key);
	if (!lemmas) {
		// Kept while it is computed too, so the library's and the reader's requests share one run.
		lemmas = computeLemmas(db, slug);
		lemmaCache.set(key, lemmas);
		lemmas.catch(() => lemmaCache.delete(key));
	}
	return lemmas;
}

async function computeLemmas(db: Db, slug: string): Promise<Set<string>> {
	const doc = getStoredDocument(db, slug);
	if (!doc) return new Set();
	const { lemmasOf } = await loadDictionary();
	const lemmaOf = (word: string, lang: VocabularyLang) => {
		const found = lemmasOf(word, lang);
		if (found.length) return found[0].toLowerCase();
		// An unknown capitalised word is a name (Abancay, Boluarte), not vocabulary to learn.
		return /^\p{Lu}/u.test(word) ? null : word.toLowerCase();
	};
	const lemmas = new Set<string>();
	const forms = documentForms(doc.text, doc.detection.sentences);
	for (const [i, form] of forms.entries()) {
		if (i % FORMS_PER_TURN === FORMS_PER_TURN - 1) await new Promise((done) => setImmediate(done));
		let lemma = formLemmas.get(form);
		if (lemma === undefined) {
			lemma = lemmaKey(form, lemmaOf) ?? '';
			formLemmas.set(form, lemma);
		}
		if (lemma) lemmas.add(lemma);
	}
	return lemmas;
}

/** How much of the document's vocabulary the learner knows; undefined if there is no such document. */
export async function documentShare(
	db: Db,
	learner: string | null,
	slug: string
): Promise<VocabularyShare | undefined> {
	const lemmas = await documentVocabulary(db, slug);
	return lemmas && vocabularyShare(lemmas, learnerWords(db, learner).known);
}
