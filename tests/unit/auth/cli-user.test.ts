// `puente user add` and `puente user list`, run in process on a fresh store: the first admin
// from the command line, the password never taken from the arguments.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { main } from '../../../src/cli/main';

async function puente(args: string[], stdin?: string) {
	let stdout = '';
	let stderr = '';
	const code = await main(args, {
		stdout: (s) => void (stdout += s),
		stderr: (s) => void (stderr += s),
		...(stdin === undefined ? {} : { stdin: async () => new TextEncoder().encode(stdin) })
	});
	return { code, stdout, stderr };
}

beforeEach(() => {
	vi.stubEnv('PUENTE_DB', join(mkdtempSync(join(tmpdir(), 'puente-cli-user-')), 'puente.db'));
	vi.stubEnv('LANG', 'en_US.UTF-8');
	vi.stubEnv('PUENTE_PASSWORD', '');
});
afterEach(() => vi.unstubAllEnvs());

describe('puente user', () => {
	it('creates the first admin with the password from PUENTE_PASSWORD, and lists it', async () => {
		vi.stubEnv('PUENTE_PASSWORD', 'first admin pw');
		const added = await puente([
			'user',
			'add',
			'--email',
			'Ada@Example.org',
			'--name',
			'Ada',
			'--role',
			'admin'
		]);
		expect(added.code).toBe(0);
		expect(added.stdout).toContain('Created admin ada@example.org');
		const listed = await puente(['user', 'list']);
		expect(listed.stdout).toBe('ada@example.org\tadmin\tAda\tactive\n');
	});

	it('reads the password from the first line of standard input, and makes readers by default', async () => {
		const added = await puente(
			['user', 'add', '--email', 'r@example.org', '--name', 'R'],
			'a long password\nignored\n'
		);
		expect(added.code).toBe(0);
		expect((await puente(['user', 'list'])).stdout).toContain('r@example.org\treader\tR');
	});

	it('refuses a password given as an argument, a short password and a bad role, creating nothing', async () => {
		const inArgv = await puente(
			['user', 'add', '--email', 'a@example.org', '--name', 'A', '--password', 'in argv!!'],
			'stdin password\n'
		);
		expect(inArgv.code).toBe(2);
		expect(inArgv.stderr).toContain('--password');
		const short = await puente(
			['user', 'add', '--email', 'a@example.org', '--name', 'A'],
			'short\n'
		);
		expect(short.code).toBe(2);
		expect(short.stderr).toContain('at least 8 characters');
		const role = await puente(
			['user', 'add', '--email', 'a@example.org', '--name', 'A', '--role', 'owner'],
			'long enough\n'
		);
		expect(role.code).toBe(2);
		expect((await puente(['user', 'list'])).stdout).not.toContain('a@example.org');
	});

	it('refuses a second account with the same email', async () => {
		expect(
			(await puente(['user', 'add', '--email', 'x@example.org', '--name', 'X'], 'long enough\n'))
				.code
		).toBe(0);
		const again = await puente(
			['user', 'add', '--email', 'X@example.org', '--name', 'X2'],
			'long enough\n'
		);
		expect(again.code).toBe(2);
		expect(again.stderr).toContain('already an account');
	});
});
