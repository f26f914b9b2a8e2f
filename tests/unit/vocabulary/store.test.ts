// The vocabulary store on a real SQLite file: reviews rescheduled with FSRS and logged, the deck
// mixing saved words and the shipped glossary without same-sided cards, an item becoming known,
// progress series, and the export read back into another learner identically.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDb, type Db } from '$lib/server/db';
import { seedGlossary, listGlossary } from '$lib/server/glossary';
import { saveItem, setItemStatus, listItems } from '$lib/server/vocabulary';
import {
	cardStatus,
	deckFaces,
	progressOf,
	rateReviewCard,
	reviewState
} from '$lib/server/vocabulary-review';
import { exportVocabulary, importVocabulary } from '$lib/server/vocabulary-transfer';
import { parseVocabularyExport, sameSides, type SaveInput } from '$lib/core/vocabulary';

let dir: string;
let db: Db;

beforeAll(() => {
	dir = mkdtempSync(join(tmpdir(), 'puente-vocabulary-'));
	db = openDb(join(dir, 'puente.db'));
	seedGlossary(db);
});

afterAll(() => {
	db.close();
	rmSync(dir, { recursive: true, force: true });
});

const input = (text: string, translation: string, extra: Partial<SaveInput> = {}): SaveInput => ({
	text,
	lang: 'es',
	translation,
	context: `Una oración con ${text}.`,
	document: 'la-mosca',
	status: 'learning',
	...extra
});

const day = 86_400_000;

describe('the deck', () => {
	it('mixes the learner’s words with the glossary, never a card whose two sides are the same', () => {
		const learner = 'anonymous:deck';
		saveItem(db, learner, input('manifestantes', 'protesters'), 'manifestante');
		const faces = deckFaces(db, learner);
		const glossary = listGlossary(db);
		expect(glossary.length).toBeGreaterThan(50);
		expect(faces.some((f) => f.source.kind === 'item')).toBe(true);
		for (const f of faces) expect(sameSides(f.prompt, f.answer)).toBe(false);
		const abancay = glossary.find((e) => e.es === 'Abancay');
		expect(abancay).toBeDefined();
		expect(faces.some((f) => f.prompt === 'Abancay')).toBe(false);
		const sameSided = glossary.filter((e) => sameSides(e.es, e.en)).length;
		expect(sameSided).toBeGreaterThan(0);
		expect(faces.filter((f) => f.source.kind === 'glossary')).toHaveLength(
			2 * (glossary.length - sameSided)
		);
		// Only words, or only glossary terms.
		expect(deckFaces(db, learner, 'words').every((f) => f.source.kind === 'item')).toBe(true);
		expect(deckFaces(db, learner, 'glossary').every((f) => f.source.kind === 'glossary')).toBe(
			true
		);
	});

	it('shows saved words first, and a known word not at all', () => {
		const learner = 'anonymous:order';
		saveItem(db, learner, input('marcharon', 'marched'), 'marchar');
		expect(reviewState(db, learner).next?.prompt).toBe('marcharon');
		setItemStatus(db, learner, { text: 'marcharon', lang: 'es', status: 'known' }, 'marchar');
		expect(reviewState(db, learner).next?.source.kind).toBe('glossary');
	});
});

describe('reviewing', () => {
	it('reschedules a rated card with FSRS, logs it, and holds its other direction until tomorrow', () => {
		const learner = 'anonymous:review';
		const now = new Date('2026-03-10T12:00:00Z');
		saveItem(db, learner, input('pidieron', 'asked for'), 'pedir', now);
		const first = reviewState(db, learner, 'words', now);
		expect(first.next).toMatchObject({ prompt: 'pidieron', isNew: true, promptLang: 'es' });
		expect(first.newCount).toBe(1);
		const rated = rateReviewCard(db, learner, first.next!.ref, 'good', now);
		expect(rated.ok).toBe(true);
		const due = new Date(rated.ok ? rated.value.due : 0);
		expect(due.getTime()).toBeGreaterThan(now.getTime());
		expect(due.toISOString()).toBe(first.next!.previews.good);
		expect(cardStatus(db, learner, first.next!.ref)?.reps).toBe(1);
		// The English side waits for another day; nothing else is due now.
		expect(reviewState(db, learner, 'words', now).next).toBeNull();
		const tomorrow = new Date(now.getTime() + day);
		const next = reviewState(db, learner, 'words', tomorrow).next;
		expect(next?.promptLang).toBe('es');
		expect(next?.isNew).toBe(false);
		const afterTwo = new Date(now.getTime() + 2 * day);
		rateReviewCard(db, learner, next!.ref, 'good', tomorrow);
		expect(reviewState(db, learner, 'words', afterTwo).next).toMatchObject({
			promptLang: 'en',
			prompt: 'asked for',
			answer: 'pidieron'
		});
		const progress = progressOf(db, learner, tomorrow);
		expect(progress.totals.reviews).toBe(2);
		expect(progress.reviews.at(-1)!.count).toBe(1);
		expect(progress.reviews.at(-2)!.count).toBe(1);
	});

	it('refuses a card that is not in the learner’s deck', () => {
		const other = saveItem(db, 'anonymous:someone', input('ajena', 'foreign'), 'ajeno').item;
		expect(rateReviewCard(db, 'anonymous:me', `item:${other.id}:es`, 'good').ok).toBe(false);
		expect(rateReviewCard(db, 'anonymous:me', 'glossary:no-such-term:es', 'good').ok).toBe(false);
		expect(rateReviewCard(db, 'anonymous:me', 'nonsense', 'good').ok).toBe(false);
	});

	it('makes an item known once both its cards wait three weeks or more', () => {
		const learner = 'anonymous:known';
		let now = new Date('2026-01-01T12:00:00Z');
		const { item } = saveItem(db, learner, input('elecciones', 'elections'), 'elección', now);
		let known = false;
		for (let i = 0; i < 20 && !known; i++) {
			const next = reviewState(db, learner, 'words', now).next;
			if (next) {
				const rated = rateReviewCard(db, learner, next.ref, 'easy', now);
				known = rated.ok && rated.value.known;
			}
			now = new Date(now.getTime() + 30 * day);
		}
		expect(known).toBe(true);
		expect(listItems(db, learner).find((i) => i.id === item.id)?.status).toBe('known');
		expect(progressOf(db, learner, now).known.at(-1)!.count).toBe(1);
	});
});

describe('export and import', () => {
	it('reads an export back into another learner identically, and a second import adds nothing', () => {
		const from = 'anonymous:export';
		const now = new Date('2026-02-01T09:00:00Z');
		saveItem(db, from, input('marcharon', 'marched'), 'marchar', now);
		saveItem(db, from, input('Toma de Lima', 'Taking of Lima'), 'toma de lima', now);
		setItemStatus(db, from, { text: 'pidieron', lang: 'es', status: 'known' }, 'pedir', now);
		const state = reviewState(db, from, 'all', now);
		rateReviewCard(db, from, state.next!.ref, 'hard', now);
		const glossaryRef = reviewState(db, from, 'glossary', now).next!.ref;
		rateReviewCard(db, from, glossaryRef, 'good', now);

		const exported = exportVocabulary(db, from);
		expect(exported.items).toHaveLength(3);
		expect(exported.glossaryCards).toHaveLength(1);
		expect(exported.reviews).toHaveLength(2);
		const file = JSON.stringify(exported);
		const parsed = parseVocabularyExport(file);
		expect(parsed.ok).toBe(true);
		const to = 'anonymous:import';
		const report = importVocabulary(db, to, parsed.ok ? parsed.value : exported);
		expect(report).toEqual({ ok: true, value: { added: 3, updated: 0, unchanged: 0, reviews: 2 } });
		expect(JSON.stringify(exportVocabulary(db, to))).toBe(file);

		const again = importVocabulary(db, to, parsed.ok ? parsed.value : exported);
		expect(again).toEqual({ ok: true, value: { added: 0, updated: 0, unchanged: 3, reviews: 0 } });
		expect(JSON.stringify(exportVocabulary(db, to))).toBe(file);
	});

	it('keeps the newer copy of an item both sides have', () => {
		const a = 'anonymous:newer-a';
		const b = 'anonymous:newer-b';
		saveItem(db, a, input('hacia', 'towards'), 'hacia', new Date('2026-02-01T00:00:00Z'));
		saveItem(db, b, input('hacia', 'toward'), 'hacia', new Date('2026-02-05T00:00:00Z'));
		importVocabulary(db, b, exportVocabulary(db, a));
		expect(listItems(db, b)[0].translation).toBe('toward');
		importVocabulary(db, a, exportVocabulary(db, b));
		expect(listItems(db, a)[0].translation).toBe('toward');
	});

	it('refuses a damaged file, naming what is wrong', () => {
		const good = exportVocabulary(db, 'anonymous:export');
		const check = (value: unknown) => {
			const r = parseVocabularyExport(typeof value === 'string' ? value : JSON.stringify(value));
			return r.ok ? 'ok' : r.error.key;
		};
		expect(check(good)).toBe('ok');
		expect(check('not json')).toBe('errors:vocabulary.import.notJson');
		expect(check({ format: 'other' })).toBe('errors:vocabulary.import.notVocabulary');
		expect(check({ ...good, version: 2 })).toBe('errors:vocabulary.import.version');
		expect(check({ ...good, items: [{ ...good.items[0], lang: 'fr' }] })).toBe(
			'errors:vocabulary.import.badItem'
		);
		expect(
			check({ ...good, items: [{ ...good.items[0], cards: [{ promptLang: 'es', card: {} }] }] })
		).toBe('errors:vocabulary.import.badItem');
		expect(check({ ...good, reviews: [{ ...good.reviews[0], rating: 7 }] })).toBe(
			'errors:vocabulary.import.badRecord'
		);
	});
});
