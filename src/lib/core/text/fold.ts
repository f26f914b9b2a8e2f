/** Lower-cased and accent-free, for searches where "peru" finds "Perú" and "nino" finds "niño". */
export function foldForSearch(text: string): string {
	return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}
