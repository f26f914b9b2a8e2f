// Adding texts on a real SQLite file in a temp folder: pasted pairs become linked documents,
// imported memories keep their own pairing, and bad input is refused with nothing written.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { openDb, type Db } from '$lib/server/db';
import { readTsv } from '$lib/core/formats/tsv';
import { getDocument } from '$lib/server/documents';
import { alignmentsOf } from '$lib/server/alignments';
import {
	addPair,
	addText,
	buildExport,
	importMemory,
	slugify,
	titleFromText,
	uniqueSlug,
	type Contribution
} from '$lib/server/contribute';
import { RIVER_EN, RIVER_ES } from './river-pair';

const TSV_PAIRS: [string, string][] = [
	['The library opens at nine.', 'La biblioteca abre a las nueve.'],
	[
		'Children can borrow three books at a time. They must return them within two weeks.',
		'Los niños pueden llevarse tres libros a la vez. Deben devolverlos en dos semanas.'
	],
	[
		'The reading room is quiet in the afternoon.',
		'La sala de lectura está tranquila por la tarde.'
	],
	[
		'Ask at the front desk for a library card.',
		'Pide un carné de la biblioteca en el mostrador de la entrada.'
	]
];
const TSV = TSV_PAIRS.map(([en, es]) => `${en}\t${es}`).join('\n') + '\n';

const TMX = `<?xml version="1.0" encoding="UTF-8"?>
<tmx version="1.4">
  <header creationtool="test" creationtoolversion="1" segtype="sentence" o-tmf="test" adminlang="en" srclang="en" datatype="plaintext"/>
  <body>
    <tu><tuv xml:lang="en"><seg>Open the window, please.</seg></tuv><tuv xml:lang="es"><seg>Abre la ventana, por favor.</seg></tuv></tu>
    <tu><tuv xml:lang="en-GB"><seg>The train leaves at noon.</seg></tuv><tuv xml:lang="es-PE"><seg>El tren sale al mediodía.</seg></tuv></tu>
    <tu><tuv xml:lang="en"><seg>We &amp; our neighbours were waiting on the platform.</seg></tuv><tuv xml:lang="es"><seg>Nosotros y nuestros vecinos esperábamos en el andén.</seg></tuv></tu>
  </body>
</tmx>
`;

const bytes = (text: string) => new TextEncoder().encode(text);

let dir: string;
let db: Db;

beforeEach(() => {
	dir = mkdtempSync(join(tmpdir(), 'puente-contribute-'));
	db = openDb(join(dir, 'puente.db'));
});

afterEach(() => {
	db.close();
	rmSync(dir, { recursive: true, force: true });
});

const rowCounts = () => ({
	documents: (db.prepare('SELECT count(*) n FROM documents').get() as { n: number }).n,
	alignments: (db.prepare('SELECT count(*) n FROM alignments').get() as { n: number }).n
});

function expectOk(result: Contribution): Extract<Contribution, { ok: true }> {
	if (!result.ok) throw new Error(`expected success, got ${JSON.stringify(result.errors)}`);
	return result;
}

function expectRefused(result: Contribution, field: string, code: string) {
	expect(result.ok).toBe(false);
	if (result.ok) return;
	expect(result.errors.map((e) => [e.field, e.error.code])).toContainEqual([field, code]);
}

describe('pasting', () => {
	it('a pair becomes an English document and a Spanish one that translates it', () => {
		const result = expectOk(
			addPair(db, { title: 'Flood on the river', en: RIVER_EN, es: RIVER_ES, via: 'paste' })
		);
		expect(result.slug).toBe('flood-on-the-river');
		const [enId, esId] = result.documentIds;
		const en = getDocument(db, enId)!;
		const es = getDocument(db, esId)!;
		expect(en.text).toBe(RIVER_EN);
		expect(es.text).toBe(RIVER_ES);
		expect(es.translationOf).toBe(en.id);
		expect(en.translationOf).toBeNull();
		expect(es.slug).toBe('flood-on-the-river-es');
		expect(en.origin).toBe('user');
		expect(en.languages.en).toBeGreaterThan(0.9);
		expect(es.languages.es).toBeGreaterThan(0.9);
	});

	it('a single text without a title is named after its first line', () => {
		const text = `Año nuevo en Lima\n\n${RIVER_ES}`;
		const result = expectOk(addText(db, { title: '  ', text, via: 'paste' }));
		const doc = getDocument(db, result.slug)!;
		expect(doc.title).toBe('Año nuevo en Lima');
		expect(doc.slug).toBe('ano-nuevo-en-lima');
		expect(doc.translationOf).toBeNull();
	});

	it('refuses an empty text, naming the field, and writes nothing', () => {
		const before = rowCounts();
		expectRefused(
			addText(db, { title: 'Kept title', text: ' \n\t ', via: 'paste' }),
			'text',
			'text-empty'
		);
		const pair = addPair(db, { title: 'Kept', en: RIVER_EN, es: '', via: 'paste' });
		expectRefused(pair, 'es', 'text-empty');
		expect(rowCounts()).toEqual(before);
	});

	it('refuses a text over 5 MB', () => {
		const before = rowCounts();
		const huge = 'The end is near. '.repeat(Math.ceil((5 * 1024 * 1024) / 17) + 10);
		expectRefused(addText(db, { title: '', text: huge, via: 'paste' }), 'text', 'text-too-large');
		expect(rowCounts()).toEqual(before);
	});

	it('warns when both sides look English, and adds them once the person confirms', () => {
		const before = rowCounts();
		const result = addPair(db, { title: '', en: RIVER_EN, es: RIVER_EN, via: 'paste' });
		expectRefused(result, 'es', 'side-wrong-language');
		expect(result.ok ? [] : result.languages).toEqual([
			{ side: 'es', detected: 'en', share: expect.any(Number) }
		]);
		expect(rowCounts()).toEqual(before);
		expectOk(
			addPair(db, { title: '', en: RIVER_EN, es: RIVER_EN, via: 'paste', sides: 'confirmed' })
		);
		expect(rowCounts().documents).toBe(before.documents + 2);
	});

	it('swaps sides pasted the wrong way round when asked', () => {
		const wrong = addPair(db, { title: 'Swapped', en: RIVER_ES, es: RIVER_EN, via: 'paste' });
		expect(wrong.ok ? [] : wrong.languages?.map((l) => [l.side, l.detected])).toEqual([
			['en', 'es'],
			['es', 'en']
		]);
		const result = expectOk(
			addPair(db, { title: 'Swapped', en: RIVER_ES, es: RIVER_EN, via: 'paste', sides: 'swap' })
		);
		expect(getDocument(db, result.documentIds[0])!.text).toBe(RIVER_EN);
		expect(getDocument(db, result.documentIds[1])!.text).toBe(RIVER_ES);
	});
});

describe('slugs', () => {
	it('are ASCII, never all digits, and unique', () => {
		expect(slugify('¿Qué pasó en Perú?')).toBe('que-paso-en-peru');
		expect(slugify('1984')).toBe('text-1984');
		expect(slugify('—')).toBe('text');
		const first = expectOk(addText(db, { title: 'Same title', text: RIVER_EN, via: 'paste' }));
		const second = expectOk(addText(db, { title: 'Same title', text: RIVER_ES, via: 'paste' }));
		const third = expectOk(
			addPair(db, { title: 'Same title', en: RIVER_EN, es: RIVER_ES, via: 'paste' })
		);
		expect([first.slug, second.slug, third.slug]).toEqual([
			'same-title',
			'same-title-2',
			'same-title-3'
		]);
		expect(getDocument(db, third.documentIds[1])!.slug).toBe('same-title-3-es');
		expect(getDocument(db, 'same-title')!.text).toBe(RIVER_EN);
		expect(uniqueSlug(db, 'same-title')).toBe('same-title-4');
	});

	it('a long first line makes a shortened title', () => {
		const title = titleFromText(`${'word '.repeat(40)}\nsecond line`);
		expect(title.length).toBeLessThanOrEqual(101);
		expect(title.endsWith('…')).toBe(true);
	});
});

describe('importing a memory', () => {
	function importedPair(result: Contribution) {
		const { documentIds } = expectOk(result);
		const [en, es] = documentIds.map((id) => getDocument(db, id)!);
		const passages = alignmentsOf(db, en.id);
		expect(passages).toHaveLength(1);
		const texts = passages[0].beads.map((b) => [
			b.en.map((i) => en.detection.sentences[i].text).join(' '),
			b.es.map((i) => es.detection.sentences[i].text).join(' ')
		]);
		return { en, es, passage: passages[0], texts };
	}

	it('TSV: two linked documents and the memory’s pairs stored as the alignment', () => {
		const { en, es, passage, texts } = importedPair(
			importMemory(db, { title: '', fileName: 'library_notices.tsv', bytes: bytes(TSV) })
		);
		expect(en.title).toBe('library notices');
		expect(es.translationOf).toBe(en.id);
		expect(en.text.split('\n\n')).toEqual(TSV_PAIRS.map(([e]) => e));
		expect(es.text.split('\n\n')).toEqual(TSV_PAIRS.map(([, s]) => s));
		expect(texts).toEqual(TSV_PAIRS);
		expect(passage.beads.every((b) => b.confidence === 1)).toBe(true);
		// The second unit holds two sentences on each side: still one bead.
		expect(passage.beads[1].en).toHaveLength(2);
		expect(passage.edited).toBe(true);
	});

	it('TMX: the units in order, whatever the regional language codes', () => {
		const { texts } = importedPair(
			importMemory(db, { title: 'Travel', fileName: 'travel.tmx', bytes: bytes(TMX) })
		);
		expect(texts).toEqual([
			['Open the window, please.', 'Abre la ventana, por favor.'],
			['The train leaves at noon.', 'El tren sale al mediodía.'],
			[
				'We & our neighbours were waiting on the platform.',
				'Nosotros y nuestros vecinos esperábamos en el andén.'
			]
		]);
	});

	it('the imported pairing survives the reader asking for alignments', async () => {
		const { ensureAlignments } = await import('$lib/server/alignments');
		const { en, passage } = importedPair(
			importMemory(db, { title: '', fileName: 'x.tsv', bytes: bytes(TSV) })
		);
		ensureAlignments(db, en);
		expect(alignmentsOf(db, en.id)).toEqual([passage]);
	});

	it.each([
		[
			'malformed TMX',
			'broken.tmx',
			bytes(
				'<tmx version="1.4"><header srclang="en"/><body><tu><tuv xml:lang="en"><seg>Hi</tuv></body></tmx>'
			),
			'format-invalid'
		],
		[
			'a TSV line without a tab',
			'pairs.tsv',
			bytes('Good morning\tBuenos días\nGood night Buenas noches\n'),
			'format-invalid'
		],
		[
			'a TSV with a third column',
			'pairs.tsv',
			bytes('Good morning\tBuenos días\t0.9\n'),
			'format-invalid'
		],
		['an empty file', 'pairs.tsv', bytes(''), 'text-empty'],
		[
			'a binary file',
			'pairs.tsv',
			new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0, 0, 0, 8, 0, 0]),
			'file-binary'
		],
		[
			'Latin-1 bytes',
			'pairs.tsv',
			new Uint8Array([...bytes('Good morning\tBuenos d'), 0xed, 0x61, 0x73, 0x0a]),
			'file-not-utf8'
		],
		[
			'a TMX with no Spanish',
			'en.tmx',
			bytes(TMX.replace(/<tuv xml:lang="es[^"]*"><seg>[^<]*<\/seg><\/tuv>/g, '')),
			'side-empty'
		]
	])('refuses %s and writes nothing', (_, fileName, content, code) => {
		const before = rowCounts();
		expectRefused(importMemory(db, { title: 'Kept', fileName, bytes: content }), 'memory', code);
		expect(rowCounts()).toEqual(before);
	});

	it('says which TSV line is wrong', () => {
		const result = importMemory(db, {
			title: '',
			fileName: 'p.tsv',
			bytes: bytes('a\tb\nno tab here\n')
		});
		expect(result.ok ? undefined : result.errors[0].error.params).toMatchObject({
			format: 'TSV',
			line: 2,
			reason: 'no-tab'
		});
	});

	it('warns when the TSV columns are the wrong way round', () => {
		const swapped = TSV_PAIRS.map(([en, es]) => `${es}\t${en}`).join('\n');
		const before = rowCounts();
		expectRefused(
			importMemory(db, { title: '', fileName: 'p.tsv', bytes: bytes(swapped) }),
			'memory',
			'side-wrong-language'
		);
		expect(rowCounts()).toEqual(before);
		const { texts } = importedPair(
			importMemory(db, { title: '', fileName: 'p.tsv', bytes: bytes(swapped), sides: 'swap' })
		);
		expect(texts).toEqual(TSV_PAIRS);
	});
});

describe('export', () => {
	it('writes the imported pairs as TMX that validates against the TMX 1.4 DTD, and as TSV and JSON', () => {
		const { slug } = expectOk(
			importMemory(db, { title: 'Notices', fileName: 'n.tsv', bytes: bytes(TSV) })
		);
		const tmx = buildExport(db, slug, 'tmx');
		if (!tmx.ok) throw new Error(tmx.error.code);
		expect(tmx.value.fileName).toBe('notices.tmx');
		const file = join(dir, 'out.tmx');
		writeFileSync(file, tmx.value.body);
		const dtd = resolve(import.meta.dirname, '../../fixtures/formats/tmx14.dtd');
		execFileSync('xmllint', ['--noout', '--dtdvalid', dtd, file]);
		expect(tmx.value.body).toContain('<seg>La biblioteca abre a las nueve.</seg>');

		const tsv = buildExport(db, slug, 'tsv');
		if (!tsv.ok) throw new Error(tsv.error.code);
		expect(readTsv(tsv.value.body).map((u) => [u.en, u.es])).toEqual(TSV_PAIRS);
		const json = buildExport(db, `${slug}-es`, 'json');
		expect(json.ok && JSON.parse(json.value.body).beads).toHaveLength(TSV_PAIRS.length);
	});

	it('has nothing to export for a document without a translation', () => {
		const { slug } = expectOk(addText(db, { title: 'Alone', text: RIVER_EN, via: 'paste' }));
		const result = buildExport(db, slug, 'tmx');
		expect(result.ok ? undefined : result.error).toEqual({
			code: 'not-found',
			key: 'contribute:export.noAlignment'
		});
		expect(buildExport(db, 'no-such-document', 'tmx')).toMatchObject({
			ok: false,
			error: { code: 'not-found' }
		});
	});

	it('a pasted pair is aligned on export', () => {
		const { slug } = expectOk(
			addPair(db, { title: 'Flood', en: RIVER_EN, es: RIVER_ES, via: 'paste' })
		);
		const result = buildExport(db, slug, 'tsv');
		if (!result.ok) throw new Error(result.error.code);
		const [first] = readTsv(result.value.body);
		expect([first.en, first.es]).toEqual([
			'The river rose overnight after three days of heavy rain.',
			'El río creció durante la noche después de tres días de lluvias intensas.'
		]);
	});
});
