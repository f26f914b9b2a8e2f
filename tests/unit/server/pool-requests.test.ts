// Heavy work a request asks for runs in the worker pool (request-jobs.ts) and gives exactly
// what the same work gives on the request's own thread: a pair's checks, a memory's import
// (its texts detected there and stored as their analysis), POST /api/detect on a long text.
// Past the bound on heavy jobs the answer is 'busy' and nothing is written.
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDb, type Db } from '$lib/server/db';
import { closePool } from '$lib/server/analysis-pool';
import { HeavyJobs, HUGE_BYTES } from '$lib/server/heavy-jobs';
import { addPair, addPairInPool, importMemory, importMemoryInPool } from '$lib/server/contribute';
import { detectRequest } from '$lib/server/request-jobs';
import { detectLanguages } from '$lib/core/detect';
import { storedDetection } from '$lib/server/documents';
import { seedGlossary } from '$lib/server/glossary';
import { POST as detectPost } from '../../../src/routes/api/detect/+server';

const ENGLISH =
	'The river rose overnight after three days of heavy rain. By morning the old bridge was closed to traffic. The OAS sent observers to Lima.';
const SPANISH =
	'El río creció durante la noche después de tres días de lluvias intensas. Por la mañana el puente viejo estaba cerrado al tráfico. La OEA envió observadores a Lima.';
const TSV = [
	['The library opens at nine.', 'La biblioteca abre a las nueve.'],
	[
		'Children can borrow three books at a time. They must return them within two weeks.',
		'Los niños pueden llevarse tres libros a la vez. Deben devolverlos en dos semanas.'
	],
	['The OAS met in Lima on Monday.', 'La OEA se reunió en Lima el lunes.']
]
	.map(([en, es]) => `${en}\t${es}`)
	.join('\n');

const jobs = new HeavyJobs(2);
let here: Db;
let pooled: Db;

beforeEach(() => {
	here = openDb(':memory:');
	pooled = openDb(':memory:');
	seedGlossary(here);
	seedGlossary(pooled);
});
afterEach(() => {
	here.close();
	pooled.close();
});
afterAll(() => closePool());

/** What a contribution left in the store: the documents and the alignments, without ids' dates. */
function stored(db: Db) {
	return {
		documents: db
			.prepare('SELECT slug, title, origin, translation_of, text, meta FROM documents ORDER BY id')
			.all(),
		alignments: db
			.prepare('SELECT passage, aligner_version, beads, edited FROM alignments ORDER BY id')
			.all() as { beads: string }[]
	};
}

describe('requests in the worker pool', () => {
	it('a pair checked in a worker is stored as addPair stores it', async () => {
		const input = { title: '', en: ENGLISH, es: SPANISH, via: 'paste' as const };
		expect(await addPairInPool(pooled, input, undefined, jobs)).toEqual(addPair(here, input));
		expect(stored(pooled)).toEqual(stored(here));
		expect(stored(pooled).documents).toHaveLength(2);
	});

	it('swapped sides are refused with the same errors and languages, and nothing is written', async () => {
		const input = { title: 'x', en: SPANISH, es: ENGLISH, via: 'paste' as const };
		const result = await addPairInPool(pooled, input, undefined, jobs);
		expect(result).toEqual(addPair(here, input));
		expect(result !== 'busy' && !result.ok && result.languages?.map((l) => l.detected)).toEqual([
			'es',
			'en'
		]);
		expect(stored(pooled).documents).toHaveLength(0);
	});

	it('a memory imported through a worker stores the same documents, pairing and sentences', async () => {
		const input = {
			title: 'Library',
			fileName: 'library.tsv',
			bytes: new TextEncoder().encode(TSV)
		};
		const result = await importMemoryInPool(pooled, { ...input, bytes: input.bytes.slice() }, jobs);
		expect(result).toEqual(importMemory(here, input));
		expect(stored(pooled)).toEqual(stored(here));
		const beads = JSON.parse(stored(pooled).alignments[0].beads);
		expect(beads.map((b: { en: number[] }) => b.en)).toEqual([[0], [1, 2], [3]]);
		// Stored analysed: the page shows the text with its languages before the queue reaches it.
		for (const id of [1, 2])
			expect(storedDetection(pooled, id)?.detection.sentences).toEqual(
				storedDetection(here, id)?.detection.sentences
			);
	});

	it('a memory imported into a file store: the worker reads the glossary from the store itself', async () => {
		const dir = mkdtempSync(join(tmpdir(), 'puente-pool-import-'));
		const onFile = openDb(join(dir, 'store.db'));
		try {
			seedGlossary(onFile);
			const input = {
				title: 'Library',
				fileName: 'library.tsv',
				bytes: new TextEncoder().encode(TSV)
			};
			const result = await importMemoryInPool(
				onFile,
				{ ...input, bytes: input.bytes.slice() },
				jobs
			);
			expect(result).toEqual(importMemory(here, input));
			expect(stored(onFile)).toEqual(stored(here));
			// The glossary term (OAS / OEA) is marked as the thread's import marks it.
			for (const id of [1, 2])
				expect(storedDetection(onFile, id)?.detection).toEqual(
					storedDetection(here, id)?.detection
				);
		} finally {
			onFile.close();
			rmSync(dir, { recursive: true, force: true });
		}
	});

	it("past the bound the answer is 'busy' and nothing is written", async () => {
		const none = new HeavyJobs(0);
		const input = { title: '', en: ENGLISH, es: SPANISH, via: 'paste' as const };
		expect(await addPairInPool(pooled, input, undefined, none)).toBe('busy');
		const memory = { title: '', fileName: 'm.tsv', bytes: new TextEncoder().encode(TSV) };
		expect(await importMemoryInPool(pooled, memory, none)).toBe('busy');
		expect(stored(pooled).documents).toHaveLength(0);
	});

	it('a huge input runs one at a time, whatever the bound; small ones still run beside it', async () => {
		const jobs = new HeavyJobs(3);
		// Not JSON: the worker refuses it at once, after holding the bytes.
		const huge = () =>
			new TextEncoder().encode(' '.repeat(HUGE_BYTES + 1) + 'x').buffer as ArrayBuffer;
		const first = huge();
		const running = jobs.run({ kind: 'detect-request', body: first }, [first]);
		const second = huge();
		expect(await jobs.run({ kind: 'detect-request', body: second }, [second])).toBe('busy');
		const small = new TextEncoder().encode('{"text": "The OAS met in Lima."}')
			.buffer as ArrayBuffer;
		expect(await jobs.run({ kind: 'detect-request', body: small }, [small])).toMatchObject({
			ok: true
		});
		expect(await running).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
		const third = huge();
		expect(await jobs.run({ kind: 'detect-request', body: third }, [third])).not.toBe('busy');
	});

	it('POST /api/detect on a long text answers from a worker what the detector finds here', async () => {
		const text = Array.from({ length: 60 }, (_, i) =>
			i % 2 ? `${SPANISH} (${i})` : `${ENGLISH} (${i})`
		).join('\n\n');
		expect(text.length).toBeGreaterThan(8 * 1024);
		const response = await detectPost({
			request: new Request('http://localhost/api/detect', {
				method: 'POST',
				headers: { 'content-type': 'application/json' },
				body: JSON.stringify({ text })
			}),
			locals: { lang: 'en' }
		} as unknown as Parameters<typeof detectPost>[0]);
		expect(response.status).toBe(200);
		const { runs, sentences } = detectLanguages(text);
		expect(await response.json()).toEqual(JSON.parse(JSON.stringify({ runs, sentences })));
	});

	it('the request task refuses what the route refused before: not JSON, no text', () => {
		const body = (s: string) => new TextEncoder().encode(s).buffer as ArrayBuffer;
		expect(detectRequest(body('[1]'))).toMatchObject({
			ok: false,
			error: { code: 'invalid-input' }
		});
		expect(detectRequest(body('{"text": 3}'))).toMatchObject({
			ok: false,
			error: { code: 'invalid-input' }
		});
		expect(detectRequest(body('{"text": "   "}'))).toMatchObject({
			ok: false,
			error: { code: 'text-empty' }
		});
	});
});
