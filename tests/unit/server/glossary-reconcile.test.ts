// The re-marking after a large glossary change: a few thousand entries imported at once, one
// changed and one removed, and exactly the analysed texts that contain a form of an added,
// changed (old or new form) or removed entry are marked for re-analysis, the others left as they
// are; the record of the glossary is then the current one, so a second pass marks nothing. On a
// file store the work is the worker pool's (its own connection), on an in-memory store this
// thread's: both must decide the same.
import { afterAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDb, type Db } from '$lib/server/db';
import { insertDocument } from '$lib/server/documents';
import {
	createGlossaryEntry,
	deleteGlossaryEntry,
	importGlossary,
	updateGlossaryEntry
} from '$lib/server/glossary';
import { glossaryGeneration } from '$lib/server/glossary-matching';
import { AnalysisService, type TaskRunner } from '$lib/server/analysis';
import { closePool, runTask } from '$lib/server/analysis-pool';
import { runAnalysisTask } from '$lib/server/analysis-jobs';

afterAll(() => closePool());

/** Texts by what they contain; each entry's forms below occur in the one text named for it. */
const TEXTS = {
	added: 'The harvest fair opened in the square. Everyone wanted to see the golden carrot.',
	oldForm: 'At dusk the red mill turned slowly above the village.',
	newForm: 'Sailors looked for the white lighthouse through the fog.',
	removed: 'The clock tower bell rang twelve times at noon.',
	unchanged: 'Children played near the stone fountain all afternoon.',
	nothing: 'The bakery sold out of bread before eight in the morning.'
};

const entry = (es: string, en: string) => ({
	type: 'place',
	es,
	en,
	variants: [],
	explanation: { en: 'A test entry.', es: 'Una entrada de prueba.' }
});

/** A CSV of `n` made-up entries, with the golden carrot among them. */
function largeGlossaryCsv(n: number): string {
	const lines = ['id,type,es,en,variants,explanation_en,explanation_es'];
	for (let i = 0; i < n; i++) {
		const [es, en] =
			i === Math.floor(n / 2) ? ['zanahoria dorada', 'golden carrot'] : [`voz ${i}`, `word ${i}`];
		lines.push(`large-${i},concept,${es},${en},,Entry ${i}.,Entrada ${i}.`);
	}
	return lines.join('\n');
}

const states = (db: Db, ids: Record<string, number>) => {
	const get = db.prepare('SELECT state FROM analyses WHERE document_id = ?');
	return Object.fromEntries(
		Object.entries(ids).map(([name, id]) => [name, (get.get(id) as { state: string }).state])
	);
};

const onThisThread: TaskRunner = async (task) => runAnalysisTask(task as never) as never;

describe.each([
	{ store: 'a file store, in the worker pool', file: true, run: runTask as TaskRunner },
	{ store: 'an in-memory store, on this thread', file: false, run: onThisThread }
])('re-marking after a large glossary change, $store', ({ file, run }) => {
	it('marks exactly the texts that contain a form of an added, changed or removed entry', async () => {
		const dir = mkdtempSync(join(tmpdir(), 'puente-reconcile-'));
		const db = openDb(file ? join(dir, 'puente.db') : ':memory:');
		try {
			const saved = [
				entry('molino rojo', 'red mill'),
				entry('torre del reloj', 'clock tower'),
				entry('fuente de piedra', 'stone fountain')
			].map((e) => createGlossaryEntry(db, e));
			const [mill, tower] = saved.map((s) => {
				if (!s.ok) throw new Error(JSON.stringify(s));
				return s.entry;
			});
			const ids = Object.fromEntries(
				Object.entries(TEXTS).map(([name, text]) => [
					name,
					insertDocument(db, { slug: name, title: name, origin: 'user', text })
				])
			);
			const tasks: string[] = [];
			const counting: TaskRunner = (task, onProgress) => {
				tasks.push(task.kind);
				return run(task, onProgress);
			};
			const service = new AnalysisService(db, counting, (m) => {
				throw new Error(`unexpected log: ${m}`);
			});
			service.kick();
			await service.idle();
			expect(Object.values(states(db, ids))).toEqual(Object.values(TEXTS).map(() => 'ready'));

			const imported = importGlossary(db, 'csv', largeGlossaryCsv(3000));
			expect(imported.ok && imported.value.added).toBe(3000);
			const moved = updateGlossaryEntry(db, mill.id, mill.version, {
				...entry('faro blanco', 'white lighthouse')
			});
			expect(moved.ok).toBe(true);
			expect(deleteGlossaryEntry(db, tower.id).ok).toBe(true);

			tasks.length = 0;
			await service.reconcileGlossary();
			expect(states(db, ids)).toEqual({
				added: 'pending',
				oldForm: 'pending',
				newForm: 'pending',
				removed: 'pending',
				unchanged: 'ready',
				nothing: 'ready'
			});
			expect(tasks).toEqual(file ? ['reconcile-glossary'] : []);
			const recorded = db
				.prepare("SELECT value FROM analysis_meta WHERE key = 'glossary-generation'")
				.get() as { value: string };
			expect(recorded.value).toBe(glossaryGeneration(db));
			const forms = JSON.parse(
				(
					db.prepare("SELECT value FROM analysis_meta WHERE key = 'glossary-forms'").get() as {
						value: string;
					}
				).value
			) as Record<string, string[]>;
			expect(Object.keys(forms)).toHaveLength(3000 + 2);
			expect(forms[mill.id]).toEqual(['faro blanco', 'white lighthouse']);
			expect(forms[tower.id]).toBeUndefined();

			// Recorded: once the marked texts are analysed again, nothing is marked a second time.
			service.kick();
			await service.idle();
			tasks.length = 0;
			await service.reconcileGlossary();
			expect(tasks).toEqual([]);
			expect(Object.values(states(db, ids))).toEqual(Object.values(TEXTS).map(() => 'ready'));
		} finally {
			db.close();
			rmSync(dir, { recursive: true, force: true });
		}
	}, 120_000);
});
