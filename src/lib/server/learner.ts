// Who is learning: the signed-in account in shared mode, otherwise an anonymous learner named by
// a random id in an HttpOnly cookie, made the first time something is saved or reviewed.
import type { Cookies } from '@sveltejs/kit';

export const LEARNER_COOKIE = 'puente-learner';
const YEAR = 60 * 60 * 24 * 365;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

interface LearnerEvent {
	locals: App.Locals;
	cookies: Cookies;
	url: URL;
}

/** The learner id of an account of the shared mode. */
export const accountLearner = (accountId: string) => `account:${accountId}`;

/**
 * The learner's id: `account:<id>` for a signed-in account, `anonymous:<uuid>` otherwise. With
 * `create: false`, null for a visitor who never saved anything (a read needs no cookie).
 */
export function learnerOf(event: LearnerEvent, options?: { create?: true }): string;
export function learnerOf(event: LearnerEvent, options: { create: false }): string | null;
export function learnerOf(event: LearnerEvent, { create = true } = {}): string | null {
	if (event.locals.user) return accountLearner(event.locals.user.id);
	const stored = event.cookies.get(LEARNER_COOKIE);
	if (stored && UUID.test(stored)) return `anonymous:${stored}`;
	if (!create) return null;
	const id = crypto.randomUUID();
	event.cookies.set(LEARNER_COOKIE, id, {
		path: '/',
		maxAge: YEAR,
		httpOnly: true,
		sameSite: 'lax',
		// Puente is often reached over plain HTTP on a LAN address, where a Secure cookie is dropped.
		secure: event.url.protocol === 'https:'
	});
	return `anonymous:${id}`;
}
