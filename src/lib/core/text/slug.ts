// ASCII slugs for URLs and ids: what a document's address and a glossary entry's TBX id are
// made from. One helper, so "Año de Perú" is "ano-de-peru" wherever it is written.

/**
 * Lower-case ASCII letters and digits joined by single hyphens, at most `maxLength` long:
 * accents and ligatures come apart into their letters (NFKD: "Año" → "ano", "ﬁesta" →
 * "fiesta"), every other run of characters becomes one hyphen, none at either end. Empty when
 * the text has no ASCII letter or digit at all (a title in Greek, "¡¿!?"): the caller picks a
 * fallback that suits it.
 */
export function asciiSlug(text: string, maxLength = 60): string {
	return text
		.normalize('NFKD')
		.replace(/\p{M}/gu, '')
		.toLowerCase()
		.replace(/[^a-z0-9]+/g, '-')
		.replace(/^-+|-+$/g, '')
		.slice(0, maxLength)
		.replace(/-+$/, '');
}
