// Light, dark, or whatever the system prefers; the choice is a cookie so the server renders
// the right theme and nothing flashes.
export type Theme = 'system' | 'light' | 'dark';
export const THEME_COOKIE = 'puente-theme';

export function parseTheme(value: string | undefined | null): Theme {
	return value === 'light' || value === 'dark' ? value : 'system';
}
