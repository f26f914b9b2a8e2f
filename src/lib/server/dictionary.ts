// The offline dictionary at the HTTP edge: checks a lookup's parameters, and loads the 3 MB data
// module on the first lookup only (a dynamic import), so neither a page that never looks a word
// up nor the browser bundle carries it.
import type { Result, UserError } from '$lib/core/errors';
import type { DictionaryEntry, DictionaryLanguage } from '$lib/core/dictionary';

export type { DictionaryEntry, DictionaryLanguage };

/** Longest word or phrase looked up; the dictionary's longest lemmas are far shorter. */
export const DICTIONARY_QUERY_MAX = 100;

const DICTIONARY_LANGUAGES: readonly DictionaryLanguage[] = ['en', 'es'];

const queryError = (key: string, params?: Record<string, string | number>): UserError => ({
	code: 'invalid-input',
	key: `glossary:dictionary.errors.${key}`,
	params
});

/** The word and language of `?q=…&from=en|es`, or why they cannot be looked up. */
export function checkDictionaryQuery(
	q: string | null,
	from: string | null
): Result<{ word: string; from: DictionaryLanguage }> {
	const word = (q ?? '').trim();
	if (!word) return { ok: false, error: queryError('queryMissing') };
	if (word.length > DICTIONARY_QUERY_MAX)
		return { ok: false, error: queryError('queryTooLong', { max: DICTIONARY_QUERY_MAX }) };
	if (!DICTIONARY_LANGUAGES.includes(from as DictionaryLanguage))
		return { ok: false, error: queryError('languageUnknown', { from: from ?? '' }) };
	return { ok: true, value: { word, from: from as DictionaryLanguage } };
}

let loaded: Promise<typeof import('$lib/core/dictionary')> | undefined;

/** The dictionary's entries for a word in `from`, inflected forms understood; [] if unknown. */
export async function lookupWord(
	word: string,
	from: DictionaryLanguage
): Promise<DictionaryEntry[]> {
	loaded ??= import('$lib/core/dictionary');
	return (await loaded).lookup(word, from);
}

export interface WordLookup {
	word: string;
	from: DictionaryLanguage;
	entries: DictionaryEntry[];
}

/**
 * A search's words looked up in both languages, for a page whose search found nothing: the
 * whole query first, then (when that is unknown and it has several words) each word. Only
 * lookups with entries are returned.
 */
export async function lookupQuery(query: string, maxWords = 4): Promise<WordLookup[]> {
	const phrase = query.trim().replace(/\s+/g, ' ');
	if (!phrase || phrase.length > DICTIONARY_QUERY_MAX) return [];
	const found: WordLookup[] = [];
	const lookupAll = async (word: string) => {
		for (const from of DICTIONARY_LANGUAGES) {
			const entries = await lookupWord(word, from);
			if (entries.length > 0) found.push({ word, from, entries });
		}
	};
	await lookupAll(phrase);
	if (found.length === 0 && phrase.includes(' ')) {
		const words = [...new Set(phrase.match(/[\p{L}\p{N}'’-]+/gu) ?? [])].slice(0, maxWords);
		for (const word of words) await lookupAll(word);
	}
	return found;
}
