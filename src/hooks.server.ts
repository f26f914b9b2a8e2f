import type { Handle, ServerInit } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { seedCorpus } from '$lib/server/seed';
import { analysisFor } from '$lib/server/analysis';
import { seedGlossary } from '$lib/server/glossary';
import { hostnameOf, hostPolicyFromEnv, isAllowedHost } from '$lib/server/host-check';
import { LANGUAGE_COOKIE, negotiateLanguage } from '$lib/i18n/negotiate';
import { createTranslator } from '$lib/i18n/translator';
import { parseTheme, THEME_COOKIE } from '$lib/theme';
import { authorize, sessionUser, sharedMode } from '$lib/server/auth/server';
import { PageCache } from '$lib/server/page-cache';

// The bundled corpus is in the store before the first request, so the app opens on it.
// Analysis happens in worker threads after that (lib/server/analysis.ts): nothing is detected
// or aligned on the event loop at start, and a document whose analysis fails is marked so and
// shown unanalysed, never stopping the start.
export const init: ServerInit = () => {
	seedCorpus(getDb());
	seedGlossary(getDb());
	analysisFor(getDb()).kick();
};

// Read once: HOST and ALLOWED_HOSTS are fixed for the life of the process.
const hostPolicy = hostPolicyFromEnv(process.env);

// The Content-Security-Policy comes from kit.csp (svelte.config.js); these complete it.
const SECURITY_HEADERS = {
	'x-content-type-options': 'nosniff',
	// Same-origin links keep the full address (the settings forms send people back by it);
	// other sites learn nothing, not even that the page came from Puente.
	'referrer-policy': 'same-origin',
	// For browsers without CSP frame-ancestors, and for responses that carry no CSP (the API).
	'x-frame-options': 'DENY'
};

// Pages whose HTML depends only on the URL, language, theme and the database: their loads (and
// the layout's) read no cookie, account or learner. Add a route only after checking the same.
const PAGE_ROUTES = new Set(['/', '/doc/[id]']);
const pageCache = new PageCache(getDb, {
	routes: PAGE_ROUTES,
	analysisPending: () => [...analysisFor(getDb()).states().values()].includes('pending')
});

export const handle: Handle = async ({ event, resolve }) => {
	const lang = negotiateLanguage(
		event.cookies.get(LANGUAGE_COOKIE),
		event.request.headers.get('accept-language')
	);
	const host = event.request.headers.get('host');
	if (!isAllowedHost(host, hostPolicy)) {
		const t = createTranslator(lang);
		const hostname = hostnameOf(host);
		const message = hostname
			? t('errors:host-not-allowed', { host: hostname })
			: t('errors:host-malformed');
		return new Response(message + '\n', {
			status: 421,
			headers: { 'content-type': 'text/plain; charset=utf-8', ...SECURITY_HEADERS }
		});
	}
	const theme = parseTheme(event.cookies.get(THEME_COOKIE));
	event.locals.lang = lang;
	event.locals.theme = theme;
	// In the shared mode (PUENTE_AUTH=on) the account comes from the session cookie, and every
	// request is checked against lib/server/auth/policy.ts here, before any route or action
	// runs. The personal app has no accounts: user stays null and nothing is checked.
	event.locals.user = sharedMode ? await sessionUser(event.request.headers) : null;
	const refused = sharedMode ? authorize(event) : undefined;
	if (refused) return withSecurityHeaders(refused);
	const response = await pageCache.respond(event, () =>
		resolve(event, {
			transformPageChunk: ({ html }) => html.replace('%lang%', lang).replace('%theme%', theme)
		})
	);
	// A write may have added or changed a text or the glossary: analyse what needs it, in the
	// background (one indexed query when nothing does).
	if (event.request.method !== 'GET' && event.request.method !== 'HEAD')
		analysisFor(getDb()).kick();
	return withSecurityHeaders(response);
};

function withSecurityHeaders(response: Response): Response {
	// A Response made by Response.redirect() or fetch() has immutable headers: copy it first.
	let headers = response.headers;
	try {
		headers.set('x-content-type-options', SECURITY_HEADERS['x-content-type-options']);
	} catch {
		response = new Response(response.body, response);
		headers = response.headers;
	}
	for (const [name, value] of Object.entries(SECURITY_HEADERS))
		if (!headers.has(name)) headers.set(name, value);
	return response;
}
