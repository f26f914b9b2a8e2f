// Glossary search on the shipped glossary: a name finds its entry first and nothing unrelated,
// matches rank by field and quality; and the concordance lists each occurrence once.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDb, type Db } from '$lib/server/db';
import { seedCorpus } from '$lib/server/seed';
import {
	glossaryConcordance,
	listGlossary,
	MATCH_QUALITY,
	searchGlossary,
	seedGlossary
} from '$lib/server/glossary';
import { getDocument, listDocuments } from '$lib/server/documents';
import { readingOf } from '$lib/server/reading';
import { foldForSearch } from '$lib/core/text/fold';

let dir: string;
let db: Db;

beforeEach(() => {
	dir = mkdtempSync(join(tmpdir(), 'puente-glossary-search-'));
	db = openDb(join(dir, 'puente.db'));
	seedGlossary(db);
});

afterEach(() => {
	db.close();
	rmSync(dir, { recursive: true, force: true });
});

const ids = (q: string) => listGlossary(db, { q }).map((e) => e.id);

describe('glossary search', () => {
	it('finds the OAS by its abbreviation, first, and not the places whose explanations say "coast"', () => {
		const found = ids('OAS');
		expect(found[0]).toBe('oea');
		for (const unrelated of ['ica', 'la-libertad', 'lima', 'peru'])
			expect(found).not.toContain(unrelated);
		expect(ids('oas')).toEqual(found);
		expect(ids('OEA')[0]).toBe('oea');
	});

	it('ignores accents and case, in the query and in the entry', () => {
		expect(ids('peru')[0]).toBe('peru');
		expect(ids('PERÚ')[0]).toBe('peru');
	});

	it('ranks an exact form, then a prefix, then a word inside a form, then an explanation', () => {
		const results = searchGlossary(db, { q: 'lima' });
		const ranks = results.map((r) => MATCH_QUALITY.indexOf(r.match!));
		expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
		expect(results[0].entry.id).toBe('lima');
		expect(results[0].match).toBe('exact');
		// "Toma de Lima" has Lima as a word of its name: before entries that only mention Lima.
		const toma = results.findIndex((r) => r.entry.id === 'toma-de-lima');
		expect(results[toma].match).toBe('word');
		const mentions = results.filter((r) => r.match === 'explanation').map((r) => r.entry.id);
		expect(mentions).toContain('peru');
		expect(results.findIndex((r) => r.entry.id === 'peru')).toBeGreaterThan(toma);

		const marcha = searchGlossary(db, { q: 'marcha de los' });
		expect(marcha[0].entry.id).toBe('marcha-de-los-cuatro-suyos');
		expect(marcha[0].match).toBe('prefix');
	});

	it('matches explanations only on whole words, and every result contains the query', () => {
		for (const q of ['oas', 'lima', 'san', 'congreso', 'strike']) {
			const needle = foldForSearch(q);
			for (const { entry, match } of searchGlossary(db, { q })) {
				const text = foldForSearch(
					match === 'explanation'
						? `${entry.explanation.en} ${entry.explanation.es}`
						: [entry.es, entry.en, ...entry.variants].join(' ')
				);
				const bound = match === 'explanation' ? '(?![\\p{L}\\p{N}])' : '';
				expect(new RegExp(`(?<![\\p{L}\\p{N}])${needle}${bound}`, 'u').test(text)).toBe(true);
			}
		}
	});

	it('finds nothing for terms the glossary does not have', () => {
		for (const q of ['rondas campesinas', 'ronderos', 'peasant patrols'])
			expect(ids(q)).toEqual([]);
	});

	it('lists everything, alphabetically, for an empty query', () => {
		expect(listGlossary(db, { q: '  ' }).length).toBe(listGlossary(db).length);
	});
});

describe('concordance: each occurrence once', () => {
	it('shows Toma de Lima once per pair, never a translation line already shown, never a repeat', () => {
		seedCorpus(db);
		const lines = glossaryConcordance(db, 'toma-de-lima');
		expect(lines.length).toBeGreaterThan(0);

		// Every raw occurrence in the library (what the list used to show): more than the lines.
		const docs = listDocuments(db).map((d) => getDocument(db, d.id)!);
		const shownSentences = new Set(lines.map((l) => `${l.document.slug}:${l.sentenceIndex}`));
		const translated = new Set<string>();
		for (const l of lines)
			if (l.translation) translated.add(`${l.translation.slug}:${l.translation.sentenceIndex}`);
		// No sentence is listed on its own and also as another line's translation.
		for (const key of translated) expect(shownSentences.has(key)).toBe(false);

		// No line falls in the second copy of a repeated passage.
		let repeatedSentences = 0;
		for (const doc of docs) {
			const reading = readingOf(db, doc);
			for (const row of reading.rows)
				if (row.kind === 'repeat' && row.side.doc === doc.id)
					for (const i of row.side.sentences) {
						repeatedSentences++;
						expect(shownSentences.has(`${doc.slug}:${i}`)).toBe(false);
					}
		}
		// The corpus prints a section of this article twice and has its translation.
		expect(repeatedSentences).toBeGreaterThan(0);
		expect(lines.filter((l) => l.translation).length).toBeGreaterThan(0);

		// Lines are distinct occurrences.
		const keys = lines.map((l) => `${l.document.slug}:${l.sentenceIndex}:${l.before}|${l.form}`);
		expect(new Set(keys).size).toBe(keys.length);
	});
});
