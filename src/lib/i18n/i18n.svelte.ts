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

	t = (key: string, options?: TOptions): string =>
		createTranslator(this.lang)(key, options) as string;

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

// A cache, not reactive state.
// eslint-disable-next-line svelte/prefer-svelte-reactivity
const numberFormats = new Map<string, Intl.NumberFormat>();

const KEY = Symbol('i18n');

export function setI18n(i18n: I18n): I18n {
	return setContext(KEY, i18n);
}

export function getI18n(): I18n {
	return getContext<I18n>(KEY);
}
