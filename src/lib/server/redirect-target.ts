// Where a redirect may send the browser: only to a path of this app. The candidates come from
// the request (a Referer header, a `return` field), so anyone can put another site in them.

/**
 * The path, query and fragment of `candidate` when it points into this app (`appOrigin`),
 * else `/`. Accepts absolute URLs and paths from the root; anything else (a relative path,
 * text that is not a URL) also gives `/`.
 */
export function appPath(candidate: string | null | undefined, appOrigin: string | URL): string {
	if (!candidate || !(URL.canParse(candidate) || candidate.startsWith('/'))) return '/';
	let origin: string;
	let target: URL;
	try {
		origin = new URL(appOrigin).origin;
		target = new URL(candidate, origin);
	} catch {
		return '/';
	}
	if (target.origin !== origin) return '/';
	// A path starting "//" would be read by the browser as a link to another host.
	const path = '/' + target.pathname.replace(/^[/\\]+/, '');
	return path + target.search + target.hash;
}
