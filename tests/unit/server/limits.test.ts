// Limits that say what they are: 5 MB per text everywhere, a JSON body cap sized for two such
// texts, a clear "busy, try again" past the bound on concurrent alignments, and no stack
// overflow at sizes below the limit.
import { afterAll, describe, expect, it, vi } from 'vitest';
import { segmentSentences } from '$lib/core/text/sentences';
import { MAX_INPUT_BYTES } from '$lib/core/text/decode';
import { buildPairFeatures, OverlapCounter } from '$lib/core/align/features';
import { findAnchors } from '$lib/core/align/anchors';
import { findWraps } from '$lib/core/align/wrapped';
import { jsonBodyLimit, readJsonBody } from '$lib/server/http';
import { HeavyJobs, heavyJobs } from '$lib/server/heavy-jobs';
import { closePool } from '$lib/server/analysis-pool';
import { POST } from '../../../src/routes/api/align/+server';

afterAll(() => closePool());

const MB = 1024 * 1024;

/** A text of about `bytes` bytes: numbered lines of prose joined by single newlines (one paragraph). */
function oneParagraph(bytes: number): string {
	const lines: string[] = [];
	let size = 0;
	for (let k = 0; size < bytes; k++) {
		const line = `line ${k} of a very long paragraph`;
		lines.push(line);
		size += line.length + 1;
	}
	return lines.join('\n');
}

const post = (body: unknown, lang: 'en' | 'es' = 'en') =>
	POST({
		request: new Request('http://localhost/api/align', {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify(body)
		}),
		locals: { lang }
	} as never) as Promise<Response>;

describe('no stack overflow below the limit', () => {
	it('segments a one-paragraph text of nearly 5 MB (over 120,000 lines)', () => {
		const text = oneParagraph(MAX_INPUT_BYTES - 1024);
		expect(text.split('\n').length).toBeGreaterThan(120_000);
		const sentences = segmentSentences(text);
		expect(sentences.length).toBeGreaterThan(0);
		expect(sentences.at(-1)!.end).toBeLessThanOrEqual(text.length);
		for (let k = 1; k < sentences.length; k++)
			expect(sentences[k].start).toBeGreaterThanOrEqual(sentences[k - 1].end);
	});

	it('looks for hard-wrapped lines among 150,000 presplit units', () => {
		const lines = Array.from({ length: 150_000 }, (_, k) => `line ${k} of a long file`);
		expect(() => findWraps(lines)).not.toThrow();
	});

	it('finds anchors between 150,000 presplit units per side', () => {
		const words = ['river', 'bridge', 'farmer', 'mayor', 'road', 'week', 'rain', 'night'];
		const palabras = [
			'río',
			'puente',
			'granjero',
			'alcalde',
			'camino',
			'semana',
			'lluvia',
			'noche'
		];
		const n = 150_000;
		const en = Array.from({ length: n }, (_, k) => `${words[k % 8]} ${words[(k >> 3) % 8]} ${k}`);
		const es = Array.from(
			{ length: n },
			(_, k) => `${palabras[k % 8]} ${palabras[(k >> 3) % 8]} ${k}`
		);
		const features = buildPairFeatures(en, es);
		const anchors = findAnchors(features, new OverlapCounter(features), 0.2);
		// Each unit's number is shared only with its translation: far more than 125,000 candidates chain.
		expect(anchors.length).toBeGreaterThan(125_000);
		for (let k = 1; k < anchors.length; k++) {
			expect(anchors[k].en).toBeGreaterThan(anchors[k - 1].en);
			expect(anchors[k].es).toBeGreaterThan(anchors[k - 1].es);
		}
	}, 120_000);
});

describe('/api/align limits', () => {
	it('reads a body of two 4.6 MB sides, and names the real cap past it', async () => {
		const side = 'x'.repeat(Math.round(4.6 * MB));
		const body = JSON.stringify({ en: side, es: side });
		const read = await readJsonBody(new Request('http://localhost/', { method: 'POST', body }), {
			texts: 2
		});
		expect(read.ok).toBe(true);

		const tooBig = 'y'.repeat(jsonBodyLimit(2));
		const refused = await readJsonBody(
			new Request('http://localhost/', {
				method: 'POST',
				body: JSON.stringify({ en: tooBig, es: '' })
			}),
			{ texts: 2 }
		);
		expect(refused).toMatchObject({
			ok: false,
			error: { code: 'text-too-large', key: 'errors:body-too-large' }
		});
		const limitMb = Number(!refused.ok && refused.error.params?.limitMb);
		expect(limitMb).toBeGreaterThan(2 * 4.6);
		expect(limitMb * MB).toBeGreaterThanOrEqual(jsonBodyLimit(2) - 0.05 * MB);
	});

	it('a side over 5 MB is refused with the 5 MB limit named, after the body was accepted', async () => {
		const response = await post({ en: 'a'.repeat(MAX_INPUT_BYTES + 10), es: 'hola' });
		expect(response.status).toBe(413);
		const { error } = await response.json();
		expect(error.code).toBe('text-too-large');
		expect(error.message).toContain('5 MB');
	});

	it('aligns in the worker pool', async () => {
		const response = await post({
			en: 'The river rose. The bridge closed.',
			es: 'El río creció. El puente cerró.'
		});
		expect(response.status).toBe(200);
		const body = await response.json();
		expect(body.beads.map((b: { en: number[]; es: number[] }) => [b.en, b.es])).toEqual([
			[[0], [0]],
			[[1], [1]]
		]);
	});

	it('past the bound on concurrent alignments: 503, Retry-After, a translated "try again"', async () => {
		const full = vi.spyOn(heavyJobs, 'full').mockReturnValue(true);
		try {
			const response = await post({ en: 'The river rose.', es: 'El río creció.' }, 'es');
			expect(response.status).toBe(503);
			expect(Number(response.headers.get('retry-after'))).toBeGreaterThan(0);
			const { error } = await response.json();
			expect(error.code).toBe('busy');
			expect(error.message).toMatch(/ocupado/);
		} finally {
			full.mockRestore();
		}
	});

	it('the bound counts running jobs and frees a slot when one ends', async () => {
		const jobs = new HeavyJobs(1);
		const first = jobs.run({ kind: 'contains-forms', text: 'OEA', entries: [] });
		expect(await jobs.run({ kind: 'contains-forms', text: 'OEA', entries: [] })).toBe('busy');
		expect(await first).toBe(false);
		expect(await jobs.run({ kind: 'contains-forms', text: 'OEA', entries: [] })).toBe(false);
	});
});
