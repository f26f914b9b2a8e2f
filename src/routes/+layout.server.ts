import type { LayoutServerLoad } from './$types';
import { sharedMode } from '$lib/server/auth/server';
import { roleAllows } from '$lib/server/auth/roles';

export const load: LayoutServerLoad = ({ locals }) => ({
	lang: locals.lang,
	theme: locals.theme,
	// The shared mode's account (null in the personal app), so the header says who is signed in
	// and pages hide what the role cannot do (`canEdit`: add texts, correct alignments, edit the
	// glossary); the server checks every write regardless (hooks.server.ts).
	user: locals.user,
	shared: sharedMode,
	canEdit: !sharedMode || (locals.user !== null && roleAllows(locals.user.role, 'editor'))
});
