// The worker pool runs the same core code as the server, in another thread: under vitest the
// worker loads the TypeScript sources through tsx. A task that throws rejects only itself.
import { afterAll, describe, expect, it } from 'vitest';
import { threadId } from 'node:worker_threads';
import { closePool, runTask } from '$lib/server/analysis-pool';
import { runAnalysisTask } from '$lib/server/analysis-jobs';
import type { GlossaryInput, TaskProgress } from '$lib/server/analysis-jobs';
import type { Detection } from '$lib/core/types';

const GLOSSARY: GlossaryInput = {
	generation: 'test-1',
	entries: [
		{
			id: 'oea',
			type: 'organisation',
			es: 'OEA',
			en: 'OAS',
			variants: [],
			explanation: {
				en: 'Organization of American States',
				es: 'Organización de los Estados Americanos'
			}
		}
	]
};

const TEXT =
	'The OAS met in Lima on Monday. Protesters marched to the capital.\n\nLa OEA se reunió en Lima el lunes. Los manifestantes marcharon a la capital.';

afterAll(() => closePool());

describe('analysis pool', () => {
	it('detects in a worker thread exactly what the same code finds in this one, and reports progress', async () => {
		const progress: TaskProgress[] = [];
		const inWorker = await runTask({ kind: 'document', text: TEXT, glossary: GLOSSARY }, (p) =>
			progress.push(p)
		);
		const here = runAnalysisTask({ kind: 'document', text: TEXT, glossary: GLOSSARY });
		expect(inWorker).toEqual(here);
		const detection = JSON.parse(inWorker.detection) as Detection;
		expect(detection.sentences.map((s) => s.lang)).toEqual(['en', 'en', 'es', 'es']);
		expect(inWorker.languages.sort()).toEqual(['en', 'es']);
		expect(inWorker.sentences).toBe(4);
		expect(inWorker.marks.map((m) => TEXT.slice(m.start, m.end))).toEqual(['OAS', 'OEA']);
		expect(progress.map((p) => p.phase)).toContain('marking');
		expect(threadId).toBe(0);
	});

	it('a task that throws in the worker rejects alone; the next task still runs', async () => {
		const broken = runTask({
			kind: 'passages',
			text: TEXT,
			detection: 'not JSON',
			glossary: GLOSSARY
		});
		const fine = runTask({ kind: 'contains-forms', text: TEXT, entries: GLOSSARY.entries! });
		await expect(broken).rejects.toThrow();
		await expect(fine).resolves.toBe(true);
		await expect(
			runTask({ kind: 'contains-forms', text: 'nothing here', entries: GLOSSARY.entries! })
		).resolves.toBe(false);
	});

	it('detects a text for a request in a worker, with the glossary of the store', async () => {
		const { openDb } = await import('$lib/server/db');
		const { seedGlossary } = await import('$lib/server/glossary');
		const { detectInWorker } = await import('$lib/server/analysis');
		const db = openDb(':memory:');
		seedGlossary(db);
		const detection = await detectInWorker(db, TEXT);
		if (detection === 'busy') throw new Error('busy');
		expect(detection.sentences.map((s) => s.lang)).toEqual(['en', 'en', 'es', 'es']);
		db.close();
	});
});
