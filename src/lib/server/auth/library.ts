// The shared mode's accounts and sessions, through better-auth: email and password, sessions
// in Puente's own SQLite file, roles from its admin plugin. This module knows nothing of
// SvelteKit, so the `puente user` command builds the same instance (server.ts adds the cookie
// bridge for requests).
//
// Why better-auth and not Auth.js: Auth.js's credentials provider keeps no database sessions
// (JWT only) and leaves passwords, roles and user management to us; better-auth hashes
// passwords (scrypt), stores sessions in the database we already have through better-sqlite3,
// rate-limits sign-in, and its admin plugin lists, creates, bans and removes users and sets
// roles, checked again on its side.
import { betterAuth, type BetterAuthPlugin } from 'better-auth';
import { storeWritable } from '../write-turns';
import { admin } from 'better-auth/plugins';
import { createAccessControl } from 'better-auth/plugins/access';
import { adminAc, defaultStatements } from 'better-auth/plugins/admin/access';
import { randomBytes } from 'node:crypto';
import type { Db } from '../db';
import { ROLES } from './roles';

/**
 * Table names: prefixed, so that "user" and "session" say whose they are beside documents and
 * alignments. The tables themselves are created by our migrations (migrations.ts), not by the
 * library at start: one schema history, one user_version, and a database that opens the same
 * with the shared mode on or off. tests/unit/auth/schema.test.ts fails when the library wants
 * a table or column our migration does not have (after an upgrade, say).
 */
export const AUTH_TABLES = {
	user: 'auth_user',
	session: 'auth_session',
	account: 'auth_account',
	verification: 'auth_verification'
} as const;

const accessControl = createAccessControl(defaultStatements);
const noUserPowers = { user: [], session: [] };

export interface AuthSetup {
	db: Db;
	/** Where the app is served (ORIGIN); only decides Secure cookies and the internal base URL. */
	origin?: string;
	/** A fixed signing secret (PUENTE_AUTH_SECRET); otherwise one is made once and kept in the database. */
	secret?: string;
	plugins?: BetterAuthPlugin[];
}

/** The header our sign-in action sets from the socket's address, so rate limiting is per client. */
export const CLIENT_IP_HEADER = 'x-puente-client-ip';
/** The library's routes are not exposed over HTTP: our actions call them in process at this base. */
export const AUTH_BASE_PATH = '/api/auth';

/**
 * Each of the library's writes (a sign-in's session, a sign-out, an account made or changed)
 * first waits its turn at the store's write lock, without holding the event loop, while a worker
 * job writes (write-turns.ts): otherwise it would wait there synchronously, in SQLite's busy
 * timeout. Nothing but promises already settled runs between the hook and the library's write,
 * so no worker can be granted the lock in between.
 */
const awaitWriteTurn = {
	before: async () => {
		await storeWritable();
	}
};
const WRITES_AWAIT_THEIR_TURN = {
	create: awaitWriteTurn,
	update: awaitWriteTurn,
	delete: awaitWriteTurn
};

export function createAuth(setup: AuthSetup) {
	const origin = setup.origin || 'http://localhost';
	return betterAuth({
		appName: 'Puente',
		baseURL: origin,
		basePath: AUTH_BASE_PATH,
		secret: setup.secret || storedSecret(setup.db),
		database: setup.db,
		telemetry: { enabled: false },
		user: { modelName: AUTH_TABLES.user },
		session: { modelName: AUTH_TABLES.session },
		account: { modelName: AUTH_TABLES.account },
		verification: { modelName: AUTH_TABLES.verification },
		databaseHooks: {
			user: WRITES_AWAIT_THEIR_TURN,
			session: WRITES_AWAIT_THEIR_TURN,
			account: WRITES_AWAIT_THEIR_TURN,
			verification: WRITES_AWAIT_THEIR_TURN
		},
		// Accounts are made by an admin (the users page, or `puente user add`), never by sign-up.
		emailAndPassword: { enabled: true, disableSignUp: true, minPasswordLength: 8 },
		// On in every environment (the library's default is production only); the sign-in path
		// keeps the library's own rule, 3 attempts per 10 seconds per client address.
		rateLimit: { enabled: true, storage: 'memory' },
		advanced: {
			// HttpOnly and SameSite=Lax are the library's defaults; Secure (and the __Secure-
			// prefix) when the app is served over https.
			useSecureCookies: origin.startsWith('https://'),
			ipAddress: { ipAddressHeaders: [CLIENT_IP_HEADER] }
		},
		plugins: [
			admin({
				ac: accessControl,
				roles: {
					reader: accessControl.newRole(noUserPowers),
					editor: accessControl.newRole(noUserPowers),
					admin: adminAc
				},
				defaultRole: 'reader',
				adminRoles: ['admin']
			}),
			...(setup.plugins ?? [])
		]
	});
}

export type Auth = ReturnType<typeof createAuth>;

/** The signing secret: made once per database, so sessions survive a restart. */
function storedSecret(db: Db): string {
	const row = db.prepare(`SELECT value FROM auth_settings WHERE key = 'secret'`).get() as
		{ value: string } | undefined;
	if (row) return row.value;
	const secret = randomBytes(32).toString('base64url');
	db.prepare(`INSERT OR IGNORE INTO auth_settings (key, value) VALUES ('secret', ?)`).run(secret);
	return (
		db.prepare(`SELECT value FROM auth_settings WHERE key = 'secret'`).get() as { value: string }
	).value;
}

export { ROLES };
