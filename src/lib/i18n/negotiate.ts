// Which UI language a request gets: an explicit choice (cookie) wins, then the browser's
// Accept-Language preferences in q order, then English.
import { isUiLanguage, type UiLanguage } from './resources';

export const LANGUAGE_COOKIE = 'puente-lang';

export function negotiateLanguage(
	cookie: string | undefined,
	acceptLanguage: string | null
): UiLanguage {
	if (isUiLanguage(cookie)) return cookie;
	const preferences = (acceptLanguage ?? '')
		.split(',')
		.map((part, order) => {
			const [tag, ...params] = part.trim().split(';');
			const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
			return { base: tag.trim().toLowerCase().split('-')[0], q: q ? Number(q.slice(2)) : 1, order };
		})
		.filter((p) => p.base && !Number.isNaN(p.q) && p.q > 0)
		.sort((a, b) => b.q - a.q || a.order - b.order);
	for (const { base } of preferences) if (isUiLanguage(base)) return base;
	return 'en';
}
