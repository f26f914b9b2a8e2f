// Which words translate which in one reading pair, computed on demand when a reader hovers it:
// one WordAligner per alignment version (it learns the document's own translations from all its
// pairs, once), the dictionary loaded on the first request only, and the answers kept in small
// LRU caches whose keys carry every version the answer depends on, so an edit is never served stale.
import type { Db } from './db';
import { getStoredDocument } from './documents';
import { glossaryGeneration, glossaryMatcher } from './glossary-matching';
import { fail, ok, type Result } from '$lib/core/errors';
import type { Bead } from '$lib/core/types';
import {
	loadWordResources,
	termsFromGlossary,
	WordAligner,
	type WordResources
} from '$lib/core/words';
import type { PairSide, PairWords } from '$lib/reader/words';

/** A small least-recently-used map: reading a key makes it the newest. */
export class Lru<K, V> {
	#items = new Map<K, V>();
	constructor(readonly capacity: number) {}

	get(key: K): V | undefined {
		const value = this.#items.get(key);
		if (value !== undefined) {
			this.#items.delete(key);
			this.#items.set(key, value);
		}
		return value;
	}

	set(key: K, value: V) {
		this.#items.delete(key);
		this.#items.set(key, value);
		while (this.#items.size > this.capacity) this.#items.delete(this.#items.keys().next().value!);
	}

	get size() {
		return this.#items.size;
	}
}

interface SentenceText {
	index: number;
	text: string;
}

interface AlignerForAlignment {
	aligner: WordAligner;
	beads: readonly Bead[];
	enDoc: number;
	esDoc: number;
	en: (i: number) => string;
	es: (i: number) => string;
}

// An aligner holds a document's learned translations (a book's take a few MB): a handful is
// enough for the texts people have open. Pair answers are small; a few thousand cost little.
// Promises, so two requests for a new alignment at once build its aligner once.
const aligners = new Lru<string, Promise<AlignerForAlignment | undefined>>(6);
const pairs = new Lru<string, PairWords>(4000);

/** Counts work done, for the tests that check the caches are used. */
export const wordLinkStats = { alignersBuilt: 0, pairsAligned: 0 };

let resources: Promise<WordResources> | undefined;
/** The dictionary and lexicon, loaded on the first word request of the process. */
const wordResources = () => (resources ??= loadWordResources());

/**
 * Sentences of a bead as one text per side, and each token mapped back to its sentence: the
 * aligner sees "S1 S2" when a bead pairs two sentences with one.
 */
export function pairWords(
	aligner: Pick<WordAligner, 'align'>,
	en: { doc: number; sentences: SentenceText[] },
	es: { doc: number; sentences: SentenceText[] }
): PairWords {
	const joined = (side: SentenceText[]) => side.map((s) => s.text).join(' ');
	const alignment = aligner.align(joined(en.sentences), joined(es.sentences));
	const side = (doc: number, sentences: SentenceText[], tokens: typeof alignment.en): PairSide => {
		const starts: number[] = [];
		let at = 0;
		for (const s of sentences) {
			starts.push(at);
			at += s.text.length + 1;
		}
		return {
			doc,
			tokens: tokens.map((token) => {
				let k = starts.length - 1;
				while (k > 0 && starts[k] > token.start) k--;
				return {
					sentence: sentences[k].index,
					start: token.start - starts[k],
					end: token.end - starts[k],
					word: token.kind !== 'punct'
				};
			})
		};
	};
	return {
		en: side(en.doc, en.sentences, alignment.en),
		es: side(es.doc, es.sentences, alignment.es),
		links: alignment.links.map((l) => `${l.en}-${l.es}`).join(' ')
	};
}

interface AlignmentVersionRow {
	id: number;
	en_document_id: number;
	es_document_id: number;
	version: number;
	updated_at: string;
	en_version: number;
	es_version: number;
	en_detector: string | null;
	es_detector: string | null;
}

/**
 * The word links of pair `bead` of alignment `alignmentId`, which must involve the document
 * `slug` names. Not found: an unknown document, an alignment of another document, a bead
 * out of range.
 */
export async function wordLinks(
	db: Db,
	slug: string,
	alignmentId: number,
	bead: number
): Promise<Result<PairWords>> {
	// The page's address names a document by slug or by id, as /doc/<id> does.
	const doc = (
		/^\d+$/.test(slug)
			? db.prepare('SELECT id FROM documents WHERE id = ?').get(Number(slug))
			: db.prepare('SELECT id FROM documents WHERE slug = ?').get(slug)
	) as { id: number } | undefined;
	if (!doc || !Number.isInteger(alignmentId) || !Number.isInteger(bead) || bead < 0)
		return fail('not-found');
	const row = db
		.prepare(
			`SELECT a.id, a.en_document_id, a.es_document_id, a.version, a.updated_at,
			        en.version en_version, es.version es_version,
			        den.detector_version en_detector, des.detector_version es_detector
			 FROM alignments a
			 JOIN documents en ON en.id = a.en_document_id
			 JOIN documents es ON es.id = a.es_document_id
			 LEFT JOIN detections den ON den.document_id = a.en_document_id
			 LEFT JOIN detections des ON des.document_id = a.es_document_id
			 WHERE a.id = ? AND (a.en_document_id = ? OR a.es_document_id = ?)`
		)
		.get(alignmentId, doc.id, doc.id) as AlignmentVersionRow | undefined;
	if (!row) return fail('not-found');
	// Everything the answer depends on: the beads, both texts and their sentences, the glossary.
	const key = [
		row.id,
		row.version,
		row.updated_at,
		row.en_version,
		row.es_version,
		row.en_detector,
		row.es_detector,
		glossaryGeneration(db)
	].join('|');
	const pairKey = `${key}|${bead}`;
	const known = pairs.get(pairKey);
	if (known) return ok(known);

	let building = aligners.get(key);
	if (!building) {
		building = buildAligner(db, row);
		aligners.set(key, building);
	}
	const found = await building;
	if (!found) return fail('not-found');
	const pair = found.beads[bead];
	if (!pair || !pair.en.length || !pair.es.length) return fail('not-found');
	const words = pairWords(
		found.aligner,
		{ doc: found.enDoc, sentences: pair.en.map((i) => ({ index: i, text: found.en(i) })) },
		{ doc: found.esDoc, sentences: pair.es.map((i) => ({ index: i, text: found.es(i) })) }
	);
	wordLinkStats.pairsAligned++;
	pairs.set(pairKey, words);
	return ok(words);
}

async function buildAligner(
	db: Db,
	row: AlignmentVersionRow
): Promise<AlignerForAlignment | undefined> {
	const stored = db.prepare('SELECT beads FROM alignments WHERE id = ?').get(row.id) as
		{ beads: string } | undefined;
	const enDoc = getStoredDocument(db, row.en_document_id);
	const esDoc = getStoredDocument(db, row.es_document_id);
	if (!stored || !enDoc || !esDoc) return undefined;
	const beads = JSON.parse(stored.beads) as Bead[];
	const textOf = (doc: typeof enDoc) => (i: number) => {
		const s = doc.detection.sentences[i];
		return s ? doc.text.slice(s.start, s.end) : '';
	};
	const en = textOf(enDoc);
	const es = textOf(esDoc);
	const documentPairs = beads
		.filter((b) => b.en.length && b.es.length)
		.map((b) => ({ en: b.en.map(en).join(' '), es: b.es.map(es).join(' ') }));
	const terms = termsFromGlossary([...glossaryMatcher(db).entries.values()]);
	const aligner = new WordAligner(await wordResources(), { documentPairs, terms });
	wordLinkStats.alignersBuilt++;
	return { aligner, beads, enDoc: enDoc.id, esDoc: esDoc.id, en, es };
}
