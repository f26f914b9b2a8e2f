// Every UI string, in both languages, bundled so the server, the browser and the CLI share them.
// One namespace per feature, so the people working on each touch their own file.
import enAuth from '../../../locales/en/auth.json';
import enCommon from '../../../locales/en/common.json';
import enContribute from '../../../locales/en/contribute.json';
import enEditor from '../../../locales/en/editor.json';
import enErrors from '../../../locales/en/errors.json';
import enGlossary from '../../../locales/en/glossary.json';
import enHistory from '../../../locales/en/history.json';
import enReader from '../../../locales/en/reader.json';
import enVocabulary from '../../../locales/en/vocabulary.json';
import enWords from '../../../locales/en/words.json';
import esAuth from '../../../locales/es/auth.json';
import esCommon from '../../../locales/es/common.json';
import esContribute from '../../../locales/es/contribute.json';
import esEditor from '../../../locales/es/editor.json';
import esErrors from '../../../locales/es/errors.json';
import esGlossary from '../../../locales/es/glossary.json';
import esHistory from '../../../locales/es/history.json';
import esReader from '../../../locales/es/reader.json';
import esVocabulary from '../../../locales/es/vocabulary.json';
import esWords from '../../../locales/es/words.json';

export const SUPPORTED_LANGUAGES = ['en', 'es'] as const;
export type UiLanguage = (typeof SUPPORTED_LANGUAGES)[number];
export const NAMESPACES = [
	'common',
	'errors',
	'reader',
	'glossary',
	'contribute',
	'editor',
	'auth',
	'words',
	'vocabulary',
	'history'
] as const;

export const resources = {
	en: {
		common: enCommon,
		errors: enErrors,
		reader: enReader,
		glossary: enGlossary,
		contribute: enContribute,
		editor: enEditor,
		auth: enAuth,
		words: enWords,
		vocabulary: enVocabulary,
		history: enHistory
	},
	es: {
		common: esCommon,
		errors: esErrors,
		reader: esReader,
		glossary: esGlossary,
		contribute: esContribute,
		editor: esEditor,
		auth: esAuth,
		words: esWords,
		vocabulary: esVocabulary,
		history: esHistory
	}
};

export function isUiLanguage(value: unknown): value is UiLanguage {
	return value === 'en' || value === 'es';
}
