// Stored analyses are recomputed only when DETECTOR_VERSION or ALIGNER_VERSION changes, so a
// change to the detector's or the aligner's output must come with a new version: otherwise
// people keep the old labels and pairs (and their corrections point at the wrong sentences).
// This test runs the worker's own tasks on fixed texts and compares a fingerprint of their
// output with the one recorded for the current version. When it fails: if the output changed
// on purpose, bump the version and record the fingerprint this test prints for it.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DETECTOR_VERSION } from '$lib/server/documents';
import { ALIGNER_VERSION } from '$lib/server/alignments';
import { runAnalysisTask, type GlossaryInput } from '$lib/server/analysis-jobs';
import type { GlossaryEntry } from '$lib/core/glossary';

const recorded = JSON.parse(
	readFileSync(new URL('../../fixtures/analysis-versions.json', import.meta.url), 'utf8')
) as Record<string, string>;

const text = (path: string) => readFileSync(new URL(path, import.meta.url), 'utf8');
const corpus = (name: string) => text(`../../../src/lib/data/corpus/${name}`);
const glossary: GlossaryInput = {
	generation: 'fixture',
	entries: JSON.parse(text('../../../src/lib/data/glossary.json')) as GlossaryEntry[]
};

const TEXTS = {
	article: corpus('poor-in-peru-wont-back-down.txt'),
	translation: corpus('es/poor-in-peru-wont-back-down.txt'),
	mixed: corpus('brutal-repression-la-mosca.txt'),
	manPage: text('../../fixtures/mixed/renice-en-es.txt')
};

/** Numbers rounded, so that a last-digit difference of floating point is not a change. */
const fingerprint = (value: unknown) =>
	createHash('sha256')
		.update(
			JSON.stringify(value, (_, v) => (typeof v === 'number' ? Math.round(v * 100) / 100 : v))
		)
		.digest('hex')
		.slice(0, 16);

const detections = Object.fromEntries(
	Object.entries(TEXTS).map(([name, t]) => [
		name,
		runAnalysisTask({ kind: 'document', text: t, glossary })
	])
) as Record<keyof typeof TEXTS, ReturnType<typeof runAnalysisTask<'document'>>>;

function expectRecorded(version: string, output: unknown) {
	const now = fingerprint(output);
	expect(
		recorded[version],
		`no fingerprint recorded for ${version}: add "${version}": "${now}" to tests/fixtures/analysis-versions.json`
	).toBeDefined();
	expect(
		now,
		`the output changed but ${version} did not: bump the version and record "${now}" for it`
	).toBe(recorded[version]);
}

describe('analysis versions follow their output', () => {
	it('the detector’s output is the one recorded for DETECTOR_VERSION', () => {
		expectRecorded(
			DETECTOR_VERSION,
			Object.values(detections).map((d) => [d.detection, d.repeats, d.marks])
		);
	});

	it('the aligner’s output is the one recorded for ALIGNER_VERSION', () => {
		const beads = runAnalysisTask({
			kind: 'translation',
			enDetection: detections.article.detection,
			esDetection: detections.translation.detection,
			glossary
		});
		const passages = (['mixed', 'manPage'] as const).map((name) =>
			runAnalysisTask({
				kind: 'passages',
				text: TEXTS[name],
				detection: detections[name].detection,
				glossary
			})
		);
		expectRecorded(ALIGNER_VERSION, [beads, passages]);
	});
});
