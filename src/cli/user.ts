// `puente user add --email E --name N --role admin` and `puente user list`: accounts of the
// shared mode, in the store the server uses (PUENTE_DB). Whoever can run this owns the server's
// files, so it needs no session; that is how the first admin is made.
//
// The password never comes from the arguments (they show in `ps` and in shell history): it is
// PUENTE_PASSWORD, or asked for twice without echo on a terminal, or the first line of stdin.
import { createInterface } from 'node:readline';
import { Writable } from 'node:stream';
import { openDb } from '../lib/server/db';
import { createAuth } from '../lib/server/auth/library';
import { sharedModeFromEnv } from '../lib/server/auth/mode';
import { checkNewAccount, createAccount, listAccounts } from '../lib/server/auth/users';
import { createTranslator } from '../lib/i18n/translator';
import { cliLanguage, EXIT_BAD_INPUT, EXIT_OK, type CliIO } from './io';
import { parseOptions } from './convert';

const t = (key: string, params?: Record<string, unknown>) =>
	createTranslator(cliLanguage())(`auth:${key}`, params);

export async function run(args: string[], io: CliIO): Promise<number> {
	const [sub, ...rest] = args;
	if (sub === 'list') return list(io);
	if (sub === 'add') return add(rest, io);
	if (!sub || sub === '--help' || sub === '-h') {
		io.stdout(t('cli.usage') + '\n');
		return sub ? EXIT_OK : EXIT_BAD_INPUT;
	}
	return usage(io, t('cli.unknownSubcommand', { name: sub }));
}

function usage(io: CliIO, problem: string): number {
	io.stderr(`puente user: ${problem}\n${t('cli.usage')}\n`);
	return EXIT_BAD_INPUT;
}

function list(io: CliIO): number {
	const db = openDb();
	try {
		const accounts = listAccounts(db);
		if (accounts.length === 0) io.stdout(t('cli.none') + '\n');
		for (const account of accounts)
			io.stdout(
				[
					account.email,
					account.role,
					account.name,
					account.disabled ? t('cli.disabled') : t('cli.active')
				].join('\t') + '\n'
			);
		return EXIT_OK;
	} finally {
		db.close();
	}
}

async function add(args: string[], io: CliIO): Promise<number> {
	const parsed = parseOptions(args, ['email', 'name', 'role']);
	if ('problem' in parsed) return usage(io, parsed.problem);
	if (parsed.positional.length > 0)
		return usage(
			io,
			createTranslator(cliLanguage())('contribute:cli.unknownOption', {
				option: parsed.positional[0]
			})
		);
	const { email, name, role = 'reader' } = parsed.options;
	const early = checkNewAccount({ email, name, role, password: 'x'.repeat(64) });
	if (!early.ok) return usage(io, problemText(early.problem));
	const password = await readPassword(io, early.value.email);
	if (password === undefined) return usage(io, t('cli.passwordsDiffer'));
	const checked = checkNewAccount({ email, name, role, password });
	if (!checked.ok) return usage(io, problemText(checked.problem));
	const db = openDb();
	try {
		const auth = createAuth({ db, secret: process.env.PUENTE_AUTH_SECRET });
		const created = await createAccount(auth, checked.value);
		if (!created.ok) {
			const detail = created.problem === 'exists' ? t('users.exists') : created.problem;
			io.stderr(`puente user: ${t('cli.failed', { detail })}\n`);
			return EXIT_BAD_INPUT;
		}
		io.stdout(
			t('cli.created', { role: checked.value.role, email: checked.value.email, id: created.id }) +
				'\n'
		);
		if (!sharedModeFromEnv()) io.stderr(t('cli.notShared') + '\n');
		return EXIT_OK;
	} finally {
		db.close();
	}
}

function problemText(problem: string): string {
	return problem === 'invalidRole' ? t('cli.invalidRole') : t(`users.${problem}`);
}

/** The password: PUENTE_PASSWORD, a prompt without echo (twice), or stdin's first line. */
async function readPassword(io: CliIO, email: string): Promise<string | undefined> {
	if (process.env.PUENTE_PASSWORD) return process.env.PUENTE_PASSWORD;
	if (!io.stdin && process.stdin.isTTY) {
		const first = await askHidden(t('cli.passwordPrompt', { email }));
		const second = await askHidden(t('cli.passwordAgain'));
		return first === second ? first : undefined;
	}
	const bytes = io.stdin ? await io.stdin() : await readStdin();
	return new TextDecoder().decode(bytes).split(/\r?\n/)[0];
}

async function readStdin(): Promise<Uint8Array> {
	const chunks: Buffer[] = [];
	let size = 0;
	for await (const chunk of process.stdin) {
		chunks.push(chunk as Buffer);
		size += (chunk as Buffer).length;
		// One line is all we need; a password is never this long.
		if (size > 4096) break;
	}
	return Buffer.concat(chunks);
}

/** Asks on the terminal; what is typed is not echoed (the prompt goes to stderr). */
function askHidden(prompt: string): Promise<string> {
	let muted = false;
	const output = new Writable({
		write(chunk, _encoding, done) {
			if (!muted) process.stderr.write(chunk);
			done();
		}
	});
	const terminal = createInterface({ input: process.stdin, output, terminal: true });
	process.stderr.write(prompt);
	muted = true;
	return new Promise((resolve) =>
		terminal.question('', (answer) => {
			terminal.close();
			process.stderr.write('\n');
			resolve(answer);
		})
	);
}
