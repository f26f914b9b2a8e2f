// `puente align` over many pairs in one run (a folder, or a list file): one output per pair,
// a bad pair reported by name without stopping the others, and a progress bar on stderr only
// when it is a terminal.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { run } from '../../../src/cli/align';

let dir: string;

beforeEach(() => {
	dir = mkdtempSync(join(tmpdir(), 'puente-batch-'));
	writeFileSync(join(dir, 'river.en.txt'), 'The river rose overnight. The bridge closed.\n');
	writeFileSync(join(dir, 'river.es.txt'), 'El río creció durante la noche. El puente cerró.\n');
	writeFileSync(join(dir, 'library.en.txt'), 'The library opens at nine. Children borrow books.\n');
	writeFileSync(
		join(dir, 'library.es.txt'),
		'La biblioteca abre a las nueve. Los niños piden libros.\n'
	);
	writeFileSync(join(dir, 'lonely.en.txt'), 'No Spanish file goes with this one.\n');
});

afterEach(() => rmSync(dir, { recursive: true, force: true }));

function io(tty: boolean) {
	const out = { stdout: '', stderr: '' };
	return {
		out,
		io: {
			stdout: (s: string) => (out.stdout += s),
			stderr: (s: string) => (out.stderr += s),
			stderrIsTTY: tty
		}
	};
}

describe('puente align, many pairs in one run', () => {
	it('aligns every NAME.en.txt of a folder with its NAME.es.txt, one file each, no bar when piped', async () => {
		const { out, io: cli } = io(false);
		const code = await run([dir, '--out', join(dir, 'out'), '--format', 'tsv'], cli);
		expect(code).toBe(0);
		expect(readdirSync(join(dir, 'out')).sort()).toEqual(['library.tsv', 'river.tsv']);
		const rows = readFileSync(join(dir, 'out', 'river.tsv'), 'utf8')
			.trim()
			.split('\n');
		expect(rows.at(-1)).toMatch(/^The bridge closed\.\tEl puente cerró\./);
		expect(out.stdout).toBe('');
		expect(out.stderr).not.toContain('[');
		expect(out.stderr).toContain('2 of 2');
	});

	it('reads a list of pairs, names a bad pair and goes on, and draws a bar on a terminal', async () => {
		writeFileSync(join(dir, 'empty.en.txt'), '');
		writeFileSync(
			join(dir, 'pairs.txt'),
			'# English Spanish\nempty.en.txt river.es.txt\nriver.en.txt\triver.es.txt\n'
		);
		const { out, io: cli } = io(true);
		const code = await run(['--pairs', join(dir, 'pairs.txt'), '--out', join(dir, 'out')], cli);
		expect(code).toBe(2);
		expect(readdirSync(join(dir, 'out'))).toEqual(['river.beads.txt']);
		expect(out.stderr).toContain('puente: empty: ');
		expect(out.stderr).toMatch(/\[#{30}\] 2\/2/);
		expect(out.stderr).toContain('1 of 2');
	});

	it('a batch without --out is refused before anything is read', async () => {
		const { out, io: cli } = io(false);
		expect(await run([dir], cli)).toBe(2);
		expect(out.stderr).toContain('--out');
	});
});
