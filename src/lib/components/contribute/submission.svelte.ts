// What every add form does on top of the plain POST (use:enhance): show that it is working,
// keep what was typed, and move focus to the errors when the server sends some back.
import { tick } from 'svelte';
import type { SubmitFunction } from '@sveltejs/kit';
import type { AddFailure } from './model';

export class Submission {
	busy = $state(false);
	#summary: () => HTMLElement | null | undefined;
	#onFailure: (failure: AddFailure) => void;

	constructor(
		summary: () => HTMLElement | null | undefined,
		onFailure: (failure: AddFailure) => void = () => {}
	) {
		this.#summary = summary;
		this.#onFailure = onFailure;
	}

	submit: SubmitFunction = () => {
		this.busy = true;
		return async ({ result, update }) => {
			try {
				// Never reset: on success the page changes anyway, on failure the text must stay.
				await update({ reset: false });
			} finally {
				this.busy = false;
			}
			if (result.type === 'failure') {
				const failure = result.data as AddFailure | undefined;
				if (failure?.values) this.#onFailure(failure);
				await tick();
				this.#summary()?.focus();
			}
		};
	};
}
