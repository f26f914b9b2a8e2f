// What the error page says, as a translation key, from the status and the error SvelteKit gives
// it. Our own errors carry a key (`errors:…`); the shared mode's refusals (401, 403) carry a code
// instead (their message was translated on the server, in the language of that request), so
// the page translates the code, in the language it is shown in now.

/** The codes of src/lib/server/auth/server.ts's refusals, each with a key `auth:refused.<code>`. */
const REFUSAL_CODES = new Set(['sign-in-required', 'role-required']);

export function errorMessageKey(
	status: number,
	error: { message?: string; code?: string } | null | undefined
): string {
	if (status === 404) return 'errorPage.notFound';
	if (error?.code && REFUSAL_CODES.has(error.code)) return `auth:refused.${error.code}`;
	if (error?.message?.startsWith('errors:')) return error.message;
	return 'errorPage.title';
}
