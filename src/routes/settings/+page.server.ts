// UI preferences as cookies, so the server renders the chosen language and theme from the
// first byte. Plain forms: they work without JavaScript too.
import { fail, redirect } from '@sveltejs/kit';
import type { Actions } from './$types';
import { isUiLanguage } from '$lib/i18n/resources';
import { LANGUAGE_COOKIE } from '$lib/i18n/negotiate';
import { THEME_COOKIE } from '$lib/theme';

const YEAR = 60 * 60 * 24 * 365;

/** Back where the person was; only a same-origin path, never an open redirect. */
function backTo(url: URL, request: Request): string {
	const referer = request.headers.get('referer');
	if (referer) {
		const from = new URL(referer);
		if (from.origin === url.origin) return from.pathname + from.search + from.hash;
	}
	return '/';
}

export const actions: Actions = {
	language: async ({ request, cookies, url }) => {
		const lang = (await request.formData()).get('lang');
		if (!isUiLanguage(lang)) return fail(400, { message: 'errors:invalid-input' });
		cookies.set(LANGUAGE_COOKIE, lang, {
			path: '/',
			maxAge: YEAR,
			httpOnly: false,
			sameSite: 'lax'
		});
		redirect(303, backTo(url, request));
	},
	theme: async ({ request, cookies, url }) => {
		const theme = (await request.formData()).get('theme');
		if (theme !== 'light' && theme !== 'dark' && theme !== 'system')
			return fail(400, { message: 'errors:invalid-input' });
		if (theme === 'system') cookies.delete(THEME_COOKIE, { path: '/' });
		else
			cookies.set(THEME_COOKIE, theme, {
				path: '/',
				maxAge: YEAR,
				httpOnly: false,
				sameSite: 'lax'
			});
		redirect(303, backTo(url, request));
	}
};
