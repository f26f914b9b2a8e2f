import type { Handle, ServerInit } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { prepareDocuments, seedCorpus } from '$lib/server/seed';
import { seedGlossary } from '$lib/server/glossary';
import { LANGUAGE_COOKIE, negotiateLanguage } from '$lib/i18n/negotiate';
import { parseTheme, THEME_COOKIE } from '$lib/theme';

// The bundled corpus is in the store before the first request, so the app opens on it.
export const init: ServerInit = () => {
	seedCorpus(getDb());
	seedGlossary(getDb());
	// Analysis takes a few seconds on first start; the server listens meanwhile.
	setTimeout(() => prepareDocuments(getDb()), 0);
};

export const handle: Handle = async ({ event, resolve }) => {
	const lang = negotiateLanguage(
		event.cookies.get(LANGUAGE_COOKIE),
		event.request.headers.get('accept-language')
	);
	const theme = parseTheme(event.cookies.get(THEME_COOKIE));
	event.locals.lang = lang;
	event.locals.theme = theme;
	return resolve(event, {
		transformPageChunk: ({ html }) => html.replace('%lang%', lang).replace('%theme%', theme)
	});
};
