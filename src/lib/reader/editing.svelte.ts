// Sending the alignment editor's corrections: each goes to a named form action of the reader page
// (fetch + deserialize, as `use:enhance` does), the page's data is reloaded on success, and a
// refusal is kept for the toolbar to show: an invalid edit as a message, a version conflict with
// both versions so the person can compare and re-apply theirs.
import { deserialize } from '$app/forms';
import { invalidateAll } from '$app/navigation';

/** The reader page's editing actions (see src/routes/doc/[id]/+page.server.ts). */
export type EditAction =
	| 'edit'
	| 'undo'
	| 'redo'
	| 'editText'
	| 'splitSentence'
	| 'joinSentences'
	| 'reapply'
	| (string & {});

export interface EditError {
	code: string;
	key: string;
	params?: Record<string, string | number>;
}

/** A change another tab's save made impossible: what is stored now and what this tab tried. */
export interface EditConflict {
	action: EditAction;
	error: EditError;
	theirs: unknown;
	yours: unknown;
	/** The refused change as the server kept it (a revision), for `?/reapply`; absent if not kept. */
	refused?: number;
	documentId?: number;
}

export type EditOutcome =
	| { ok: true; saved: string; revision?: number }
	| { ok: false; conflict: EditConflict }
	| { ok: false; error: EditError };

const asNumber = (value: unknown): number | undefined =>
	typeof value === 'number' && Number.isInteger(value)
		? value
		: typeof value === 'string' && /^\d+$/.test(value)
			? Number(value)
			: undefined;

/** The id of the refused change, wherever the conflict answer carries it. */
function refusedRevision(data: Record<string, unknown>): number | undefined {
	const yours = data.yours as Record<string, unknown> | undefined;
	return (
		asNumber(data.refused) ??
		asNumber((data.refused as Record<string, unknown> | undefined)?.revision) ??
		asNumber(yours?.revision) ??
		asNumber(yours?.id)
	);
}

export class EditorState {
	/** A correction is on its way; another waits for it (a double key press must not save twice). */
	pending = $state(false);
	/** The last outcome, said to screen readers and shown under the toolbar. */
	status = $state('');
	error = $state.raw<EditError | null>(null);
	conflict = $state.raw<EditConflict | null>(null);

	/** Posts one action with its fields; on success reloads the page's data before resolving. */
	async send(action: EditAction, fields: Record<string, string>): Promise<EditOutcome> {
		if (this.pending) return { ok: false, error: { code: 'busy', key: 'editor:busy' } };
		this.pending = true;
		try {
			const body = new FormData();
			for (const [name, value] of Object.entries(fields)) body.set(name, value);
			const response = await fetch(`?/${action}`, {
				method: 'POST',
				body,
				headers: { accept: 'application/json', 'x-sveltekit-action': 'true' }
			});
			const result = deserialize(await response.text());
			if (result.type === 'success') {
				this.error = null;
				this.conflict = null;
				const data = (result.data ?? {}) as Record<string, unknown>;
				await invalidateAll();
				return { ok: true, saved: String(data.saved ?? action), revision: asNumber(data.revision) };
			}
			if (result.type === 'failure') {
				const data = (result.data ?? {}) as Record<string, unknown>;
				const error = (data.error as EditError | undefined) ?? {
					code: 'invalid-input',
					key: 'errors:invalid-input',
					params: { detail: action }
				};
				if (result.status === 409 || error.code === 'conflict') {
					const conflict: EditConflict = {
						action,
						error,
						theirs: data.theirs,
						yours: data.yours,
						refused: refusedRevision(data),
						documentId: asNumber(fields.document)
					};
					this.conflict = conflict;
					this.error = null;
					return { ok: false, conflict };
				}
				this.error = error;
				return { ok: false, error };
			}
			// A redirect or an error page: not a correction's answer; say so, change nothing.
			const error = { code: 'unexpected', key: 'editor:unexpected' };
			this.error = error;
			return { ok: false, error };
		} catch {
			const error = { code: 'offline', key: 'editor:offline' };
			this.error = error;
			return { ok: false, error };
		} finally {
			this.pending = false;
		}
	}

	dismissConflict() {
		this.conflict = null;
	}
}
