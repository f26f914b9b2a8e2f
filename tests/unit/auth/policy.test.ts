// The shared mode's policy: what each request needs, decided before any route runs.
import { describe, expect, it } from 'vitest';
import { accessFor, actionName, WRITES } from '$lib/server/auth/policy';
import { roleAllows, ROLES, type Role } from '$lib/server/auth/roles';

const ask = (method: string, routeId: string | null, search = '') =>
	accessFor({ method, routeId, search: new URLSearchParams(search) });

describe('roleAllows', () => {
	const table: [Role, Role, boolean][] = [
		['reader', 'reader', true],
		['reader', 'editor', false],
		['reader', 'admin', false],
		['editor', 'reader', true],
		['editor', 'editor', true],
		['editor', 'admin', false],
		['admin', 'reader', true],
		['admin', 'editor', true],
		['admin', 'admin', true]
	];
	for (const [role, needed, allowed] of table)
		it(`${role} ${allowed ? 'may' : 'may not'} do what needs ${needed}`, () => {
			expect(roleAllows(role, needed)).toBe(allowed);
		});
});

describe('actionName', () => {
	it('reads the action SvelteKit would run', () => {
		expect(actionName(new URLSearchParams('/edit'))).toBe('edit');
		expect(actionName(new URLSearchParams('x=1&/undo'))).toBe('undo');
		expect(actionName(new URLSearchParams(''))).toBe('default');
		expect(actionName(new URLSearchParams('/'))).toBe('default');
	});
});

describe('accessFor', () => {
	it('lets any signed-in account read, and only admins read the admin pages', () => {
		expect(ask('GET', '/doc/[id]')).toBe('reader');
		expect(ask('HEAD', '/')).toBe('reader');
		expect(ask('GET', '/api/documents')).toBe('reader');
		expect(ask('GET', null)).toBe('reader');
		expect(ask('GET', '/admin/users')).toBe('admin');
	});

	it('lets everyone reach the sign-in page and the language and theme settings', () => {
		expect(ask('GET', '/signin')).toBe('public');
		expect(ask('POST', '/signin')).toBe('public');
		expect(ask('POST', '/settings', '/language')).toBe('public');
		expect(ask('POST', '/settings', '/theme')).toBe('public');
	});

	it('asks an editor for every correction, text and glossary write', () => {
		for (const action of ['edit', 'undo', 'redo', 'editText', 'splitSentence', 'joinSentences'])
			expect(ask('POST', '/doc/[id]', `/${action}`)).toBe('editor');
		for (const action of ['paste', 'upload', 'import'])
			expect(ask('POST', '/add', `/${action}`)).toBe('editor');
		expect(ask('POST', '/glossary/new')).toBe('editor');
		expect(ask('POST', '/glossary/[id]/edit', '/delete')).toBe('editor');
		expect(ask('POST', '/glossary', '/import')).toBe('editor');
	});

	it('asks an editor for a write nobody listed: a new route, a new action, another method', () => {
		expect(ask('POST', '/somewhere/new')).toBe('editor');
		expect(ask('POST', '/doc/[id]', '/somethingNew')).toBe('editor');
		expect(ask('POST', '/settings', '/somethingNew')).toBe('editor');
		expect(ask('PUT', '/api/align')).toBe('editor');
		expect(ask('DELETE', '/doc/[id]')).toBe('editor');
		expect(ask('POST', null)).toBe('editor');
	});

	it('keeps the admin area for admins, listed or not', () => {
		expect(ask('POST', '/admin/users', '/create')).toBe('admin');
		expect(ask('POST', '/admin/users', '/anything')).toBe('admin');
		expect(ask('POST', '/admin/other')).toBe('admin');
	});

	it("lets a reader keep their own vocabulary and use the computing API's", () => {
		expect(ask('POST', '/api/vocabulary')).toBe('reader');
		expect(ask('DELETE', '/api/vocabulary')).toBe('reader');
		expect(ask('POST', '/api/align')).toBe('reader');
		expect(ask('POST', '/signout')).toBe('reader');
	});

	it('only names real roles', () => {
		for (const writes of Object.values(WRITES))
			for (const access of Object.values(writes)) expect(['public', ...ROLES]).toContain(access);
	});
});
