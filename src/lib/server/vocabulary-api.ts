// The vocabulary API's guard on writes. SvelteKit checks the Origin of form posts only; these
// endpoints take JSON, which a page on another site can send only after a CORS preflight that
// Puente never answers. So a write must say `Content-Type: application/json` (a cross-site form
// cannot), and a request whose Origin is another site is refused outright.
import type { UserError } from '$lib/core/errors';

export function crossSiteWriteError(request: Request, url: URL): UserError | null {
	const origin = request.headers.get('origin');
	if (origin && origin !== url.origin)
		return { code: 'invalid-input', key: 'errors:vocabulary.crossSite' };
	const type = (request.headers.get('content-type') ?? '').split(';')[0].trim().toLowerCase();
	if (request.method !== 'DELETE' && type !== 'application/json')
		return { code: 'invalid-input', key: 'errors:vocabulary.jsonRequired' };
	return null;
}
