// Sign out: a POST from the header's form (SvelteKit's origin check covers it like any form).
// The session is deleted in the database, not only its cookie; then on to the sign-in page.
import { redirect } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { sharedMode, signOut } from '$lib/server/auth/server';

export const POST: RequestHandler = async (event) => {
	if (sharedMode) await signOut(event);
	redirect(303, sharedMode ? '/signin' : '/');
};
