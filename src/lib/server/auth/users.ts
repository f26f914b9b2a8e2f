// Accounts of the shared mode, for the users page and the `puente user` command: checking a new
// account's fields, creating it, listing. Changes go through better-auth's admin API, which
// hashes the password and, when given the admin's request headers, checks their role again.
import type { Db } from '../db';
import type { Auth } from './library';
import { AUTH_TABLES } from './library';
import { isRole, type Role } from './roles';

export interface Account {
	id: string;
	name: string;
	email: string;
	role: Role;
	disabled: boolean;
	createdAt: string;
}

export interface NewAccount {
	email: string;
	name: string;
	password: string;
	role: Role;
}

export type AccountProblem = 'invalidEmail' | 'invalidName' | 'shortPassword' | 'invalidRole';

export const MIN_PASSWORD_LENGTH = 8;
const MAX_PASSWORD_LENGTH = 128;
const MAX_NAME_LENGTH = 200;
// One @, something on each side, a dot in the domain, no spaces: the browser's type=email
// check, roughly; whether the address receives mail is not Puente's business.
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** The fields of a new account, trimmed and checked; the first problem when there is one. */
export function checkNewAccount(fields: {
	email: unknown;
	name: unknown;
	password: unknown;
	role: unknown;
}): { ok: true; value: NewAccount } | { ok: false; problem: AccountProblem } {
	const email = typeof fields.email === 'string' ? fields.email.trim().toLowerCase() : '';
	const name = typeof fields.name === 'string' ? fields.name.trim() : '';
	const password = typeof fields.password === 'string' ? fields.password : '';
	if (!EMAIL.test(email) || email.length > 254) return { ok: false, problem: 'invalidEmail' };
	if (!name || name.length > MAX_NAME_LENGTH) return { ok: false, problem: 'invalidName' };
	if (password.length < MIN_PASSWORD_LENGTH || password.length > MAX_PASSWORD_LENGTH)
		return { ok: false, problem: 'shortPassword' };
	if (!isRole(fields.role)) return { ok: false, problem: 'invalidRole' };
	return { ok: true, value: { email, name, password, role: fields.role } };
}

export type CreateResult = { ok: true; id: string } | { ok: false; problem: 'exists' | string };

/**
 * Creates an account. Without `headers` (the command line, run by whoever owns the server's
 * files) the library allows it; with them (the users page) it checks they are an admin's.
 */
export async function createAccount(
	auth: Auth,
	account: NewAccount,
	headers?: Headers
): Promise<CreateResult> {
	try {
		const { user } = await auth.api.createUser({
			body: {
				email: account.email,
				name: account.name,
				password: account.password,
				role: account.role
			},
			...(headers ? { headers } : {})
		});
		return { ok: true, id: user.id };
	} catch (caught) {
		return { ok: false, problem: libraryProblem(caught) };
	}
}

/** What the library said went wrong: `exists` for a taken email, else its message. */
export function libraryProblem(caught: unknown): string {
	const body = (caught as { body?: { code?: string; message?: string } })?.body;
	if (body?.code?.startsWith('USER_ALREADY_EXISTS')) return 'exists';
	return body?.message ?? (caught instanceof Error ? caught.message : String(caught));
}

/** Every account, by email. Read straight from the table: the command line has no session. */
export function listAccounts(db: Db): Account[] {
	const rows = db
		.prepare(
			`SELECT id, name, email, role, banned, createdAt FROM ${AUTH_TABLES.user} ORDER BY email`
		)
		.all() as {
		id: string;
		name: string;
		email: string;
		role: string | null;
		banned: number | null;
		createdAt: string | number;
	}[];
	return rows.map((row) => ({
		id: row.id,
		name: row.name,
		email: row.email,
		role: isRole(row.role) ? row.role : 'reader',
		disabled: row.banned === 1,
		createdAt: new Date(row.createdAt).toISOString()
	}));
}
