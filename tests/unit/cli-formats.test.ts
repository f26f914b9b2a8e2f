// `puente convert`, `puente import` and `puente export`: in-process through main(), and once
// through the real command (node src/cli/puente.js), which must resolve the server modules'
// $lib imports on its own.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../../src/cli/main';
import { readTmx } from '../../src/lib/core/formats/tmx';
import { fakeIO } from './cli-io';

const fixture = (name: string) => new URL(`../fixtures/formats/${name}`, import.meta.url).pathname;

let dir: string;
const saved = { db: process.env.PUENTE_DB, lang: process.env.LANG, all: process.env.LC_ALL };
beforeAll(() => {
	dir = mkdtempSync(join(tmpdir(), 'puente-cli-formats-'));
	process.env.PUENTE_DB = join(dir, 'puente.db');
	delete process.env.LC_ALL;
	process.env.LANG = 'C.UTF-8';
});
afterAll(() => {
	for (const [key, value] of [
		['PUENTE_DB', saved.db],
		['LANG', saved.lang],
		['LC_ALL', saved.all]
	] as const)
		if (value === undefined) delete process.env[key];
		else process.env[key] = value;
	rmSync(dir, { recursive: true, force: true });
});

async function run(...argv: string[]) {
	const t = fakeIO();
	const code = await main(argv, t.io);
	return { code, stdout: t.stdout(), stderr: t.stderr() };
}

describe('puente convert', { timeout: 60_000 }, () => {
	it('converts an OmegaT TMX to TSV and back, saying what it left out', async () => {
		const tsv = join(dir, 'omegat.tsv');
		const first = await run('convert', fixture('omegat-level2.tmx'), tsv);
		expect(first.code).toBe(0);
		expect(first.stderr).toMatch(/14 inline formatting codes/);
		expect(readFileSync(tsv, 'utf8').split('\r\n')[0]).toBe('en-US\tes\tconfidence\treviewed');
		const tmx = join(dir, 'back.tmx');
		expect((await run('convert', tsv, tmx)).code).toBe(0);
		const read = readTmx(readFileSync(tmx, 'utf8'));
		expect(read.ok && read.value.units[1].en).toBe('Click Save to keep your changes.');
		// TSV → JSON → TSV is the identity.
		const json = join(dir, 'pairs.json');
		const again = join(dir, 'again.tsv');
		expect((await run('convert', tsv, json)).code).toBe(0);
		expect((await run('convert', json, again)).code).toBe(0);
		expect(readFileSync(again, 'utf8')).toBe(readFileSync(tsv, 'utf8'));
	});

	it('converts a glossary: csv2tbx output to TBX v2 (default) and v3, and to CSV', async () => {
		const v2 = await run('convert', fixture('csv2tbx-output.tbx'), '-', '--to', 'tbx');
		expect(v2.code).toBe(0);
		expect(v2.stdout).toContain('<martif type="TBX-Basic-V1"');
		expect(v2.stdout).toContain('<termEntry id="congress-of-the-republic">');
		expect(v2.stderr).toMatch(/“Congress of the Republic” has id “congress-of-the-republic”/);
		expect(v2.stderr).toMatch(/second language only “xx”; it was read as Spanish/);
		const v3 = await run(
			'convert',
			fixture('csv2tbx-output.tbx'),
			'-',
			'--to',
			'tbx',
			'--tbx-version',
			'3'
		);
		expect(v3.stdout).toContain('<conceptEntry id="strike">');
		const csv = await run('convert', fixture('csv2tbx-output.tbx'), '-', '--to', 'csv');
		expect(csv.stdout.startsWith('\ufeffid,type,es,en,')).toBe(true);
	});

	it('offers Windows-1252 for an ANSI CSV and reads it with --encoding cp1252', async () => {
		const refused = await run('convert', fixture('cp1252-pairs.csv'), '-', '--to', 'tsv');
		expect(refused.code).toBe(2);
		expect(refused.stderr).toMatch(/Windows-1252/);
		const read = await run(
			'convert',
			fixture('cp1252-pairs.csv'),
			'-',
			'--to',
			'tsv',
			'--encoding',
			'cp1252'
		);
		expect(read.code).toBe(0);
		expect(read.stdout).toContain('«Para», dijo, «ya».');
	});

	it('answers bad input with exit code 2 and a message naming the line, in the user’s language', async () => {
		const bad = join(dir, 'bad.tmx');
		writeFileSync(
			bad,
			'<tmx version="1.4">\n<header srclang="en"/>\n<body><tu><tuv xml:lang="en"><seg>&lol9;</seg></tuv></tu></body></tmx>'
		);
		const english = await run('convert', bad, '-', '--to', 'tsv');
		expect(english.code).toBe(2);
		expect(english.stderr).toMatch(/This TMX file could not be read: line 3, column 35: .*&lol9;/);
		process.env.LANG = 'es_PE.UTF-8';
		try {
			const spanish = await run('convert', bad, '-', '--to', 'tsv');
			expect(spanish.stderr).toMatch(
				/No se pudo leer este archivo TMX: línea 3, columna 35: la entidad &lol9; no está definida/
			);
			const usage = await run('convert', 'a.tmx');
			expect(usage.code).toBe(2);
			expect(usage.stderr).toMatch(/indique un archivo de entrada y uno de salida/);
		} finally {
			process.env.LANG = 'C.UTF-8';
		}
		expect((await run('convert', fixture('omegat-level2.tmx'), '-', '--to', 'tbx')).code).toBe(2);
		expect((await run('convert', fixture('omegat-level2.tmx'), 'out.xyz')).code).toBe(2);
		expect((await run('convert', join(dir, 'missing.tmx'), '-', '--to', 'tsv')).code).toBe(2);
	});
});

describe('puente import and export against the store', { timeout: 60_000 }, () => {
	it('imports a memory, prints its slug, and exports it in every format', async () => {
		const imported = await run('import', fixture('po2tmx-debian-es.tmx'), '--title', 'GNU grep');
		expect(imported.code).toBe(0);
		expect(imported.stdout).toBe('gnu-grep\n');
		const tmx = await run('export', 'gnu-grep', '--format', 'tmx');
		expect(tmx.code).toBe(0);
		expect(tmx.stdout).toContain('ARG1 != ARG2      ARG1 is unequal to ARG2');
		for (const format of ['tsv', 'csv', 'json'])
			expect((await run('export', 'gnu-grep', '--format', format)).code).toBe(0);
		expect((await run('export', 'no-such-text')).stderr).toMatch(/no text “no-such-text”/);
	});

	it('imports one text, and an English and a Spanish file', async () => {
		const en = join(dir, 'en.txt');
		const es = join(dir, 'es.txt');
		writeFileSync(en, 'The strike began on Monday. Thousands marched in Lima.\n');
		writeFileSync(es, 'El paro empezó el lunes. Miles marcharon en Lima.\n');
		const one = await run('import', en);
		expect(one.code).toBe(0);
		expect(one.stdout).toMatch(/^the-strike-began-on-monday/);
		const pair = await run('import', en, es, '--title', 'Paro');
		expect(pair.stdout).toBe('paro\n');
		expect((await run('export', 'paro', '--format', 'tsv')).stdout).toContain(
			'The strike began on Monday.\tEl paro empezó el lunes.'
		);
	});
});

describe('the installed command', { timeout: 60_000 }, () => {
	it('runs import and export from a shell, resolving the server modules’ $lib imports', () => {
		const db = join(dir, 'shell.db');
		const env = { ...process.env, PUENTE_DB: db, LANG: 'C.UTF-8' };
		const cli = new URL('../../src/cli/puente.js', import.meta.url).pathname;
		const imported = spawnSync('node', [cli, 'import', fixture('omegat-level2.tmx')], {
			env,
			encoding: 'utf8'
		});
		expect(imported.stderr).toMatch(/inline formatting codes/);
		expect(imported.status).toBe(0);
		const slug = imported.stdout.trim();
		const tsv = execFileSync('node', [cli, 'export', slug, '--format', 'tsv'], {
			env,
			encoding: 'utf8'
		});
		expect(tsv).toContain('The national strike began on Monday in Puno.');
	});
});
