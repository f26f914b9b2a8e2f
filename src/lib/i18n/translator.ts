// One i18next instance per language, created on demand. The server makes a translator per
// request from these (never a shared mutable "current language", which would leak between requests).
import i18next, { type TFunction } from 'i18next';
import { NAMESPACES, resources, type UiLanguage } from './resources';

const instances = new Map<UiLanguage, TFunction>();

export function createTranslator(lng: UiLanguage): TFunction {
	let t = instances.get(lng);
	if (!t) {
		const instance = i18next.createInstance();
		instance.init({
			lng,
			fallbackLng: 'en',
			resources,
			ns: [...NAMESPACES],
			defaultNS: 'common',
			initAsync: false,
			// Svelte escapes on output; escaping here too would show &amp; to the reader.
			interpolation: { escapeValue: false }
		});
		t = instance.t;
		instances.set(lng, t);
	}
	return t;
}
