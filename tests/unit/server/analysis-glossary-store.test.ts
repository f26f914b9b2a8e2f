// A task names the glossary of a file store by the store's file and generation, and the thread
// that runs it reads the rows itself, once per generation (issue #12: the rows no longer cross
// from the server's thread into every task). The analysis must be the one the rows would give;
// an in-memory store, which no other thread can open, still sends its rows.
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDb, type Db } from '$lib/server/db';
import { createGlossaryEntry } from '$lib/server/glossary';
import { glossaryGeneration, glossaryRows } from '$lib/server/glossary-matching';
import { detectInWorker } from '$lib/server/analysis';
import { glossaryForWorker } from '$lib/server/glossary-matching';
import { closePool, runTask } from '$lib/server/analysis-pool';
import { runAnalysisTask, type GlossaryInput } from '$lib/server/analysis-jobs';

const TEXT =
	'The harvest fair opened in the square. Everyone wanted to see the golden carrot.\n\nLa feria abrió en la plaza. Todos querían ver la zanahoria dorada.';

const entry = (es: string, en: string) => ({
	type: 'concept',
	es,
	en,
	variants: [],
	explanation: { en: 'A test entry.', es: 'Una entrada de prueba.' }
});

let dir: string;
let db: Db;

beforeEach(() => {
	dir = mkdtempSync(join(tmpdir(), 'puente-glossary-store-'));
	db = openDb(join(dir, 'puente.db'));
	const saved = createGlossaryEntry(db, entry('zanahoria dorada', 'golden carrot'));
	if (!saved.ok) throw new Error(JSON.stringify(saved));
});

afterEach(() => {
	db.close();
	rmSync(dir, { recursive: true, force: true });
});

afterAll(() => closePool());

const marked = (analysis: { marks: { start: number; end: number }[] }) =>
	analysis.marks.map((m) => TEXT.slice(m.start, m.end));

/** The same glossary as rows, under a name of its own so that no cache answers for it. */
const asRows = (label: string): GlossaryInput => ({ generation: label, rows: glossaryRows(db) });

describe('the glossary of a task, read by the thread that runs it', () => {
	it('a file store is named, not copied; an in-memory store sends its rows', () => {
		const input = glossaryForWorker(db);
		expect(input).toEqual({ generation: glossaryGeneration(db), store: join(dir, 'puente.db') });
		const memory = openDb(':memory:');
		try {
			createGlossaryEntry(memory, entry('molino rojo', 'red mill'));
			const sent = glossaryForWorker(memory);
			expect(sent.store).toBeUndefined();
			expect(sent.rows?.map(([, es]) => es)).toEqual(['molino rojo']);
			// Read once per generation: the same rows again while the glossary is unchanged.
			expect(glossaryForWorker(memory, sent)).toBe(sent);
			createGlossaryEntry(memory, entry('torre del reloj', 'clock tower'));
			expect(glossaryForWorker(memory, sent).rows).toHaveLength(2);
		} finally {
			memory.close();
		}
	});

	it('in a worker, analyses exactly as the rows would, and marks the store’s terms', async () => {
		const fromStore = await runTask({
			kind: 'document',
			text: TEXT,
			glossary: glossaryForWorker(db)
		});
		const fromRows = runAnalysisTask({
			kind: 'document',
			text: TEXT,
			glossary: asRows(`rows-${dir}`)
		});
		expect(fromStore).toEqual(fromRows);
		expect(marked(fromStore)).toEqual(['golden carrot', 'zanahoria dorada']);
	});

	it('reads the rows once per generation, and again after a change', () => {
		const first = glossaryForWorker(db);
		expect(marked(runAnalysisTask({ kind: 'document', text: TEXT, glossary: first }))).toEqual([
			'golden carrot',
			'zanahoria dorada'
		]);
		// The same generation again: the glossary built for it answers, the store is not read (a
		// file that does not exist would fail the task otherwise).
		const gone = { generation: first.generation, store: join(dir, 'no-such.db') };
		expect(marked(runAnalysisTask({ kind: 'document', text: TEXT, glossary: gone }))).toEqual([
			'golden carrot',
			'zanahoria dorada'
		]);
		// A new entry is a new generation: read again.
		createGlossaryEntry(db, entry('feria de la cosecha', 'harvest fair'));
		const second = glossaryForWorker(db);
		expect(second.generation).not.toBe(first.generation);
		const analysis = runAnalysisTask({ kind: 'document', text: TEXT, glossary: second });
		expect(marked(analysis)).toEqual(['harvest fair', 'golden carrot', 'zanahoria dorada']);
		expect(analysis).toEqual(
			runAnalysisTask({ kind: 'document', text: TEXT, glossary: asRows(`rows-2-${dir}`) })
		);
	});

	it('a task named by an older generation gets the store’s current glossary', () => {
		const old = glossaryForWorker(db);
		createGlossaryEntry(db, entry('feria de la cosecha', 'harvest fair'));
		const analysis = runAnalysisTask({ kind: 'document', text: TEXT, glossary: old });
		expect(marked(analysis)).toEqual(['harvest fair', 'golden carrot', 'zanahoria dorada']);
	});

	it('a store that cannot be read fails the task with the reason', () => {
		const missing = { generation: `never-built-${dir}`, store: join(dir, 'no-such.db') };
		expect(() => runAnalysisTask({ kind: 'document', text: TEXT, glossary: missing })).toThrow(
			/glossary could not be read from the store/
		);
	});

	it('detects a request’s text in a worker with the file store’s glossary', async () => {
		const detection = await detectInWorker(db, TEXT);
		if (detection === 'busy') throw new Error('busy');
		expect(detection.sentences.map((s) => s.lang)).toEqual(['en', 'en', 'es', 'es']);
	});
});
