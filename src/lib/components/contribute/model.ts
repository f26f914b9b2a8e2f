// What the add page's forms send back when something is wrong: the values to show again,
// the errors per field, and the language check of a pair. Plain data, shared by the route
// and the components.
import type { UserError } from '$lib/core/errors';
import type { Lang, LangOrUnd } from '$lib/core/types';

export const ADD_MODES = ['paste', 'upload', 'import'] as const;
export type AddMode = (typeof ADD_MODES)[number];

/** One text (possibly mixed), or an English text and its Spanish translation. */
export type Shape = 'one' | 'pair';

export type FileField = 'file' | 'enFile' | 'esFile' | 'memory';

export interface AddValues {
	shape: Shape;
	title: string;
	text: string;
	en: string;
	es: string;
	/** Names of the files that were chosen (a browser never lets a page fill a file input again). */
	files: Partial<Record<FileField, string>>;
}

export interface AddFieldError {
	/** A form field name, or 'form' for the whole form. */
	field: string;
	error: UserError;
}

export interface AddSideLanguage {
	side: Lang;
	detected: LangOrUnd;
	share: number;
}

export interface AddFailure {
	mode: AddMode;
	values: AddValues | null;
	errors: AddFieldError[];
	languages: AddSideLanguage[] | null;
}

export const emptyValues = (): AddValues => ({
	shape: 'one',
	title: '',
	text: '',
	en: '',
	es: '',
	files: {}
});
