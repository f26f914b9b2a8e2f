// The UI language as reactive state for components: `i18n.t(key)` re-renders when the language
// changes. Created once per app in the root layout and handed down with context.
import { getContext, setContext } from 'svelte';
import type { TOptions } from 'i18next';
import { createTranslator } from './translator';
import type { UiLanguage } from './resources';

export class I18n {
	#getLang: () => UiLanguage;
	lang = $derived.by(() => this.#getLang());

	constructor(getLang: () => UiLanguage) {
		this.#getLang = getLang;
	}

	t = (key: string, options?: TOptions): string => {
		// i18next's t resolves namespaces, fallbacks and nesting on every call: a page of a
		// hundred rows asks the same few strings hundreds of times, and that was half of the
		// library's render time. The resources never change while the app runs, so a string is
		// kept per language, key and (plain) options.
		const cacheKey = plainOptionsKey(options);
		if (cacheKey === undefined) return createTranslator(this.lang)(key, options) as string;
		const id = `${this.lang}\u0000${key}\u0000${cacheKey}`;
		let text = translations.get(id);
		if (text === undefined) {
			text = createTranslator(this.lang)(key, options) as string;
			if (translations.size >= TRANSLATIONS_KEPT) translations.clear();
			translations.set(id, text);
		}
		return text;
	};

	/** Formats a number the way the UI language writes it (1,234.5 / 1.234,5). */
	number = (value: number, options?: Intl.NumberFormatOptions): string => {
		// Building a NumberFormat costs far more than using one; a long page formats thousands.
		const key = `${this.lang}:${JSON.stringify(options ?? {})}`;
		let format = numberFormats.get(key);
		if (!format) {
			format = new Intl.NumberFormat(this.lang === 'es' ? 'es-PE' : 'en-US', options);
			numberFormats.set(key, format);
		}
		return format.format(value);
	};
}

// Caches, not reactive state.
// eslint-disable-next-line svelte/prefer-svelte-reactivity
const numberFormats = new Map<string, Intl.NumberFormat>();
// eslint-disable-next-line svelte/prefer-svelte-reactivity
const translations = new Map<string, string>();
/** Strings kept before the cache starts over (interpolated counts make new keys without end). */
const TRANSLATIONS_KEPT = 20_000;

/**
 * The options as part of a cache key, when they are only strings, numbers and booleans (counts,
 * names, contexts); undefined for anything else (objects, returnObjects), which is not cached.
 */
function plainOptionsKey(options: TOptions | undefined): string | undefined {
	if (!options) return '';
	let key = '';
	for (const name in options) {
		const value = (options as Record<string, unknown>)[name];
		const type = typeof value;
		if (type !== 'string' && type !== 'number' && type !== 'boolean') return undefined;
		key += `${name}\u0001${type[0]}${String(value)}\u0002`;
	}
	return key;
}

const KEY = Symbol('i18n');

export function setI18n(i18n: I18n): I18n {
	return setContext(KEY, i18n);
}

export function getI18n(): I18n {
	return getContext<I18n>(KEY);
}
