import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { main } from '../../src/cli/main';
import { fakeIO } from './cli-io';

const fixtures = resolve(__dirname, '../fixtures/words');
const enFile = join(fixtures, 'en.txt');
const esFile = join(fixtures, 'es.txt');

let dir: string;
beforeAll(() => {
	dir = mkdtempSync(join(tmpdir(), 'puente-cli-align-words-'));
	writeFileSync(join(dir, 'short.txt'), 'Miles de manifestantes marcharon a Lima .\n');
	writeFileSync(join(dir, 'latin1.txt'), Buffer.from([0x50, 0x65, 0x72, 0xfa, 0x0a]));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('puente align-words', () => {
	it('prints one line of i-j links per sentence pair, indices within each line’s tokens', async () => {
		const t = fakeIO();
		expect(await main(['align-words', enFile, esFile], t.io)).toBe(0);
		expect(t.stderr()).toBe('');
		const en = readFileSync(enFile, 'utf8').trimEnd().split('\n');
		const es = readFileSync(esFile, 'utf8').trimEnd().split('\n');
		const lines = t.stdout().split('\n');
		expect(lines.pop()).toBe('');
		expect(lines).toHaveLength(en.length);
		lines.forEach((line, k) => {
			expect(line).toMatch(/^(\d+-\d+)( \d+-\d+)*$/);
			const m = en[k].split(' ').length;
			const n = es[k].split(' ').length;
			for (const link of line.split(' ')) {
				const [i, j] = link.split('-').map(Number);
				expect(i).toBeLessThan(m);
				expect(j).toBeLessThan(n);
			}
		});
		const linked = (k: number, enWord: string, esWord: string) =>
			lines[k]
				.split(' ')
				.map((l) => l.split('-').map(Number))
				.some(([i, j]) => en[k].split(' ')[i] === enWord && es[k].split(' ')[j] === esWord);
		expect(linked(0, 'marched', 'marcharon')).toBe(true);
		expect(linked(1, 'strike', 'huelga')).toBe(true);
		expect(linked(2, '50.13', '50,13')).toBe(true);
		expect(linked(2, 'won', 'votos')).toBe(false);
	});

	it('refuses files of different line counts with one line and exit code 2', async () => {
		const t = fakeIO();
		expect(await main(['align-words', enFile, join(dir, 'short.txt')], t.io)).toBe(2);
		expect(t.stdout()).toBe('');
		expect(t.stderr().trimEnd().split('\n')).toHaveLength(1);
		expect(t.stderr()).toMatch(/en\.txt has 3 lines and .*short\.txt 1/);
	});

	it('says which file is missing, and refuses text that is not UTF-8', async () => {
		const missing = fakeIO();
		expect(await main(['align-words', join(dir, 'nope.txt'), esFile], missing.io)).toBe(2);
		expect(missing.stderr()).toContain('nope.txt');
		expect(missing.stderr().trimEnd().split('\n')).toHaveLength(1);
		const latin1 = fakeIO();
		expect(await main(['align-words', join(dir, 'latin1.txt'), esFile], latin1.io)).toBe(2);
		expect(latin1.stderr()).toMatch(/UTF-8/);
		const usage = fakeIO();
		expect(await main(['align-words', enFile], usage.io)).toBe(2);
		expect(usage.stderr()).toMatch(/Usage: puente align-words EN ES/);
	});
});
