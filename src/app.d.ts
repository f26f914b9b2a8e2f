// See https://svelte.dev/docs/kit/types#app.d.ts
import type { UiLanguage } from '$lib/i18n/resources';
import type { Theme } from '$lib/theme';

declare global {
	namespace App {
		interface Error {
			message: string;
			code?: string;
		}
		interface Locals {
			lang: UiLanguage;
			theme: Theme;
			/** The signed-in account in shared mode (PUENTE_AUTH=on); null when the app is personal. */
			user: { id: string; name: string; email: string; role: 'reader' | 'editor' | 'admin' } | null;
		}
	}
}

export {};
