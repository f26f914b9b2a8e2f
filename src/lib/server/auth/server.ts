// The shared mode inside the SvelteKit server: the library instance with its cookie bridge,
// who is signed in, signing in and out, and the one check every request passes through
// (authorize, called by src/hooks.server.ts before any route runs).
import type { RequestEvent } from '@sveltejs/kit';
import { error, json, redirect } from '@sveltejs/kit';
import { getRequestEvent } from '$app/server';
import { sveltekitCookies } from 'better-auth/svelte-kit';
import { parseSetCookieHeader, toCookieOptions } from 'better-auth/cookies';
import { getDb } from '../db';
import { createTranslator } from '$lib/i18n/translator';
import { AUTH_BASE_PATH, CLIENT_IP_HEADER, createAuth, type Auth } from './library';
import { accessFor } from './policy';
import { isRole, roleAllows, type Role } from './roles';
import { sharedModeFromEnv } from './mode';

export type SignedIn = NonNullable<App.Locals['user']>;

/** Fixed for the life of the process, like HOST and ALLOWED_HOSTS. */
export const sharedMode = sharedModeFromEnv();

let instance: Auth | undefined;

export function serverAuth(): Auth {
	instance ??= createAuth({
		db: getDb(),
		origin: process.env.ORIGIN,
		secret: process.env.PUENTE_AUTH_SECRET,
		// Last, as the library asks: cookies the library sets go through SvelteKit's cookies.
		plugins: [sveltekitCookies(getRequestEvent)]
	});
	return instance;
}

/** The account of the request's session cookie, or null (no cookie, expired, disabled). */
export async function sessionUser(headers: Headers): Promise<SignedIn | null> {
	const session = await serverAuth().api.getSession({ headers });
	if (!session) return null;
	const user = session.user as typeof session.user & { role?: string | null; banned?: boolean };
	if (user.banned) return null;
	return {
		id: user.id,
		name: user.name,
		email: user.email,
		role: isRole(user.role) ? user.role : 'reader'
	};
}

export type SignInResult =
	| { ok: true }
	| { ok: false; reason: 'invalid' | 'disabled' }
	| { ok: false; reason: 'rate-limited'; retryAfter: number };

/**
 * Signs in through the library's own HTTP route, called in process (it is not exposed), so its
 * rate limiting applies: per client address, which we take from the socket, not from a header
 * the client could write.
 */
export async function signIn(
	event: RequestEvent,
	email: string,
	password: string
): Promise<SignInResult> {
	const auth = serverAuth();
	const url = new URL(`${AUTH_BASE_PATH}/sign-in/email`, auth.options.baseURL as string);
	const response = await auth.handler(
		new Request(url, {
			method: 'POST',
			headers: {
				'content-type': 'application/json',
				origin: url.origin,
				[CLIENT_IP_HEADER]: event.getClientAddress()
			},
			body: JSON.stringify({ email, password, rememberMe: true })
		})
	);
	if (response.status === 429) {
		const retryAfter = Number(response.headers.get('x-retry-after') ?? '10');
		return { ok: false, reason: 'rate-limited', retryAfter: retryAfter > 0 ? retryAfter : 10 };
	}
	if (!response.ok) {
		const body = (await response.json().catch(() => ({}))) as { code?: string };
		return { ok: false, reason: body.code === 'BANNED_USER' ? 'disabled' : 'invalid' };
	}
	for (const [name, attributes] of parseSetCookieHeader(response.headers.get('set-cookie') ?? ''))
		event.cookies.set(name, attributes.value, {
			...toCookieOptions(attributes),
			path: attributes.path || '/'
		});
	return { ok: true };
}

export async function signOut(event: RequestEvent): Promise<void> {
	await serverAuth()
		.api.signOut({ headers: event.request.headers })
		.catch(() => undefined);
}

/**
 * The shared mode's check of one request, before its route runs: undefined to go on, or the
 * answer (401 or 403); a signed-out visit to a page throws a redirect to sign in. `locals.user`
 * must already be set.
 */
export function authorize(event: RequestEvent): Response | undefined {
	const needed = accessFor({
		method: event.request.method,
		routeId: event.route.id,
		search: event.url.searchParams
	});
	if (needed === 'public') return undefined;
	const user = event.locals.user;
	if (user && roleAllows(user.role, needed)) return undefined;
	const reading = event.request.method === 'GET' || event.request.method === 'HEAD';
	// Thrown, not returned: SvelteKit answers a thrown redirect to the client router's data
	// request (__data.json, after a session ended) in the JSON it understands, and to a page
	// visit as a plain 303.
	if (!user && reading && !isApi(event))
		redirect(303, `/signin?next=${encodeURIComponent(event.url.pathname + event.url.search)}`);
	return refusal(event, user ? 403 : 401);
}

/** For a route that checks again itself (the users page): a redirect to sign in, or 403. */
export function requireRole(event: RequestEvent, role: Role): SignedIn | null {
	if (!sharedMode) return null;
	const user = event.locals.user;
	if (!user) redirect(303, `/signin?next=${encodeURIComponent(event.url.pathname)}`);
	if (!roleAllows(user.role, role))
		error(403, {
			message: createTranslator(event.locals.lang)('auth:refused.role-required'),
			code: 'role-required'
		});
	return user;
}

function isApi(event: RequestEvent): boolean {
	return event.url.pathname === '/api' || event.url.pathname.startsWith('/api/');
}

function refusal(event: RequestEvent, status: 401 | 403): Response {
	const t = createTranslator(event.locals.lang);
	const code = status === 401 ? 'sign-in-required' : 'role-required';
	const message = t(`auth:refused.${code}`);
	if (isApi(event)) return json({ error: { code, message, params: {} } }, { status });
	// A form sent by use:enhance reads an ActionResult; the page shows it as an error.
	if (event.request.headers.get('x-sveltekit-action') === 'true')
		return json({ type: 'error', status, error: { message, code } }, { status });
	const reading = event.request.method === 'GET' || event.request.method === 'HEAD';
	if (reading && (event.request.headers.get('accept') ?? '').includes('text/html'))
		return new Response(refusalPage(event.locals.lang, message, t('common:errorPage.home')), {
			status,
			headers: { 'content-type': 'text/html; charset=utf-8' }
		});
	return new Response(message + '\n', {
		status,
		headers: { 'content-type': 'text/plain; charset=utf-8' }
	});
}

/** A page a browser can show for a refused read (an editor opening /admin/users): our own words only. */
function refusalPage(lang: string, message: string, home: string): string {
	const html = (text: string) => text.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);
	return `<!doctype html>
<html lang="${lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width">
<meta name="color-scheme" content="light dark"><title>403 · Puente</title></head>
<body><main><h1>403</h1><p>${html(message)}</p><p><a href="/">${html(home)}</a></p></main></body></html>
`;
}
