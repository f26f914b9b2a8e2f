// Turns at the store's write lock between this thread and the worker jobs that write (issue #12):
// a glossary import's one all-or-nothing transaction, the re-marking after a glossary change.
// SQLite lets one connection write at a time, and a write on this thread that meets a worker's
// lock waits for it synchronously (busy_timeout), holding the event loop: 0.3-1 s behind a
// 50,000-entry import. So a worker never just takes the lock: it asks this thread, by a message,
// and blocks (its own thread) until this thread grants the turn; this thread's writers first
// `await storeWritable()`, which waits, without holding the loop, while a worker has the turn.
//
// Why that is enough: this thread's writes are synchronous, and a grant is given only in a message
// handler, a task of its own on the event loop. So between `await storeWritable()` and the end of
// the synchronous code after it, no worker can be granted the lock: a writer awaits it right
// before its write, with no other `await` between. When a worker's turn ends, this thread's
// waiting writers run first (their promises resolve at once), the next worker's turn only after
// (setImmediate). The alternatives were worse: a short busy timeout with retries needs every write
// to be safely repeatable, and a worker writing in short transactions loses the import's
// all-or-nothing (glossary-import.ts). SQLite's own lock still keeps the data right whatever
// happens here: turns decide only who waits, and where.
//
// One store per server process, so one set of turns per process. Relative imports only: the
// worker loads this file through tsx, outside Vite, where the `$lib` alias does not exist.
import { MessageChannel, threadId, type MessagePort } from 'node:worker_threads';

/** What a worker job that writes carries, to ask for its turns. */
export interface WriteTurnTicket {
	port: MessagePort;
	/** One Int32 over shared memory: 1 while this thread grants the job the turn, else 0. */
	granted: Int32Array;
	/** The thread that grants turns: a task run there (tests, a stand-in runner) writes at once. */
	grantor: number;
}

type TurnMessage = 'ask' | 'done';

/** How long a worker waits for a grant before it writes anyway (this thread is not answering). */
export const GRANT_TIMEOUT_MS = 10_000;

/** This thread's side: who has the turn, which workers asked, which writers here wait. */
export class StoreWriteTurns {
	private holder: WriteTurnTicket | undefined;
	private readonly asking: WriteTurnTicket[] = [];
	private waiting: (() => void)[] = [];

	/** Whether a worker has the turn now (its write may be under way). */
	get workerWriting(): boolean {
		return this.holder !== undefined;
	}

	/** How many writers on this thread wait for a worker's turn to end. */
	get writersWaiting(): number {
		return this.waiting.length;
	}

	/** How many worker jobs have asked for a turn and wait for it. */
	get workersAsking(): number {
		return this.asking.length;
	}

	/**
	 * Resolves when this thread may write without meeting a worker's lock: at once when no worker
	 * has the turn. Await it right before a synchronous write, with no other await between.
	 */
	writable(): Promise<void> {
		if (!this.holder) return Promise.resolve();
		return new Promise((resolve) => this.waiting.push(resolve));
	}

	/**
	 * A ticket for one worker job, to send with the task (transfer `ticket.port`). `close` once
	 * the task has settled: it ends a turn the worker could not end itself (the thread died).
	 */
	ticket(): { ticket: WriteTurnTicket; close: () => void } {
		const channel = new MessageChannel();
		const ticket: WriteTurnTicket = {
			port: channel.port2,
			granted: new Int32Array(new SharedArrayBuffer(Int32Array.BYTES_PER_ELEMENT)),
			grantor: threadId
		};
		channel.port1.on('message', (message: TurnMessage) => {
			if (message === 'ask') this.ask(ticket);
			else this.end(ticket);
		});
		// A job that never asks must not keep the process alive.
		channel.port1.unref();
		return {
			ticket,
			close: () => {
				const queued = this.asking.indexOf(ticket);
				if (queued >= 0) this.asking.splice(queued, 1);
				this.end(ticket);
				channel.port1.close();
			}
		};
	}

	private ask(ticket: WriteTurnTicket): void {
		this.asking.push(ticket);
		if (!this.holder) this.grantNext();
	}

	private grantNext(): void {
		if (this.holder) return;
		const next = this.asking.shift();
		if (!next) return;
		this.holder = next;
		Atomics.store(next.granted, 0, 1);
		Atomics.notify(next.granted, 0);
	}

	private end(ticket: WriteTurnTicket): void {
		if (this.holder !== ticket) return;
		this.holder = undefined;
		Atomics.store(ticket.granted, 0, 0);
		// This thread's writers first: they run as soon as this handler returns, before the next
		// message or timer, so a stream of worker jobs cannot keep them waiting.
		const waiting = this.waiting;
		this.waiting = [];
		for (const resolve of waiting) resolve();
		if (this.asking.length > 0) setImmediate(() => this.grantNext());
	}
}

/** The server's turns (one store per process). */
export const storeWriteTurns = new StoreWriteTurns();

/**
 * Runs a worker job that writes to the server's store with a ticket for its turns, and closes the
 * ticket once the job has settled (ending a turn the job's thread could not end itself).
 */
export async function withWriteTicket<T>(job: (ticket: WriteTurnTicket) => Promise<T>): Promise<T> {
	const { ticket, close } = storeWriteTurns.ticket();
	try {
		return await job(ticket);
	} finally {
		close();
	}
}

/** Resolves when this thread may write to the store (see StoreWriteTurns.writable). */
export const storeWritable = (): Promise<void> => storeWriteTurns.writable();

/**
 * The worker's side: `write` (one synchronous write transaction) in a turn granted by the
 * server's thread; without a ticket (the CLI, tests), at once.
 * If no grant comes within GRANT_TIMEOUT_MS the write goes ahead: SQLite's lock keeps it right,
 * and a thread that answers no message has no event loop left to keep free. On the granting
 * thread itself (a task a test runs there) there is nobody to ask: the write goes ahead too.
 */
export function inWriteTurn<T>(ticket: WriteTurnTicket | undefined, write: () => T): T {
	if (!ticket || ticket.grantor === threadId) return write();
	ticket.port.postMessage('ask' satisfies TurnMessage);
	Atomics.wait(ticket.granted, 0, 0, GRANT_TIMEOUT_MS);
	try {
		return write();
	} finally {
		// Cleared here, not only by the grant's end over there: a second turn of the same job must
		// not find the first one's grant still set and write without asking.
		Atomics.store(ticket.granted, 0, 0);
		ticket.port.postMessage('done' satisfies TurnMessage);
	}
}
