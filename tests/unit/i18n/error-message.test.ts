// The error page's message: a refusal of the shared mode (401, 403) says why in the page's
// language, from its code, in English and Spanish; our own errors keep their key; anything
// else gets the generic title.
import { describe, expect, it } from 'vitest';
import { errorMessageKey } from '$lib/i18n/error-message';
import { createTranslator } from '$lib/i18n/translator';

describe('errorMessageKey', () => {
	for (const lang of ['en', 'es'] as const) {
		const t = createTranslator(lang);
		it(`says why a refusal was made, in ${lang}, apart from the generic title`, () => {
			const generic = t('errorPage.title');
			const signIn = t(errorMessageKey(401, { message: 'Sign in', code: 'sign-in-required' }));
			const role = t(errorMessageKey(403, { message: 'Role', code: 'role-required' }));
			expect(signIn).toBe(t('auth:refused.sign-in-required'));
			expect(role).toBe(t('auth:refused.role-required'));
			for (const said of [signIn, role]) {
				expect(said).not.toBe(generic);
				// A key i18next did not find comes back as the key itself.
				expect(said).not.toMatch(/^auth:|refused\./);
			}
		});
	}

	it('keeps an error key of ours, and says not found for a 404', () => {
		expect(errorMessageKey(400, { message: 'errors:form-unreadable' })).toBe(
			'errors:form-unreadable'
		);
		expect(errorMessageKey(404, { message: 'Not Found' })).toBe('errorPage.notFound');
	});

	it('never shows a message it cannot translate (an unknown code or a raw message)', () => {
		expect(
			errorMessageKey(403, { message: 'Cross-site POST form submissions are forbidden' })
		).toBe('errorPage.title');
		expect(errorMessageKey(500, { message: 'x', code: 'something-else' })).toBe('errorPage.title');
		expect(errorMessageKey(500, null)).toBe('errorPage.title');
	});
});
