// The users page of the shared mode (admins only: the hook refuses everyone else, and each
// action checks again). Changes go through better-auth's admin API with the admin's own
// request headers, so the library checks the role a third time.
import { error, fail } from '@sveltejs/kit';
import type { Actions, PageServerLoad, RequestEvent } from './$types';
import { getDb } from '$lib/server/db';
import { readForm } from '$lib/server/http';
import { requireRole, serverAuth, sharedMode } from '$lib/server/auth/server';
import {
	checkNewAccount,
	createAccount,
	libraryProblem,
	listAccounts
} from '$lib/server/auth/users';
import { removeAccount } from '$lib/server/auth/account-removal';
import { isRole, ROLES } from '$lib/server/auth/roles';

/** The signed-in admin; the personal app has no accounts, so no such page. */
function admin(event: RequestEvent) {
	if (!sharedMode) error(404, { message: 'errors:not-found', code: 'not-found' });
	return requireRole(event, 'admin')!;
}

export const load: PageServerLoad = (event) => {
	const me = admin(event);
	return { accounts: listAccounts(getDb()), me: me.id, roles: ROLES };
};

type Done = { done: string; email: string; role?: string };

/** The account an action names (its `id` field), never the admin's own: no one locks themselves out. */
async function target(event: RequestEvent) {
	const me = admin(event);
	const { form, failure } = await readForm(event.request);
	if (failure) return { failure };
	const id = String(form.get('id') ?? '');
	const account = listAccounts(getDb()).find((a) => a.id === id);
	if (!account) return { failure: fail(404, { problem: 'failed', detail: id }) };
	if (account.id === me.id) return { failure: fail(400, { problem: 'notYourself' }) };
	return { form, account };
}

async function library(call: () => Promise<unknown>) {
	try {
		await call();
		return undefined;
	} catch (caught) {
		return fail(400, { problem: 'failed', detail: libraryProblem(caught) });
	}
}

export const actions: Actions = {
	create: async (event) => {
		admin(event);
		const { form, failure } = await readForm(event.request);
		if (failure) return failure;
		const values = {
			email: String(form.get('email') ?? ''),
			name: String(form.get('name') ?? ''),
			role: String(form.get('role') ?? '')
		};
		const checked = checkNewAccount({ ...values, password: form.get('password') });
		if (!checked.ok) return fail(400, { problem: checked.problem, values });
		const created = await createAccount(serverAuth(), checked.value, event.request.headers);
		if (!created.ok)
			return created.problem === 'exists'
				? fail(400, { problem: 'exists', values })
				: fail(400, { problem: 'failed', detail: created.problem, values });
		return { done: 'created', email: checked.value.email } satisfies Done;
	},
	role: async (event) => {
		const found = await target(event);
		if (found.failure) return found.failure;
		const role = found.form.get('role');
		if (!isRole(role)) return fail(400, { problem: 'failed', detail: String(role) });
		const refused = await library(() =>
			serverAuth().api.setRole({
				headers: event.request.headers,
				body: { userId: found.account.id, role }
			})
		);
		return refused ?? ({ done: 'roleChanged', email: found.account.email, role } satisfies Done);
	},
	disable: async (event) => {
		const found = await target(event);
		if (found.failure) return found.failure;
		// A ban in the library: sign-in refused and every session of the account revoked.
		const refused = await library(() =>
			serverAuth().api.banUser({
				headers: event.request.headers,
				body: { userId: found.account.id }
			})
		);
		return refused ?? ({ done: 'disabledDone', email: found.account.email } satisfies Done);
	},
	enable: async (event) => {
		const found = await target(event);
		if (found.failure) return found.failure;
		const refused = await library(() =>
			serverAuth().api.unbanUser({
				headers: event.request.headers,
				body: { userId: found.account.id }
			})
		);
		return refused ?? ({ done: 'enabledDone', email: found.account.email } satisfies Done);
	},
	remove: async (event) => {
		const found = await target(event);
		if (found.failure) return found.failure;
		const refused = await library(() =>
			removeAccount(serverAuth(), getDb(), found.account.id, event.request.headers)
		);
		return refused ?? ({ done: 'removed', email: found.account.email } satisfies Done);
	}
};
