// Removing an account of the shared mode, with what it owns outside the library's tables: its
// vocabulary, cards and reviews name it as their learner. Apart from users.ts, so that the
// `puente user` command does not load the vocabulary store.
import type { Db } from '../db';
import { accountLearner } from '../learner';
import { removeLearner } from '../vocabulary';
import type { Auth } from './library';

/**
 * Removes an account (the library checks that `headers` are an admin's), then everything stored
 * for it as a learner: nothing of a removed person stays. A refusal throws, and removes nothing.
 */
export async function removeAccount(
	auth: Auth,
	db: Db,
	accountId: string,
	headers: Headers
): Promise<void> {
	await auth.api.removeUser({ headers, body: { userId: accountId } });
	removeLearner(db, accountLearner(accountId));
}
