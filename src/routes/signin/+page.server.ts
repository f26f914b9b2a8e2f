// The shared mode's sign-in page: email and password, checked by better-auth
// (lib/server/auth/server.ts), then back to the page the person asked for (a path of this app).
import { fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { readForm } from '$lib/server/http';
import { appPath } from '$lib/server/redirect-target';
import { sharedMode, signIn } from '$lib/server/auth/server';
import { listAccounts } from '$lib/server/auth/users';
import { getDb } from '$lib/server/db';

export const load: PageServerLoad = ({ locals, url }) => {
	// The personal app has no accounts; someone signed in has nothing to do here.
	if (!sharedMode || locals.user) redirect(303, appPath(url.searchParams.get('next'), url));
	return {
		next: appPath(url.searchParams.get('next'), url),
		// A server just switched to the shared mode has nobody to sign in yet: say how to start.
		noAccounts: listAccounts(getDb()).length === 0
	};
};

export const actions: Actions = {
	default: async (event) => {
		if (!sharedMode) redirect(303, '/');
		const { form, failure } = await readForm(event.request);
		if (failure) return failure;
		const email = String(form.get('email') ?? '').trim();
		const password = String(form.get('password') ?? '');
		const next = appPath(String(form.get('next') ?? '/'), event.url);
		if (!email || !password) return fail(400, { email, reason: 'missing' as const });
		const result = await signIn(event, email, password);
		if (!result.ok)
			return fail(result.reason === 'rate-limited' ? 429 : 400, {
				email,
				reason: result.reason,
				retryAfter: result.reason === 'rate-limited' ? result.retryAfter : undefined
			});
		redirect(303, next);
	}
};
