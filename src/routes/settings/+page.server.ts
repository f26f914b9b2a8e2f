// UI preferences as cookies, so the server renders the chosen language and theme from the
// first byte. Plain forms: they work without JavaScript too.
import { fail, redirect } from '@sveltejs/kit';
import type { Actions } from './$types';
import { isUiLanguage } from '$lib/i18n/resources';
import { LANGUAGE_COOKIE } from '$lib/i18n/negotiate';
import { THEME_COOKIE } from '$lib/theme';
import type { UserError } from '$lib/core/errors';
import { readForm } from '$lib/server/http';
import { appPath } from '$lib/server/redirect-target';

const YEAR = 60 * 60 * 24 * 365;

/** Back where the person was: a `return` field if the form has one, else the Referer; only paths of this app. */
function backTo(url: URL, request: Request, form: FormData): string {
	const field = form.get('return');
	const from = typeof field === 'string' && field ? field : request.headers.get('referer');
	return appPath(from, url);
}

const CHOICE_UNKNOWN: UserError = { code: 'invalid-input', key: 'errors:choice-unknown' };
const refuse = () => fail(400, { error: CHOICE_UNKNOWN });

export const actions: Actions = {
	language: async ({ request, cookies, url }) => {
		const { form, failure } = await readForm(request);
		if (failure) return failure;
		const lang = form.get('lang');
		if (!isUiLanguage(lang)) return refuse();
		cookies.set(LANGUAGE_COOKIE, lang, {
			path: '/',
			maxAge: YEAR,
			httpOnly: false,
			sameSite: 'lax'
		});
		redirect(303, backTo(url, request, form));
	},
	theme: async ({ request, cookies, url }) => {
		const { form, failure } = await readForm(request);
		if (failure) return failure;
		const theme = form.get('theme');
		if (theme !== 'light' && theme !== 'dark' && theme !== 'system') return refuse();
		if (theme === 'system') cookies.delete(THEME_COOKIE, { path: '/' });
		else
			cookies.set(THEME_COOKIE, theme, {
				path: '/',
				maxAge: YEAR,
				httpOnly: false,
				sameSite: 'lax'
			});
		redirect(303, backTo(url, request, form));
	}
};
