import { describe, expect, it } from 'vitest';
import { negotiateLanguage } from '../../../src/lib/i18n/negotiate';

describe('negotiateLanguage', () => {
	it('prefers an explicit choice stored in the cookie', () => {
		expect(negotiateLanguage('es', 'en-US,en;q=0.9')).toBe('es');
		expect(negotiateLanguage('en', 'es-PE')).toBe('en');
	});

	it('follows Accept-Language by quality, then order', () => {
		expect(negotiateLanguage(undefined, 'es-PE,es;q=0.9,en;q=0.8')).toBe('es');
		expect(negotiateLanguage(undefined, 'fr-FR,en;q=0.5,es;q=0.7')).toBe('es');
		expect(negotiateLanguage(undefined, 'de, en;q=0.1')).toBe('en');
	});

	it('falls back to English for unknown or missing preferences and bad cookies', () => {
		expect(negotiateLanguage(undefined, null)).toBe('en');
		expect(negotiateLanguage('xx', 'fr, de')).toBe('en');
		expect(negotiateLanguage(undefined, 'es;q=0')).toBe('en');
	});
});
