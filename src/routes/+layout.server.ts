import type { LayoutServerLoad } from './$types';
import { sharedMode } from '$lib/server/auth/server';

export const load: LayoutServerLoad = ({ locals }) => ({
	lang: locals.lang,
	theme: locals.theme,
	// The shared mode's account (null in the personal app), so the header says who is signed in
	// and pages hide what the role cannot do; the server checks every write regardless.
	user: locals.user,
	shared: sharedMode
});
