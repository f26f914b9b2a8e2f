// Which names the server answers to. A web page can point its own domain at 127.0.0.1 (DNS
// rebinding) and then read and post to Puente as if same-origin; the browser still sends that
// domain in the Host header, so answering only to known names defeats it.

/** The names a local server always answers to, with any port. */
export const LOCAL_HOSTNAMES = ['localhost', '127.0.0.1', '[::1]'] as const;

/** Addresses that mean "every interface": they are not a name anybody can type. */
const WILDCARD_ADDRESSES = new Set(['0.0.0.0', '[::]']);

export interface HostPolicy {
	/** Lower-case hostnames without port; IPv6 addresses in brackets. */
	names: ReadonlySet<string>;
	/**
	 * Also answer to any IP address (not a name): set when HOST opens every interface, so the
	 * machine's own LAN address works. Rebinding needs a domain name, so addresses are safe.
	 */
	anyAddress: boolean;
}

// A hostname (letters, digits, dots, hyphens, underscores), an IPv4 address or a bracketed
// IPv6 address, then an optional port. Anything else (user info, paths, spaces) is malformed.
const HOST_HEADER = /^(\[[0-9a-f:.]+\]|[a-z0-9_.-]+)(?::(\d{1,5}))?$/i;

/** The hostname of a Host header in the policy's form, or undefined when it is malformed. */
export function hostnameOf(hostHeader: string | null | undefined): string | undefined {
	const match = HOST_HEADER.exec((hostHeader ?? '').trim());
	if (!match) return undefined;
	// A trailing dot names the same host ("localhost." is localhost).
	return match[1].toLowerCase().replace(/\.$/, '');
}

/** "::1", "[::1]:3000", "Puente.lan:80" → "[::1]", "[::1]", "puente.lan". */
function normaliseName(entry: string): string | undefined {
	const trimmed = entry.trim();
	if (!trimmed) return undefined;
	// A bare IPv6 address has two colons or more and no brackets; it has no port to strip.
	const bareIpv6 = !trimmed.startsWith('[') && trimmed.split(':').length > 2;
	const bracketed = bareIpv6 ? `[${trimmed}]` : trimmed;
	return hostnameOf(bracketed);
}

const isIpAddress = (hostname: string) =>
	hostname.startsWith('[') || /^\d{1,3}(\.\d{1,3}){3}$/.test(hostname);

/**
 * The policy from the environment: the local names, the HOST the server listens on when it
 * is a specific name or address, the name in ORIGIN (the public address behind a proxy), and
 * every entry of ALLOWED_HOSTS (a comma-separated list).
 */
export function hostPolicyFromEnv(env: {
	HOST?: string;
	ALLOWED_HOSTS?: string;
	ORIGIN?: string;
}): HostPolicy {
	const names = new Set<string>(LOCAL_HOSTNAMES);
	const listen = env.HOST ? normaliseName(env.HOST) : undefined;
	if (listen && !WILDCARD_ADDRESSES.has(listen)) names.add(listen);
	const origin = env.ORIGIN && URL.canParse(env.ORIGIN) ? new URL(env.ORIGIN).host : undefined;
	const originName = origin ? normaliseName(origin) : undefined;
	if (originName) names.add(originName);
	for (const entry of (env.ALLOWED_HOSTS ?? '').split(',')) {
		const name = normaliseName(entry);
		if (name) names.add(name);
	}
	return { names, anyAddress: !!listen && WILDCARD_ADDRESSES.has(listen) };
}

/** Whether a request with this Host header may be answered. */
export function isAllowedHost(hostHeader: string | null | undefined, policy: HostPolicy): boolean {
	const hostname = hostnameOf(hostHeader);
	if (!hostname) return false;
	return policy.names.has(hostname) || (policy.anyAddress && isIpAddress(hostname));
}
