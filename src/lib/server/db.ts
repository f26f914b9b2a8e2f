// The embedded store: one SQLite file (better-sqlite3), WAL mode, schema migrations applied in
// order on open. PUENTE_DB overrides the path; the default lives under data/ in the project.
import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { migrations } from './migrations';

export type Db = Database.Database;

export function defaultDbPath(env: NodeJS.ProcessEnv = process.env): string {
	return resolve(env.PUENTE_DB || 'data/puente.db');
}

export function openDb(path = defaultDbPath()): Db {
	if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
	const db = new Database(path);
	db.pragma('journal_mode = WAL');
	db.pragma('foreign_keys = ON');
	// Two tabs, the CLI and the server may write at once: wait for the lock instead of failing.
	// (Not for the server's own worker jobs: they write in turns this thread grants, and its
	// writers await theirs, so that this synchronous wait never holds the event loop: write-turns.ts.)
	db.pragma('busy_timeout = 5000');
	migrate(db);
	return db;
}

/** Applies every migration newer than the file's user_version, each in its own transaction. */
export function migrate(db: Db): void {
	const current = db.pragma('user_version', { simple: true }) as number;
	for (const [index, sql] of migrations.entries()) {
		const version = index + 1;
		if (version <= current) continue;
		db.transaction(() => {
			db.exec(sql);
			db.pragma(`user_version = ${version}`);
		})();
	}
}

let shared: Db | undefined;

/** The process-wide connection. SQLite connections are safe to share; no per-request state lives here. */
export function getDb(): Db {
	shared ??= openDb();
	return shared;
}
