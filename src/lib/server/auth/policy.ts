// Who may do what in the shared mode, decided in one place (src/hooks.server.ts asks before any
// route runs) instead of a check remembered in each action. Pure: no I/O.
//
// Reading (GET and HEAD) needs a signed-in account, any role; pages under /admin need an
// admin. Every write (any other method) is looked up in WRITES by its route and its form action
// or method; a write that is not listed needs an editor, so an action added tomorrow is closed
// to readers until someone decides otherwise. tests/unit/auth/coverage.test.ts fails when a
// route's action or write handler is missing here, so that decision is made on purpose.
import type { Role } from './roles';

/** What a request needs: nothing (`public`), or an account with at least this role. */
export type Access = 'public' | Role;

/** The key of a form action (`action:edit`, `action:default`) or of an endpoint's method (`POST`). */
export type WriteKey = `action:${string}` | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** Every write in src/routes, by route id. */
export const WRITES: Record<string, Partial<Record<WriteKey, Access>>> = {
	// Per-browser preferences: allowed to everyone, including the sign-in page.
	'/settings': { 'action:language': 'public', 'action:theme': 'public' },
	'/signin': { 'action:default': 'public' },
	'/signout': { POST: 'reader' },
	// Texts.
	'/add': { 'action:paste': 'editor', 'action:upload': 'editor', 'action:import': 'editor' },
	'/doc/[id]': {
		'action:edit': 'editor',
		'action:undo': 'editor',
		'action:redo': 'editor',
		'action:reapply': 'editor',
		'action:editText': 'editor',
		'action:splitSentence': 'editor',
		'action:joinSentences': 'editor',
		'action:dismissUnplaced': 'editor',
		'action:reapplyUnplaced': 'editor'
	},
	// The glossary.
	'/glossary': { 'action:import': 'editor' },
	'/glossary/new': { 'action:default': 'editor' },
	'/glossary/[id]/edit': { 'action:save': 'editor', 'action:delete': 'editor' },
	// Computations that store nothing: any signed-in account.
	'/api/align': { POST: 'reader' },
	'/api/detect': { POST: 'reader' },
	// Study: practice checks, a learner's own vocabulary, reviews and progress (kept per account
	// in the shared mode, through learnerOf).
	'/doc/[id]/practice': { 'action:check': 'reader' },
	'/api/vocabulary': { POST: 'reader', PATCH: 'reader', DELETE: 'reader' },
	'/review': { 'action:rate': 'reader' },
	'/progress': { 'action:import': 'reader', 'action:remove': 'reader' },
	// Accounts.
	'/admin/users': {
		'action:create': 'admin',
		'action:role': 'admin',
		'action:disable': 'admin',
		'action:enable': 'admin',
		'action:remove': 'admin'
	}
};

/** Pages anyone may read: the sign-in page. */
const PUBLIC_READS = new Set(['/signin']);

const READ_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export interface RequestShape {
	method: string;
	/** SvelteKit's route id (`/doc/[id]`), null when no route matches. */
	routeId: string | null;
	/** The URL's query, for the form action's name (`?/edit`). */
	search: URLSearchParams;
}

/** The form action a POST names, as SvelteKit reads it: the first `?/name` parameter, else `default`. */
export function actionName(search: URLSearchParams): string {
	for (const [name] of search) if (name.startsWith('/')) return name.slice(1) || 'default';
	return 'default';
}

/** What a request needs in the shared mode. */
export function accessFor(request: RequestShape): Access {
	const { routeId } = request;
	const method = request.method.toUpperCase();
	const adminArea = routeId !== null && (routeId === '/admin' || routeId.startsWith('/admin/'));
	if (READ_METHODS.has(method)) {
		if (routeId !== null && PUBLIC_READS.has(routeId)) return 'public';
		return adminArea ? 'admin' : 'reader';
	}
	const writes = routeId === null ? undefined : WRITES[routeId];
	// A POST may reach a form action or a +server.ts handler of the same route: ask for the
	// stricter of the two, so a route that has both cannot be entered through the looser one.
	// An action the route does not list needs the fallback, even when its endpoint is looser.
	const fallback: Access = adminArea ? 'admin' : 'editor';
	const candidates: (Access | undefined)[] = [writes?.[method as WriteKey]];
	const hasActions = Object.keys(writes ?? {}).some((key) => key.startsWith('action:'));
	if (method === 'POST' && hasActions)
		candidates.push(writes?.[`action:${actionName(request.search)}`] ?? fallback);
	const listed = candidates.filter((access): access is Access => access !== undefined);
	if (listed.length === 0) return fallback;
	return listed.reduce(stricter);
}

const ORDER: Access[] = ['public', 'reader', 'editor', 'admin'];

function stricter(a: Access, b: Access): Access {
	return ORDER.indexOf(a) >= ORDER.indexOf(b) ? a : b;
}
