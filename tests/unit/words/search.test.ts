import { beforeAll, describe, expect, it } from 'vitest';
import { WordKnowledge } from '../../../src/lib/core/words/features';
import { lexicalMatrix } from '../../../src/lib/core/words/learn';
import { loadWordResources } from '../../../src/lib/core/words/resources';
import { anchorsOf, linkPosteriors } from '../../../src/lib/core/words/search';
import { tokenizeSentence } from '../../../src/lib/core/words/tokens';

let knowledge: WordKnowledge;
beforeAll(async () => {
	knowledge = new WordKnowledge(await loadWordResources());
});

function transpose(matrix: Float64Array, m: number, n: number): Float64Array {
	const t = new Float64Array(m * n);
	for (let i = 0; i < m; i++) for (let j = 0; j < n; j++) t[j * m + i] = matrix[i * n + j];
	return t;
}

describe('linkPosteriors', () => {
	it('gives the same links whichever language is the source (both directions agree)', () => {
		const en = tokenizeSentence(
			'In a dramatic turn of events, the historical agenda of neoliberalism was rejected at the polls.',
			'en'
		).map((t) => knowledge.facts(t, 'en'));
		const es = tokenizeSentence(
			'En un giro dramático de los acontecimientos, la agenda histórica del neoliberalismo fue rechazada en las urnas.',
			'es'
		).map((t) => knowledge.facts(t, 'es'));
		const m = en.length;
		const n = es.length;
		const scores = lexicalMatrix(en, es, knowledge);
		const forward = linkPosteriors(scores, m, n);
		const backward = linkPosteriors(transpose(scores, m, n), n, m);
		const back = transpose(backward, n, m);
		for (let k = 0; k < m * n; k++) expect(back[k]).toBeCloseTo(forward[k], 12);
		const anchors = anchorsOf(forward, m, n);
		const second = linkPosteriors(scores, m, n, undefined, anchors);
		const secondBack = linkPosteriors(
			transpose(scores, m, n),
			n,
			m,
			undefined,
			anchors.map(([i, j]) => [j, i])
		);
		const secondBackT = transpose(secondBack, n, m);
		for (let k = 0; k < m * n; k++) expect(secondBackT[k]).toBeCloseTo(second[k], 12);
		// And the anchors find the obvious pairs.
		const words = anchors.map(([i, j]) => `${en[i].folded}=${es[j].folded}`);
		expect(words).toEqual(expect.arrayContaining(['dramatic=dramatico', 'polls=urnas']));
	});

	it('leaves every posterior between 0 and 1, and a token with no evidence mostly unlinked', () => {
		const scores = new Float64Array([1, 0, 0, 0, 0, 0, 0, 0, 1]);
		const p = linkPosteriors(scores, 3, 3);
		for (const x of p) expect(x).toBeGreaterThanOrEqual(0);
		for (const x of p) expect(x).toBeLessThanOrEqual(1);
		expect(p[0]).toBeGreaterThan(0.5);
		expect(p[8]).toBeGreaterThan(0.5);
		expect(p[4]).toBeLessThan(0.5);
	});
});
