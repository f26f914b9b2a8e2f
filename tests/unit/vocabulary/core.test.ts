// The pure parts of the learner's vocabulary: input checks, the deck (both directions, no card
// whose sides are the same), FSRS scheduling through ts-fsrs, a text's share known, progress series.
import { describe, expect, it } from 'vitest';
import {
	checkSaveInput,
	checkStatusInput,
	contextBeforeReveal,
	documentLemmas,
	dueForecast,
	glossaryCards,
	itemCards,
	kindOf,
	knownOverTime,
	newCard,
	parseCard,
	parseCardRef,
	cardRef,
	rateCard,
	reviewQueue,
	reviewsPerDay,
	sameSides,
	serializeCard,
	vocabularyShare,
	type ScheduledFace
} from '$lib/core/vocabulary';
import type { LabelledSentence } from '$lib/core/types';

const now = new Date('2026-03-10T12:00:00Z');

describe('saving input', () => {
	it('accepts a word with its translation and context, trimmed and spaced once', () => {
		const r = checkSaveInput({
			text: '  marcharon ',
			lang: 'es',
			translation: 'they  marched',
			context: 'Miles marcharon en Lima.',
			document: 'la-mosca'
		});
		expect(r).toEqual({
			ok: true,
			value: {
				text: 'marcharon',
				lang: 'es',
				translation: 'they marched',
				context: 'Miles marcharon en Lima.',
				document: 'la-mosca',
				status: 'learning'
			}
		});
	});

	it('refuses a missing text, an unknown language, a bad status and oversized fields', () => {
		const key = (body: Record<string, unknown>) => {
			const r = checkSaveInput(body);
			return r.ok ? null : r.error.key;
		};
		expect(key({ lang: 'es' })).toBe('errors:vocabulary.textMissing');
		expect(key({ text: '   ', lang: 'es' })).toBe('errors:vocabulary.textMissing');
		expect(key({ text: 'casa', lang: 'fr' })).toBe('errors:vocabulary.languageUnknown');
		expect(key({ text: 'casa', lang: 'es', status: 'new' })).toBe(
			'errors:vocabulary.statusUnknown'
		);
		expect(key({ text: 'x'.repeat(501), lang: 'es' })).toBe('errors:vocabulary.tooLong');
		expect(key({ text: 'casa', lang: 'es', translation: 5 })).toBe('errors:vocabulary.notText');
		expect(key({ text: 'casa', lang: 'es', context: 'y'.repeat(2001) })).toBe(
			'errors:vocabulary.tooLong'
		);
	});

	it('marks accept new, learning and known only', () => {
		expect(checkStatusInput({ text: 'casa', lang: 'es', status: 'new' }).ok).toBe(true);
		expect(checkStatusInput({ text: 'casa', lang: 'es', status: 'forgotten' }).ok).toBe(false);
	});

	it('tells words, phrases and sentences apart', () => {
		expect(kindOf('manifestantes')).toBe('word');
		expect(kindOf('Toma de Lima')).toBe('phrase');
		expect(kindOf('Miles marcharon en Lima.')).toBe('sentence');
	});
});

describe('the deck', () => {
	const entry = (id: string, es: string, en: string) => ({
		id,
		es,
		en,
		explanation: { en: `About ${en}.`, es: `Sobre ${es}.` }
	});

	it('skips a glossary term whose two sides are the same, accents and case aside', () => {
		expect(glossaryCards(entry('abancay', 'Abancay', 'Abancay'))).toEqual([]);
		expect(glossaryCards(entry('peru', 'Perú', 'Peru'))).toEqual([]);
		expect(sameSides('CGTP', 'C.G.T.P.')).toBe(true);
		const cards = glossaryCards(entry('toma-de-lima', 'Toma de Lima', 'Taking of Lima'));
		expect(cards.map((c) => [c.promptLang, c.prompt, c.answer])).toEqual([
			['es', 'Toma de Lima', 'Taking of Lima'],
			['en', 'Taking of Lima', 'Toma de Lima']
		]);
	});

	it('gives a saved item a card each way, none without a translation or with the same one', () => {
		const item = {
			id: 7,
			text: 'marcharon',
			lang: 'es' as const,
			translation: 'marched',
			context: 'Miles marcharon en Lima.',
			document: 'la-mosca'
		};
		const cards = itemCards(item);
		expect(cards.map((c) => c.promptLang)).toEqual(['es', 'en']);
		// The sentence holds the Spanish word, so it may be shown before the answer only when asking in Spanish.
		expect(cards.map(contextBeforeReveal)).toEqual([true, false]);
		expect(itemCards({ ...item, translation: '' })).toEqual([]);
		expect(itemCards({ ...item, text: 'Lima', translation: 'Lima' })).toEqual([]);
	});

	it('names cards so the name reads back', () => {
		for (const [source, lang] of [
			[{ kind: 'item', itemId: 12 }, 'es'],
			[{ kind: 'glossary', glossaryId: 'toma-de-lima' }, 'en']
		] as const) {
			expect(parseCardRef(cardRef(source, lang))).toEqual({ source, promptLang: lang });
		}
		expect(parseCardRef('item:abc:es')).toBeNull();
		expect(parseCardRef('glossary:x:fr')).toBeNull();
	});

	it('orders due cards first, then new ones, and holds a new card whose other side was seen today', () => {
		const face = (
			id: number,
			lang: 'en' | 'es',
			due: Date | null,
			siblingReviewed: Date | null = null
		): ScheduledFace => ({
			source: { kind: 'item', itemId: id },
			promptLang: lang,
			prompt: `p${id}${lang}`,
			answer: 'a',
			context: '',
			contextLang: 'es',
			document: null,
			due,
			siblingReviewed
		});
		const queue = reviewQueue(
			[
				face(1, 'es', null),
				face(1, 'en', null),
				face(2, 'es', new Date('2026-03-10T11:00:00Z')),
				face(2, 'en', null, new Date('2026-03-10T11:00:00Z')),
				face(3, 'es', new Date('2026-03-09T11:00:00Z')),
				face(4, 'es', new Date('2026-03-11T11:00:00Z'))
			],
			now
		);
		expect(queue.map((c) => c.prompt)).toEqual(['p3es', 'p2es', 'p1es']);
	});
});

describe('FSRS scheduling through ts-fsrs', () => {
	it('moves the due date later the better the card was remembered', () => {
		const card = newCard(now);
		const due = (['again', 'hard', 'good', 'easy'] as const).map((r) =>
			rateCard(card, r, now).card.due.getTime()
		);
		for (let i = 1; i < due.length; i++) expect(due[i]).toBeGreaterThan(due[i - 1]);
		expect(due[0]).toBeGreaterThan(now.getTime());
	});

	it('waits longer after each good review, and less after a lapse', () => {
		let card = newCard(now);
		let at = now;
		const intervals: number[] = [];
		for (let i = 0; i < 4; i++) {
			card = rateCard(card, 'good', at).card;
			intervals.push(card.due.getTime() - at.getTime());
			at = card.due;
		}
		for (let i = 1; i < intervals.length; i++)
			expect(intervals[i]).toBeGreaterThan(intervals[i - 1]);
		const lapsed = rateCard(card, 'again', at).card;
		expect(lapsed.lapses).toBe(1);
		expect(lapsed.due.getTime() - at.getTime()).toBeLessThan(intervals.at(-1)!);
	});

	it('stores a card as JSON and reads it back unchanged; refuses what is not a card', () => {
		const card = rateCard(newCard(now), 'good', now).card;
		expect(parseCard(serializeCard(card))).toEqual(card);
		expect(parseCard('{"due":"x"}')).toBeNull();
		expect(parseCard({ ...JSON.parse(serializeCard(card)), state: 9 })).toBeNull();
	});
});

describe('the share of a text known', () => {
	const text = 'Los manifestantes marcharon. The protesters marched in Abancay.';
	const sentences: LabelledSentence[] = [
		{
			start: 0,
			end: 28,
			text: text.slice(0, 28),
			paragraph: 0,
			lang: 'es',
			confidence: 1,
			spans: []
		},
		{
			start: 29,
			end: text.length,
			text: text.slice(29),
			paragraph: 0,
			lang: 'en',
			confidence: 1,
			spans: []
		}
	];
	const lemmas: Record<string, string> = {
		los: 'el',
		manifestantes: 'manifestante',
		marcharon: 'marchar',
		the: 'the',
		protesters: 'protester',
		marched: 'march',
		in: 'in'
	};
	const lemmaOf = (word: string) =>
		lemmas[word.toLowerCase()] ?? (/^\p{Lu}/u.test(word) ? null : word.toLowerCase());

	it('counts distinct lemmas per language, names left out', () => {
		const found = documentLemmas(text, sentences, lemmaOf);
		expect([...found].sort()).toEqual(
			[
				'en:in',
				'en:march',
				'en:protester',
				'en:the',
				'es:el',
				'es:manifestante',
				'es:marchar'
			].sort()
		);
	});

	it('knows a lemma in its language only', () => {
		const found = documentLemmas(text, sentences, lemmaOf);
		expect(vocabularyShare(found, new Set(['es:marchar', 'es:el', 'en:manifestante']))).toEqual({
			known: 2,
			total: 7
		});
	});
});

describe('progress series', () => {
	it('counts what is due per day ahead, overdue today', () => {
		const series = dueForecast(
			[
				new Date('2026-03-01T00:00:00Z'),
				new Date('2026-03-10T18:00:00Z'),
				new Date('2026-03-12T09:00:00Z')
			],
			now,
			3
		);
		expect(series).toEqual([
			{ day: '2026-03-10', count: 2 },
			{ day: '2026-03-11', count: 0 },
			{ day: '2026-03-12', count: 1 }
		]);
	});

	it('counts reviews per day behind, today last', () => {
		const series = reviewsPerDay(
			[
				new Date('2026-03-10T08:00:00Z'),
				new Date('2026-03-10T09:00:00Z'),
				new Date('2026-03-09T09:00:00Z')
			],
			now,
			2
		);
		expect(series).toEqual([
			{ day: '2026-03-09', count: 1 },
			{ day: '2026-03-10', count: 2 }
		]);
	});

	it('follows each item to its latest status at the end of each day', () => {
		const series = knownOverTime(
			[
				{ item: 'es:casa', status: 'known', at: new Date('2026-03-08T10:00:00Z') },
				{ item: 'es:perro', status: 'learning', at: new Date('2026-03-08T10:00:00Z') },
				{ item: 'es:perro', status: 'known', at: new Date('2026-03-09T10:00:00Z') },
				{ item: 'es:casa', status: 'learning', at: new Date('2026-03-10T10:00:00Z') }
			],
			now,
			3
		);
		expect(series.map((d) => d.count)).toEqual([1, 2, 1]);
	});
});
