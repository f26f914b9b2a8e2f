// A list page's filter form, shared by the library and the glossary: filtering as you type
// (the form stays a plain GET that works without JavaScript), and "/" to reach its search box.
import { goto } from '$app/navigation';

/**
 * Returns `filterSoon(form, delay)`: after a pause in typing, shows `path` with the form's
 * non-empty fields as the query, keeping focus and scroll, replacing the history entry.
 * `path` must already be resolved (resolve('/glossary')).
 */
export function liveFilter(path: string) {
	let timer: ReturnType<typeof setTimeout>;
	return (form: HTMLFormElement, delay = 200) => {
		clearTimeout(timer);
		timer = setTimeout(() => {
			const query = new URLSearchParams(
				[...new FormData(form)]
					.filter(([, value]) => value)
					.map(([name, value]) => [name, String(value)])
			);
			// eslint-disable-next-line svelte/no-navigation-without-resolve -- `path` comes resolved
			goto(`${path}?${query}`, { keepFocus: true, replaceState: true, noScroll: true });
		}, delay);
	};
}

/** Svelte action: "/" anywhere outside a text field focuses this element (as on most sites). */
export function focusOnSlash(element: HTMLElement) {
	const onKeydown = (event: KeyboardEvent) => {
		if (event.key !== '/' || event.ctrlKey || event.metaKey || event.altKey) return;
		if ((event.target as HTMLElement).closest('input, textarea, select, [contenteditable="true"]'))
			return;
		event.preventDefault();
		element.focus();
	};
	window.addEventListener('keydown', onKeydown);
	return { destroy: () => window.removeEventListener('keydown', onKeydown) };
}
