// Removing an account of the shared mode removes what it studied too (saved words, their cards,
// reviews and status changes), and only its own; a reader cannot remove anyone, and a refused
// removal leaves the account's vocabulary as it was.
import { describe, expect, it } from 'vitest';
import { openDb, type Db } from '$lib/server/db';
import { createAuth } from '$lib/server/auth/library';
import { createAccount, listAccounts } from '$lib/server/auth/users';
import { removeAccount } from '$lib/server/auth/account-removal';
import { accountLearner } from '$lib/server/learner';
import { saveItem, setItemStatus } from '$lib/server/vocabulary';
import { rateReviewCard } from '$lib/server/vocabulary-review';

const LEARNER_TABLES = ['vocabulary_items', 'review_cards', 'review_log', 'vocabulary_status_log'];

/** Rows per table stored for a learner. */
const rowsOf = (db: Db, learner: string) =>
	LEARNER_TABLES.map(
		(table) =>
			(
				db.prepare(`SELECT count(*) AS n FROM ${table} WHERE learner = ?`).get(learner) as {
					n: number;
				}
			).n
	);

/** A learner who saved a word, reviewed it once and marked another known. */
function study(db: Db, learner: string) {
	const { item } = saveItem(
		db,
		learner,
		{
			text: 'marcharon',
			lang: 'es',
			translation: 'marched',
			context: 'Los manifestantes marcharon.',
			document: null,
			status: 'learning'
		},
		'marchar'
	);
	expect(rateReviewCard(db, learner, `item:${item.id}:es`, 'good').ok).toBe(true);
	setItemStatus(db, learner, { text: 'plaza', lang: 'es', status: 'known' }, 'plaza');
}

async function setUp() {
	const db = openDb(':memory:');
	const auth = createAuth({ db });
	const accounts = [
		['boss@example.org', 'admin'],
		['kim@example.org', 'reader'],
		['lee@example.org', 'reader']
	] as const;
	for (const [email, role] of accounts)
		await createAccount(auth, { email, name: email, password: 'long enough', role });
	const idOf = (email: string) => listAccounts(db).find((a) => a.email === email)!.id;
	const headersOf = async (email: string) => {
		const answer = await auth.api.signInEmail({
			body: { email, password: 'long enough' },
			asResponse: true
		});
		return new Headers({ cookie: answer.headers.get('set-cookie')!.split(';')[0] });
	};
	const kim = accountLearner(idOf('kim@example.org'));
	const lee = accountLearner(idOf('lee@example.org'));
	study(db, kim);
	study(db, lee);
	return { db, auth, idOf, headersOf, kim, lee };
}

describe('removing an account', () => {
	it("removes the account's vocabulary, cards and reviews, and no one else's", async () => {
		const { db, auth, idOf, headersOf, kim, lee } = await setUp();
		const before = rowsOf(db, lee);
		expect(rowsOf(db, kim).every((n) => n > 0)).toBe(true);
		await removeAccount(auth, db, idOf('kim@example.org'), await headersOf('boss@example.org'));
		expect(listAccounts(db).map((a) => a.email)).toEqual(['boss@example.org', 'lee@example.org']);
		expect(rowsOf(db, kim)).toEqual([0, 0, 0, 0]);
		expect(rowsOf(db, lee)).toEqual(before);
	});

	it("refused (a reader's request), removes neither the account nor its vocabulary", async () => {
		const { db, auth, idOf, headersOf, kim } = await setUp();
		const before = rowsOf(db, kim);
		await expect(
			removeAccount(auth, db, idOf('kim@example.org'), await headersOf('lee@example.org'))
		).rejects.toThrow();
		expect(listAccounts(db).some((a) => a.email === 'kim@example.org')).toBe(true);
		expect(rowsOf(db, kim)).toEqual(before);
	});
});
