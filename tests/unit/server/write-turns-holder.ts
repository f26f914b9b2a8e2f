// A worker thread for write-turns.test.ts: it asks for its turn as a writing job does
// (inWriteTurn), opens a write transaction on its own connection to the store, writes one row,
// says so, and holds the lock until the test lets it commit. So the test decides when the
// worker's lock ends, instead of guessing how long a real import holds it.
import { parentPort, workerData } from 'node:worker_threads';
import Database from 'better-sqlite3';
import { inWriteTurn, type WriteTurnTicket } from '../../../src/lib/server/write-turns';

const { store, ticket, commit, key } = workerData as {
	store: string;
	ticket: WriteTurnTicket;
	/** 0 until the test lets the transaction commit. */
	commit: Int32Array;
	key: string;
};

const db = new Database(store, { fileMustExist: true });
db.pragma('busy_timeout = 5000');
inWriteTurn(ticket, () => {
	db.exec('BEGIN IMMEDIATE');
	db.prepare("INSERT INTO analysis_meta (key, value) VALUES (?, 'worker')").run(key);
	parentPort?.postMessage('holding');
	Atomics.wait(commit, 0, 0);
	db.exec('COMMIT');
});
db.close();
parentPort?.postMessage('committed');
