// Background analysis on a real SQLite file: a text is shown at once while a worker thread
// analyses it, the results are stored and served from the store, a document whose analysis
// throws is marked failed without touching anything else (and the server still starts with it
// in the store), and a glossary edit re-analyses only the texts that contain a changed term.
import { afterAll, afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDb, type Db } from '$lib/server/db';
import { addPair, addText } from '$lib/server/contribute';
import { listDocuments } from '$lib/server/documents';
import { alignmentsOf } from '$lib/server/alignments';
import { seedGlossary, createGlossaryEntry } from '$lib/server/glossary';
import {
	AnalysisService,
	analysisFor,
	setAnalysisService,
	type TaskRunner
} from '$lib/server/analysis';
import { closePool, runTask } from '$lib/server/analysis-pool';
import { readerJson, readerPage } from '$lib/server/reader';
import { glossaryMatcher } from '$lib/server/glossary-matching';
import { RIVER_EN, RIVER_ES } from './river-pair';

const LIBRARY_EN =
	'The library opens at nine. Children can borrow three books at a time. The reading room is quiet in the afternoon.';
const LIBRARY_ES =
	'La biblioteca abre a las nueve. Los niños pueden llevarse tres libros a la vez. La sala de lectura está tranquila por la tarde.';
const POISON = 'This text makes the analysis throw.\n\nIt is otherwise an ordinary text.';

let dir: string;
let db: Db;

beforeEach(() => {
	dir = mkdtempSync(join(tmpdir(), 'puente-analysis-'));
	db = openDb(join(dir, 'puente.db'));
	seedGlossary(db);
});

afterEach(() => {
	db.close();
	rmSync(dir, { recursive: true, force: true });
});

afterAll(() => closePool());

function add(title: string, en: string, es: string): number[] {
	const added = addPair(db, { title, en, es, via: 'paste', sides: 'confirmed' });
	if (!added.ok) throw new Error(JSON.stringify(added.errors));
	return added.documentIds;
}

/** The pool, except that the analysis of a text containing `POISON` throws, as a bug would. */
const failingOnPoison: TaskRunner = (task, onProgress) => {
	if (task.kind === 'document' && (task as unknown as { text: string }).text.includes(POISON))
		return Promise.reject(new Error('injected failure'));
	return runTask(task, onProgress);
};

describe('background analysis', () => {
	it('shows a text at once, unanalysed and pending, then serves the stored analysis', async () => {
		const [enId, esId] = add('River', RIVER_EN, RIVER_ES);
		const before = readerPage(db, String(enId), undefined)!;
		expect(before.reader.analysis.state).toBe('pending');
		// Paragraphs stand in for sentences, with no language, and nothing is aligned yet.
		expect(before.reader.documents[enId].sentences.map((s) => s.lang)).toEqual(['und']);
		expect(before.reader.rows.some((r) => r.kind === 'pair')).toBe(false);
		expect(alignmentsOf(db, enId)).toEqual([]);
		const etagBefore = readerJson(db, String(enId), undefined)!.etag;

		await analysisFor(db).idle();
		expect(analysisFor(db).status(enId)).toEqual({ state: 'ready' });
		expect(analysisFor(db).status(esId)).toEqual({ state: 'ready' });
		const after = readerPage(db, String(enId), undefined)!;
		expect(after.reader.analysis.state).toBe('ready');
		expect(after.reader.documents[enId].sentences.map((s) => s.lang)).toEqual([
			'en',
			'en',
			'en',
			'en'
		]);
		expect(after.reader.rows.filter((r) => r.kind === 'pair')).toHaveLength(4);
		// The same data as JSON for a page that fetches it; its ETag follows what it shows.
		const json = readerJson(db, String(enId), undefined)!;
		expect(JSON.parse(Buffer.from(json.body).toString('utf8'))).toEqual(
			JSON.parse(JSON.stringify(after.reader))
		);
		expect(json.etag).not.toBe(etagBefore);
		expect(readerJson(db, String(enId), undefined)!.etag).toBe(json.etag);
		const library = listDocuments(db).find((d) => d.id === esId)!;
		expect(library.sentences).toBe(4);
		expect(library.languages.es).toBeGreaterThan(0.9);
	});

	it('keeps a text pending until its translation is analysed too, so a waiting page sees the pairs', async () => {
		const [enId, esId] = add('River', RIVER_EN, RIVER_ES);
		// The English text's own analysis is done, its translation's not yet: no pairs exist.
		let englishDone!: () => void;
		const englishAnalysed = new Promise<void>((resolve) => (englishDone = resolve));
		let releaseSpanish!: () => void;
		const spanishMayStart = new Promise<void>((resolve) => (releaseSpanish = resolve));
		const runner: TaskRunner = async (task, onProgress) => {
			const text = (task as unknown as { text?: string }).text;
			if (task.kind === 'document' && text === RIVER_ES) {
				englishDone();
				await spanishMayStart;
			}
			return runTask(task, onProgress);
		};
		setAnalysisService(db, new AnalysisService(db, runner, () => {}));
		analysisFor(db).kick();
		await englishAnalysed;
		expect(alignmentsOf(db, enId).filter((a) => a.kind === 'translation')).toEqual([]);
		expect(analysisFor(db).status(enId).state).toBe('pending');
		releaseSpanish();
		await analysisFor(db).idle();
		expect(analysisFor(db).status(enId)).toEqual({ state: 'ready' });
		expect(analysisFor(db).status(esId)).toEqual({ state: 'ready' });
		expect(
			readerPage(db, String(enId), undefined)!.reader.rows.filter((r) => r.kind === 'pair')
		).toHaveLength(4);
	});

	it('a document whose analysis throws is marked failed and logged; the others and the library carry on', async () => {
		const log: string[] = [];
		setAnalysisService(db, new AnalysisService(db, failingOnPoison, (m) => log.push(m)));
		const [riverEn] = add('River', RIVER_EN, RIVER_ES);
		const poison = addText(db, { title: 'Poison', text: POISON, via: 'paste' });
		if (!poison.ok) throw new Error('not added');
		const [libraryEn] = add('Library', LIBRARY_EN, LIBRARY_ES);
		analysisFor(db).kick();
		await analysisFor(db).idle();

		const [poisonId] = poison.documentIds;
		expect(analysisFor(db).status(poisonId)).toMatchObject({
			state: 'failed',
			error: 'injected failure'
		});
		expect(log.join('\n')).toContain(`"${poison.slug}"`);
		for (const id of [riverEn, libraryEn]) expect(analysisFor(db).status(id).state).toBe('ready');
		expect(listDocuments(db)).toHaveLength(5);
		// The failed text is still shown, unanalysed, with its state for the page's note.
		const page = readerPage(db, poison.slug, undefined)!;
		expect(page.reader.analysis.state).toBe('failed');
		expect(page.reader.documents[poisonId].text).toBe(POISON);
		expect(page.reader.documents[poisonId].sentences).toHaveLength(2);
		expect(readerPage(db, String(libraryEn), undefined)!.reader.rows.length).toBeGreaterThan(0);
	});

	it('a server restart with a failed document in the store still starts and serves', async () => {
		setAnalysisService(db, new AnalysisService(db, failingOnPoison, () => {}));
		const poison = addText(db, { title: 'Poison', text: POISON, via: 'paste' });
		if (!poison.ok) throw new Error('not added');
		analysisFor(db).kick();
		await analysisFor(db).idle();
		db.close();

		// The server's own start-up (hooks.server.ts init) on the same file.
		vi.stubEnv('PUENTE_DB', join(dir, 'puente.db'));
		vi.resetModules();
		const { init } = await import('../../../src/hooks.server');
		const { getDb } = await import('$lib/server/db');
		const analysis = await import('$lib/server/analysis');
		await init();
		const served = getDb();
		await analysis.analysisFor(served).idle();
		// Not retried at start: same detector, aligner and text. The bundled corpus is analysed.
		expect(analysis.analysisFor(served).status(poison.documentIds[0]).state).toBe('failed');
		const states = [...analysis.analysisFor(served).states().values()];
		expect(states.filter((s) => s === 'ready').length).toBeGreaterThanOrEqual(5);
		const docs = (await import('$lib/server/documents')).listDocuments(served);
		expect(docs.find((d) => d.slug === poison.slug)).toBeDefined();
		// The page polls this; it says failed (with the reason) for the poisoned text, ready for another.
		const { GET } = await import('../../../src/routes/doc/[id]/status/+server');
		const status = (id: string) =>
			(GET({ params: { id }, locals: { lang: 'en' } } as never) as Response).json();
		expect(await status(poison.slug)).toEqual({ state: 'failed', error: 'injected failure' });
		expect(await status('toma-de-lima-uprising')).toEqual({ state: 'ready' });
		served.close();
		vi.unstubAllEnvs();
		db = openDb(join(dir, 'puente.db'));
	}, 60_000);

	it('a glossary entry that cannot be read is left out and logged; texts are analysed and served', async () => {
		const logged = vi.spyOn(console, 'error').mockImplementation(() => {});
		try {
			db.prepare(
				`UPDATE glossary_entries SET variants = 'not JSON', version = version + 1
				 WHERE id = (SELECT id FROM glossary_entries ORDER BY id LIMIT 1)`
			).run();
			const [enId] = add('River', RIVER_EN, RIVER_ES);
			analysisFor(db).kick();
			await analysisFor(db).idle();
			expect(analysisFor(db).status(enId).state).toBe('ready');
			const page = readerPage(db, String(enId), undefined)!;
			expect(page.reader.rows.filter((r) => r.kind === 'pair')).toHaveLength(4);
			// Where the server parses the glossary itself, the damaged entry is left out and logged.
			const live = db
				.prepare('SELECT count(*) n FROM glossary_entries WHERE deleted = 0')
				.get() as {
				n: number;
			};
			expect(glossaryMatcher(db).entries.size).toBe(live.n - 1);
			expect(logged.mock.calls.flat().join('\n')).toContain('cannot be read');
		} finally {
			logged.mockRestore();
		}
	});

	it('a glossary edit re-analyses only the texts that contain a changed form', async () => {
		const tasks: { kind: string; text?: string }[] = [];
		const counting: TaskRunner = (task, onProgress) => {
			tasks.push({ kind: task.kind, text: (task as unknown as { text?: string }).text });
			return runTask(task, onProgress);
		};
		setAnalysisService(db, new AnalysisService(db, counting));
		const [riverEn, riverEs] = add('River', RIVER_EN, RIVER_ES);
		const [libraryEn] = add('Library', LIBRARY_EN, LIBRARY_ES);
		analysisFor(db).kick();
		await analysisFor(db).idle();
		tasks.length = 0;

		const created = createGlossaryEntry(db, {
			type: 'place',
			es: 'puente viejo',
			en: 'old bridge',
			variants: [],
			explanation: { en: 'The bridge over the river.', es: 'El puente sobre el río.' }
		});
		if (!created.ok) throw new Error(JSON.stringify(created));
		analysisFor(db).kick();
		await analysisFor(db).idle();

		const analysed = tasks.filter((t) => t.kind === 'document').map((t) => t.text);
		expect(analysed.sort()).toEqual([RIVER_EN, RIVER_ES].sort());
		// One search of every analysed text, in one worker job, not one job per text.
		expect(tasks.filter((t) => t.kind === 'reconcile-glossary')).toHaveLength(1);
		expect(tasks.filter((t) => t.kind === 'contains-forms')).toHaveLength(0);
		for (const id of [riverEn, riverEs, libraryEn])
			expect(analysisFor(db).status(id).state).toBe('ready');
		const terms = readerPage(db, String(riverEn), undefined)!.reader.terms[riverEn];
		expect(terms.map((m) => RIVER_EN.slice(m.start, m.end))).toContain('old bridge');
	});
});
