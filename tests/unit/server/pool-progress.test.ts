// A long alignment says how far it has come: the aligner tells each pass over the whole text
// (the first, then each realignment) with the pairs found, and the worker passes it on to the
// status the reader polls. Listening changes nothing in the result.
import { afterAll, describe, expect, it } from 'vitest';
import { closePool, runTask } from '$lib/server/analysis-pool';
import { runAnalysisTask, type GlossaryInput, type TaskProgress } from '$lib/server/analysis-jobs';
import { alignSentences } from '$lib/core/align/align-sentences';

const GLOSSARY: GlossaryInput = { generation: 'progress-test', entries: [] };
const EN = [
	'The river rose overnight after three days of heavy rain.',
	'By morning the old bridge was closed to traffic.',
	'Farmers on the eastern bank moved their animals to higher ground.',
	'The mayor promised that the road would reopen within a week.',
	'Schools in the valley stayed closed on Tuesday.',
	'Volunteers filled sandbags outside the town hall.'
];
const ES = [
	'El río creció durante la noche después de tres días de lluvias intensas.',
	'Por la mañana el puente viejo estaba cerrado al tráfico.',
	'Los agricultores de la orilla oriental llevaron sus animales a tierras más altas.',
	'El alcalde prometió que la carretera se reabriría en una semana.',
	'Las escuelas del valle siguieron cerradas el martes.',
	'Los voluntarios llenaron sacos de arena frente al ayuntamiento.'
];

afterAll(() => closePool());

describe('alignment progress', () => {
	it('the aligner tells each pass, in order, and its beads are the same as without listening', () => {
		const heard: { pass: number; passes: number; pairs: number }[] = [];
		const beads = alignSentences(EN, ES, { onPass: (p) => heard.push(p) });
		expect(beads).toEqual(alignSentences(EN, ES));
		expect(heard.length).toBeGreaterThanOrEqual(1);
		expect(heard.map((p) => p.pass)).toEqual(heard.map((_, k) => k + 1));
		for (const p of heard) {
			expect(p.passes).toBeGreaterThanOrEqual(heard.length);
			expect(p.pairs).toBeGreaterThan(0);
			expect(p.pairs).toBeLessThanOrEqual(EN.length);
		}
	});

	it("a translation's alignment in a worker reports its passes and pairs", async () => {
		const side = (text: string) =>
			runAnalysisTask({ kind: 'document', text, glossary: GLOSSARY }).detection;
		const task = {
			kind: 'translation' as const,
			enDetection: side(EN.join(' ')),
			esDetection: side(ES.join(' ')),
			glossary: GLOSSARY
		};
		const progress: TaskProgress[] = [];
		const beads = await runTask(task, (p) => progress.push(p));
		expect(beads).toEqual(runAnalysisTask(task));
		const passes = progress.filter((p) => p.pass !== undefined);
		expect(passes.length).toBeGreaterThanOrEqual(1);
		expect(passes[0]).toMatchObject({ phase: 'aligning', pass: 1 });
		expect(passes.every((p) => p.passes! >= p.pass! && p.pairs! > 0)).toBe(true);
		// The last word is the finished alignment's pairs.
		expect(progress[progress.length - 1]).toMatchObject({ phase: 'aligning', pairs: beads.length });
	});
});
