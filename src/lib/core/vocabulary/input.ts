// What a learner may save and mark, checked at the edge before anything is stored: sizes,
// languages and statuses, each refusal a UserError with a message in the errors namespace.
import type { Result, UserError } from '../errors';

export type VocabularyLang = 'en' | 'es';
export type VocabularyStatus = 'new' | 'learning' | 'known';
export type VocabularyKind = 'word' | 'phrase' | 'sentence';

export const VOCABULARY_LANGS: readonly VocabularyLang[] = ['en', 'es'];
export const VOCABULARY_STATUSES: readonly VocabularyStatus[] = ['new', 'learning', 'known'];

/** Longest values kept: a sentence, its translation, the passage around it, a slug. */
export const VOCABULARY_LIMITS = {
	text: 500,
	translation: 1000,
	context: 2000,
	document: 200
} as const;

export interface SaveInput {
	text: string;
	lang: VocabularyLang;
	translation: string;
	context: string;
	document: string | null;
	status: 'learning' | 'known';
}

export interface StatusInput {
	text: string;
	lang: VocabularyLang;
	status: VocabularyStatus;
}

const inputError = (key: string, params?: Record<string, string | number>): UserError => ({
	code: 'invalid-input',
	key: `errors:vocabulary.${key}`,
	params
});

/** One space between words, composed accents: "año" typed two ways is one word. */
export function normalizeText(text: string): string {
	return text.normalize('NFC').trim().replace(/\s+/g, ' ');
}

/** What makes two saves the same item: case aside, accents kept ("año" is not "ano"). */
export function textKey(text: string): string {
	return normalizeText(text).toLowerCase();
}

/** A word has no space; a sentence ends as one and has several words; anything else is a phrase. */
export function kindOf(text: string): VocabularyKind {
	const normal = normalizeText(text);
	if (!/\s/.test(normal)) return 'word';
	return /[.!?…]["'”’»)]*$/.test(normal) && normal.split(' ').length >= 3 ? 'sentence' : 'phrase';
}

function optionalString(
	body: Record<string, unknown>,
	field: 'translation' | 'context' | 'document'
): Result<string> {
	const value = body[field];
	if (value === undefined || value === null) return { ok: true, value: '' };
	if (typeof value !== 'string') return { ok: false, error: inputError('notText', { field }) };
	const normal = normalizeText(value);
	if (normal.length > VOCABULARY_LIMITS[field])
		return {
			ok: false,
			error: inputError('tooLong', { field, max: VOCABULARY_LIMITS[field] })
		};
	return { ok: true, value: normal };
}

function checkTextAndLang(
	body: Record<string, unknown>
): Result<{ text: string; lang: VocabularyLang }> {
	const { text, lang } = body;
	if (typeof text !== 'string' || !normalizeText(text))
		return { ok: false, error: inputError('textMissing') };
	const normal = normalizeText(text);
	if (normal.length > VOCABULARY_LIMITS.text)
		return {
			ok: false,
			error: inputError('tooLong', { field: 'text', max: VOCABULARY_LIMITS.text })
		};
	if (!VOCABULARY_LANGS.includes(lang as VocabularyLang))
		return { ok: false, error: inputError('languageUnknown', { lang: String(lang ?? '') }) };
	return { ok: true, value: { text: normal, lang: lang as VocabularyLang } };
}

/** The body of a save: `{ text, lang, translation?, context?, document?, status? }`. */
export function checkSaveInput(body: Record<string, unknown>): Result<SaveInput> {
	const head = checkTextAndLang(body);
	if (!head.ok) return head;
	const translation = optionalString(body, 'translation');
	if (!translation.ok) return translation;
	const context = optionalString(body, 'context');
	if (!context.ok) return context;
	const document = optionalString(body, 'document');
	if (!document.ok) return document;
	const status = body.status ?? 'learning';
	if (status !== 'learning' && status !== 'known')
		return { ok: false, error: inputError('statusUnknown', { status: String(status) }) };
	return {
		ok: true,
		value: {
			...head.value,
			translation: translation.value,
			context: context.value,
			document: document.value || null,
			status
		}
	};
}

/** The body of a mark: `{ text, lang, status: 'new'|'learning'|'known' }`. */
export function checkStatusInput(body: Record<string, unknown>): Result<StatusInput> {
	const head = checkTextAndLang(body);
	if (!head.ok) return head;
	if (!VOCABULARY_STATUSES.includes(body.status as VocabularyStatus))
		return { ok: false, error: inputError('statusUnknown', { status: String(body.status ?? '') }) };
	return { ok: true, value: { ...head.value, status: body.status as VocabularyStatus } };
}
