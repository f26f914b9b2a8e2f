// No component holds a user-visible string outside i18next: every text node and every
// user-facing attribute (title, aria-label, placeholder, alt…) with letters in it must come
// from an expression, not be written in the markup.
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { parse } from 'svelte/compiler';

const root = resolve(import.meta.dirname, '../..');
const VISIBLE_ATTRIBUTES = new Set([
	'title',
	'alt',
	'placeholder',
	'aria-label',
	'aria-description',
	'label'
]);
const LETTERS = /\p{L}{2,}/u;

function svelteFiles(dir: string): string[] {
	return readdirSync(dir).flatMap((name) => {
		const path = join(dir, name);
		if (statSync(path).isDirectory()) return svelteFiles(path);
		return name.endsWith('.svelte') ? [path] : [];
	});
}

interface Node {
	type: string;
	data?: string;
	name?: string;
	value?: unknown;
	[key: string]: unknown;
}

function findHardCoded(node: unknown, found: string[], inStyleOrScript = false): void {
	if (!node || typeof node !== 'object') return;
	if (Array.isArray(node)) {
		for (const child of node) findHardCoded(child, found, inStyleOrScript);
		return;
	}
	const n = node as Node;
	if (n.type === 'Text' && !inStyleOrScript && LETTERS.test(n.data ?? ''))
		found.push((n.data ?? '').trim());
	// style:top="{y}px", class:, bind:… carry CSS and code, never words for a person.
	if (n.type?.endsWith('Directive')) return;
	if (n.type === 'Attribute') {
		// Only attributes a person reads or hears; class names, hrefs and form values are not messages.
		if (VISIBLE_ATTRIBUTES.has(n.name ?? '') && Array.isArray(n.value))
			for (const part of n.value as Node[])
				if (part.type === 'Text' && LETTERS.test(part.data ?? ''))
					found.push(`${n.name}="${part.data}"`);
		return;
	}
	for (const [key, value] of Object.entries(n)) {
		if (key === 'instance' || key === 'module' || key === 'css' || key === 'expression') continue;
		findHardCoded(value, found, inStyleOrScript);
	}
}

describe('components', () => {
	const files = svelteFiles(join(root, 'src'));

	it('are found', () => {
		expect(files.length).toBeGreaterThan(3);
	});

	for (const file of files) {
		it(`${relative(root, file)} has no user-visible string outside i18next`, () => {
			const ast = parse(readFileSync(file, 'utf8'), { modern: true });
			const found: string[] = [];
			findHardCoded(ast.fragment, found);
			expect(found).toEqual([]);
		});
	}
});
