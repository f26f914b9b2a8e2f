// Random mixed documents through the real store, detector and aligner: whatever their shape
// (a text followed by its translation, a translation first, a paragraph left untranslated, a
// passage printed twice, lines with no words, a separate translation document), every
// sentence is in exactly one row of the reading and at most once in every export, each
// exported segment in the language the detector gave its sentences.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { openDb, type Db } from '$lib/server/db';
import { getDocument } from '$lib/server/documents';
import { addPair, addText, buildExport, type Contribution } from '$lib/server/contribute';
import { readingOf } from '$lib/server/reading';
import { readTsv } from '$lib/core/formats/tsv';
import { readTmx } from '$lib/core/formats/tmx';
import { rowSentences, shownRows } from '$lib/core/reading/rows';

// Paragraphs of a corpus article and of its translation, line for line.
const corpus = (path: string) =>
	readFileSync(new URL(`../../../src/lib/data/corpus/${path}`, import.meta.url), 'utf8')
		.split(/\n\s*\n/)
		.map((p) => p.trim())
		.filter(Boolean);
const EN = corpus('poor-in-peru-wont-back-down.txt');
const ES = corpus('es/poor-in-peru-wont-back-down.txt');
const WORDLESS = ['https://example.org/informe/2023', '12.04.2023', '-v, --verbose', '2.38.1'];

type Piece =
	| { kind: 'en'; from: number; to: number }
	| { kind: 'es'; from: number; to: number }
	| { kind: 'wordless'; which: number }
	/** The first words of a Spanish paragraph, quoted on a line of their own. */
	| { kind: 'quote'; at: number };

const stretch = fc
	.tuple(fc.nat(EN.length - 1), fc.integer({ min: 1, max: 4 }))
	.map(([from, n]) => ({ from, to: Math.min(EN.length, from + n) }));

/** A document's shape: which stretches of the article, in which language, in which order. */
const shapeArb = fc.record({
	translated: stretch,
	order: fc.constantFrom('en-first', 'es-first'),
	untranslated: fc.option(fc.nat(3)),
	repeated: fc.boolean(),
	wordless: fc.option(fc.nat(WORDLESS.length - 1)),
	separateTranslation: fc.boolean()
});

/** The document, and the separate translation document when there is one. */
type Shape = typeof shapeArb extends fc.Arbitrary<infer T> ? T : never;

function piecesOf(shape: Shape): {
	main: Piece[];
	translation?: Piece[];
} {
	const { from, to } = shape.translated;
	const en: Piece = { kind: 'en', from, to };
	const es: Piece = { kind: 'es', from, to };
	const extra = (pieces: Piece[]) => {
		if (shape.repeated) pieces.push({ ...pieces[0] });
		if (shape.wordless !== null) pieces.splice(1, 0, { kind: 'wordless', which: shape.wordless });
		return pieces;
	};
	if (shape.separateTranslation) {
		// An English article quoting a Spanish paragraph, which its translation keeps as it is.
		const quote: Piece[] =
			shape.untranslated !== null
				? [{ kind: 'quote', at: (to + shape.untranslated) % ES.length }]
				: [];
		const long: Piece = { kind: 'en', from, to: Math.max(to, from + 3) };
		const longEs: Piece = { ...long, kind: 'es' };
		return { main: extra([long, ...quote]), translation: [longEs, ...quote] };
	}
	const pieces: Piece[] = shape.order === 'en-first' ? [en, es] : [es, en];
	// A paragraph the Spanish left in English: the English paragraph again, inside the Spanish.
	if (shape.untranslated !== null)
		pieces.splice(pieces.indexOf(es) + 1, 0, { kind: 'en', from, to: from + 1 });
	return { main: extra(pieces) };
}

const render = (pieces: Piece[]) =>
	pieces
		.map((p) =>
			p.kind === 'wordless'
				? WORDLESS[p.which]
				: p.kind === 'quote'
					? `“${ES[p.at].split(/\s+/).slice(0, 10).join(' ')}”`
					: (p.kind === 'en' ? EN : ES).slice(p.from, p.to).join('\n\n')
		)
		.join('\n\n');

let dir: string;
let db: Db;
let added = 0;

beforeAll(() => {
	dir = mkdtempSync(join(tmpdir(), 'puente-reading-'));
	db = openDb(join(dir, 'puente.db'));
});

afterAll(() => {
	db.close();
	rmSync(dir, { recursive: true, force: true });
});

function ok(result: Contribution): number {
	if (!result.ok) throw new Error(JSON.stringify(result.errors));
	return result.documentIds[0];
}

describe('reading and exporting random mixed documents', () => {
	it('shows each sentence once and exports it at most once, in its own language', () => {
		let exportedDocuments = 0;
		fc.assert(
			fc.property(shapeArb, (shape) => {
				const { main, translation } = piecesOf(shape);
				const title = `mixed ${added++}`;
				const id = translation
					? ok(
							addPair(db, {
								title,
								en: render(main),
								es: render(translation),
								via: 'paste',
								// The person confirmed the sides: this test is about reading them, not the language check.
								sides: 'confirmed'
							})
						)
					: ok(addText(db, { title, text: render(main), via: 'paste' }));
				const doc = getDocument(db, id)!;
				const reading = readingOf(db, doc);
				const sentences = doc.detection.sentences;

				const times = sentences.map(() => 0);
				for (const row of shownRows(reading.rows))
					for (const i of rowSentences(row, doc.id)) times[i]++;
				expect(times).toEqual(sentences.map(() => 1));

				const tsv = buildExport(db, doc.slug, 'tsv');
				const tmx = buildExport(db, doc.slug, 'tmx');
				if (!tsv.ok || !tmx.ok) {
					// Nothing paired: the export says so, for both formats.
					expect(tsv.ok || tmx.ok).toBe(false);
					return;
				}
				exportedDocuments++;
				const units = readTmx(tmx.value.body);
				if (!units.ok) throw new Error('the TMX export did not read back');
				expect(readTsv(tsv.value.body)).toHaveLength(units.value.units.length);
				const langOf = new Map<string, Set<string>>();
				for (const s of sentences) {
					const set = langOf.get(s.text) ?? new Set<string>();
					set.add(s.lang);
					langOf.set(s.text, set);
				}
				const exported = new Map<string, number>();
				for (const unit of units.value.units) {
					expect(unit.en).not.toBe(unit.es);
					for (const [side, lang] of [
						[unit.en, 'en'],
						[unit.es, 'es']
					] as const)
						for (const s of sentences)
							if (side.includes(s.text) && s.text.length > 40) {
								// A sentence of this document inside a segment is in that segment's language.
								expect([lang, 'und']).toContain(s.lang);
								exported.set(s.text, (exported.get(s.text) ?? 0) + 1);
							}
				}
				// No sentence in two units (a sentence printed twice in the text may be in two).
				for (const [sentenceText, count] of exported) {
					const copies = sentences.filter((s) => s.text === sentenceText).length;
					expect(count).toBeLessThanOrEqual(copies);
				}
			}),
			{ numRuns: 40 }
		);
		// The shapes are translations: most of them must have pairs to export.
		expect(exportedDocuments).toBeGreaterThan(20);
	}, 120_000);
});
