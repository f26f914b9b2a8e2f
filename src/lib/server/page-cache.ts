// Rendered HTML of pages that depend only on what a request names and on the database, kept so
// that a second visit to a book copies bytes instead of rendering it again (4 ms of SvelteKit
// per request). It must never serve stale or someone else's content, so an entry is used only
// when everything the page's HTML depends on is the same:
//   - the request: GET of a page (not a data request), its full URL (origin, path and query),
//     the language and theme the hook chose; signed-in requests are never cached, and only the
//     routes in `routes` are (their loads, checked by hand, read no cookie, no account and no
//     learner: see PAGE_ROUTES in hooks.server.ts);
//   - the database: its generation (below) changes with any committed write from any
//     connection, this one's or another's (the analysis, the CLI, a second server);
//   - the analysis: a pending document's page shows progress that lives in memory, not in the
//     database, so nothing is cached while any document's analysis is pending.
// The CSP nonce is per response: the HTML is kept with the nonce cut out and every hit gets a
// fresh one, in its HTML and its Content-Security-Policy header alike.
import { randomBytes } from 'node:crypto';
import type { RequestEvent } from '@sveltejs/kit';
import { LRUCache } from 'lru-cache';
import type { Db } from './db';

export interface PageCacheOptions {
	/** Route ids (event.route.id) whose HTML depends only on the request's URL, language and theme, and the database. */
	routes: ReadonlySet<string>;
	/** The bound on the kept HTML, in bytes. */
	maxBytes?: number;
	/** Whether any document's analysis is pending (in memory progress shows on its pages). */
	analysisPending: () => boolean;
}

interface Entry {
	status: number;
	/** Header name and value; a value's nonce replaced by NONCE_MARK. */
	headers: [string, string][];
	/** The HTML as rendered; a hit writes its own nonce over the rendered one at `nonceAt`. */
	html: Buffer;
	/** Byte offsets of the nonce in each nonce attribute of `html`. */
	nonceAt: number[];
	bytes: number;
}

const NONCE_MARK = '\u0000nonce\u0000';

/** A nonce as SvelteKit makes one: 16 random bytes in base64, always this long. */
const NONCE_LENGTH = 24;
// Random bytes drawn in batches (one system call for 256 nonces), each used once.
let randomPool = Buffer.alloc(0);
let randomUsed = 0;
function freshNonce(): string {
	if (randomUsed + 16 > randomPool.length) {
		randomPool = randomBytes(16 * 256);
		randomUsed = 0;
	}
	randomUsed += 16;
	return randomPool.toString('base64', randomUsed - 16, randomUsed);
}

/** The database's generation: different after any committed write, by any connection. */
const generationQueries = new WeakMap<Db, { get(): unknown }[]>();
export function databaseGeneration(db: Db): string {
	let queries = generationQueries.get(db);
	if (!queries) {
		// data_version changes when another connection commits; total_changes() counts this
		// connection's own row changes (which data_version does not see); schema_version any DDL.
		// Three prepared one-value statements: about a microsecond each.
		queries = [
			db.prepare('SELECT total_changes()').pluck(),
			db.prepare('PRAGMA data_version').pluck(),
			db.prepare('PRAGMA schema_version').pluck()
		];
		generationQueries.set(db, queries);
	}
	return `${queries[0].get()}.${queries[1].get()}.${queries[2].get()}`;
}

export class PageCache {
	private readonly entries: LRUCache<string, Entry>;
	/** The generation the entries were rendered at; any other empties the cache. */
	private generation = '';
	/** The generation at which no analysis was pending (so the check runs once per write). */
	private settledAt = '';

	constructor(
		private readonly db: () => Db,
		private readonly options: PageCacheOptions
	) {
		const maxBytes = options.maxBytes ?? 32 * 1024 * 1024;
		this.entries = new LRUCache<string, Entry>({
			maxSize: maxBytes,
			maxEntrySize: Math.max(1, Math.floor(maxBytes / 4)),
			sizeCalculation: (entry) => entry.bytes
		});
	}

	/** The key of a request whose page may be cached, or undefined when it may not. */
	private keyOf(event: RequestEvent): string | undefined {
		if (event.request.method !== 'GET' || event.isDataRequest || event.isSubRequest)
			return undefined;
		if (event.route.id === null || !this.options.routes.has(event.route.id)) return undefined;
		// The shared mode's accounts see their own names and rights on every page: never kept.
		if (event.locals.user !== null) return undefined;
		const { lang, theme } = event.locals;
		return JSON.stringify([lang, theme, event.url.origin, event.url.pathname, event.url.search]);
	}

	/** Whether pages may be kept and served at this generation. */
	private settled(generation: string): boolean {
		if (this.settledAt === generation) return true;
		if (this.options.analysisPending()) return false;
		this.settledAt = generation;
		return true;
	}

	/** The page for `event`: kept HTML with a fresh nonce, or `render()`'s response (kept when it may be). */
	async respond(
		event: RequestEvent,
		render: () => Response | Promise<Response>
	): Promise<Response> {
		const key = this.keyOf(event);
		if (key === undefined) return render();
		const db = this.db();
		const before = databaseGeneration(db);
		if (before !== this.generation) {
			this.entries.clear();
			this.generation = before;
		}
		if (!this.settled(before)) return render();
		const kept = this.entries.get(key);
		if (kept) return served(kept);
		const response = await render();
		if (!keepable(response)) return response;
		const body = await response.text();
		const entry = entryOf(response, body);
		// Kept only if nothing was written while it rendered: it shows one state of the store.
		if (entry && databaseGeneration(db) === before && this.generation === before)
			this.entries.set(key, entry);
		return new Response(body, { status: response.status, headers: response.headers });
	}
}

/**
 * Only a complete 200 HTML page that sets no cookie, and that its route did not mark as private,
 * unstorable or varying on anything (setHeaders in a load): what it varies on is not in the key.
 */
function keepable(response: Response): boolean {
	const cacheControl = response.headers.get('cache-control') ?? '';
	return (
		response.status === 200 &&
		(response.headers.get('content-type') ?? '').startsWith('text/html') &&
		!response.headers.has('set-cookie') &&
		!response.headers.has('vary') &&
		!/\b(no-store|private)\b/i.test(cacheControl) &&
		response.body !== null
	);
}

/** The entry of a rendered page, or undefined when its nonce is somewhere we do not replace. */
function entryOf(response: Response, html: string): Entry | undefined {
	const csp =
		response.headers.get('content-security-policy') ??
		response.headers.get('content-security-policy-report-only') ??
		'';
	const nonce = /'nonce-([^']+)'/.exec(csp)?.[1];
	const headers: [string, string][] = [];
	for (const [name, value] of response.headers) {
		if (name === 'content-length') continue;
		const marked = nonce ? value.replaceAll(`'nonce-${nonce}'`, `'nonce-${NONCE_MARK}'`) : value;
		if (nonce && marked.includes(nonce)) return undefined;
		headers.push([name, marked]);
	}
	const texts = nonce ? html.split(`nonce="${nonce}"`) : [html];
	// A nonce left anywhere else (a use SvelteKit may add) would be served stale: not kept.
	if (nonce && texts.some((text) => text.includes(nonce))) return undefined;
	if (!nonce && html.includes('nonce=')) return undefined;
	if (nonce && nonce.length !== NONCE_LENGTH) return undefined;
	const nonceAt: number[] = [];
	let at = 0;
	for (const text of texts.slice(0, -1)) {
		at += Buffer.byteLength(text) + 'nonce="'.length;
		nonceAt.push(at);
		at += NONCE_LENGTH + 1;
	}
	const body = Buffer.from(html);
	return { status: response.status, headers, html: body, nonceAt, bytes: body.length + 1024 };
}

function served(entry: Entry): Response {
	const nonce = Buffer.from(freshNonce(), 'latin1');
	// The kept bytes are shared by every hit and never written: the body is their slices around
	// the rendered nonce, with the fresh one between them.
	const chunks: Buffer[] = [];
	let from = 0;
	for (const at of entry.nonceAt) {
		chunks.push(entry.html.subarray(from, at), nonce);
		from = at + NONCE_LENGTH;
	}
	chunks.push(entry.html.subarray(from));
	const headers = new Headers();
	const text = nonce.toString('latin1');
	for (const [name, value] of entry.headers)
		headers.append(name, value.replaceAll(NONCE_MARK, text));
	headers.set('content-length', String(entry.html.length));
	// As a stream of those chunks: a Response made from bytes would copy them.
	const stream = new ReadableStream<Uint8Array>({
		start(controller) {
			for (const chunk of chunks) controller.enqueue(chunk);
			controller.close();
		}
	});
	return new Response(stream, { status: entry.status, headers });
}
