/**
 * Lower-cased and accent-free, for searches where "peru" finds "Perú" and "nino" finds "niño",
 * and for every word comparison in the core: the one accent folder.
 */
export function foldForSearch(text: string): string {
	// Most words are plain ASCII; skipping the NFD pass for them keeps matching fast on books.
	// eslint-disable-next-line no-control-regex
	if (/^[\x00-\x7f]*$/.test(text)) return text.toLowerCase();
	return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}
