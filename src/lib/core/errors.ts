// Errors a user can cause are values, not exceptions: a stable code plus an i18n key and
// parameters. The edge (HTTP, CLI, page) turns them into a message in the user's language.

export type UserErrorCode =
	| 'file-not-found'
	| 'file-is-directory'
	| 'file-binary'
	| 'file-not-utf8'
	| 'text-empty'
	| 'text-too-large'
	| 'side-empty'
	| 'side-wrong-language'
	| 'lengths-mismatch'
	| 'format-invalid'
	| 'not-found'
	| 'conflict'
	| 'busy'
	| 'invalid-input';

export interface UserError {
	code: UserErrorCode;
	/** i18next key under the `errors` namespace, e.g. `errors:text-too-large`. */
	key: string;
	params?: Record<string, string | number>;
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: UserError };

export function userError(
	code: UserErrorCode,
	params?: Record<string, string | number>
): UserError {
	return { code, key: `errors:${code}`, params };
}

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });
export const fail = <T = never>(
	code: UserErrorCode,
	params?: Record<string, string | number>
): Result<T> => ({ ok: false, error: userError(code, params) });

/** Thrown only to carry a UserError through code that cannot return one (e.g. a parser deep in a loop). */
export class UserErrorException extends Error {
	constructor(readonly userError: UserError) {
		super(userError.code);
	}
}
