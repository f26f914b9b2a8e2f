// Every UI string, in both languages, bundled so the server, the browser and the CLI share them.
import enCommon from '../../../locales/en/common.json';
import enErrors from '../../../locales/en/errors.json';
import esCommon from '../../../locales/es/common.json';
import esErrors from '../../../locales/es/errors.json';

export const SUPPORTED_LANGUAGES = ['en', 'es'] as const;
export type UiLanguage = (typeof SUPPORTED_LANGUAGES)[number];
export const NAMESPACES = ['common', 'errors'] as const;

export const resources = {
	en: { common: enCommon, errors: enErrors },
	es: { common: esCommon, errors: esErrors }
};

export function isUiLanguage(value: unknown): value is UiLanguage {
	return value === 'en' || value === 'es';
}
