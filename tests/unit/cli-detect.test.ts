import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../../src/cli/main';
import { MAX_INPUT_BYTES } from '../../src/lib/core/text/decode';
import { fakeIO } from './cli-io';

const mixed =
	'The protests spread from the south to the capital within a few weeks. Thousands travelled by bus to join them.\n\n' +
	'Las protestas se extendieron desde el sur hasta la capital. Miles de personas viajaron en autobús. 🎉\n\n' +
	'https://www.example.org/peru\n';

let dir: string;
beforeAll(() => {
	dir = mkdtempSync(join(tmpdir(), 'puente-cli-detect-'));
	writeFileSync(join(dir, 'mixed.txt'), `\ufeff${mixed}`);
	writeFileSync(join(dir, 'empty.txt'), '');
	writeFileSync(
		join(dir, 'latin1.txt'),
		Buffer.from([0x50, 0x65, 0x72, 0xfa, 0x20, 0x61, 0xf1, 0x6f])
	);
	writeFileSync(join(dir, 'binary.bin'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d]));
	writeFileSync(join(dir, 'huge.txt'), Buffer.alloc(MAX_INPUT_BYTES + 10, 'a'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('puente detect', () => {
	it('prints one valid JSON run a line, in order, with offsets into the text without its BOM', async () => {
		const t = fakeIO();
		expect(await main(['detect', join(dir, 'mixed.txt')], t.io)).toBe(0);
		const runs = t
			.stdout()
			.trimEnd()
			.split('\n')
			.map((line) => JSON.parse(line));
		expect(runs.map((r) => r.lang)).toEqual(['en', 'es', 'und']);
		let previousEnd = 0;
		for (const run of runs) {
			expect(Object.keys(run)).toEqual(['start', 'end', 'lang', 'confidence']);
			expect(run.start).toBeGreaterThanOrEqual(previousEnd);
			expect(run.end).toBeLessThanOrEqual(mixed.length);
			expect(run.confidence).toBe(Math.round(run.confidence * 1000) / 1000);
			previousEnd = run.end;
		}
		expect(mixed.slice(runs[0].start, runs[0].end)).toMatch(/^The protests.*join them\.$/);
		expect(mixed.slice(runs[1].start, runs[1].end)).toMatch(/^Las protestas.*🎉$/s);
		expect(t.stderr()).toBe('');
	});

	it('reads standard input and prints marked text for people', async () => {
		const t = fakeIO(new TextEncoder().encode(mixed));
		expect(await main(['detect', '-', '--format', 'text'], t.io)).toBe(0);
		expect(t.stdout()).toMatch(/^── en \(\d\.\d\d\) ──\nThe protests/);
		expect(t.stdout()).toContain('── es (');
		expect(t.stdout()).toContain('── und (');
	});

	it.each([
		['a missing file', () => [join(dir, 'nope.txt')]],
		['a directory', () => [dir]],
		['an empty file', () => [join(dir, 'empty.txt')]],
		['a file that is not UTF-8', () => [join(dir, 'latin1.txt')]],
		['a binary file', () => [join(dir, 'binary.bin')]],
		['a file over 5 MB', () => [join(dir, 'huge.txt')]],
		['an unknown option', () => [join(dir, 'mixed.txt'), '--verbose']],
		['an unknown format', () => [join(dir, 'mixed.txt'), '--format', 'xml']],
		['no file at all', () => []]
	])('refuses %s with a message and exit code 2', async (_, args) => {
		const t = fakeIO();
		expect(await main(['detect', ...args()], t.io)).toBe(2);
		expect(t.stderr()).toMatch(/^puente: /);
		expect(t.stderr()).not.toMatch(/\n\s+at /);
		expect(t.stdout()).toBe('');
	});
});
