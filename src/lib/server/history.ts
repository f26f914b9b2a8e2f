// A document's revision history as the history page shows it: newest first, each revision with
// a word diff (jsdiff) between what it replaced and what it put there — the sentences of a
// text edit, split or join, the pairs of an alignment correction written out as text.
import { diffWords } from 'diff';
import type { Db } from './db';
import type { Bead } from '$lib/core/types';
import { sentenceTexts } from './alignments';
import { historyState, revisionsOf, type HistoryState, type Revision } from './revisions';

/** Between sentences in a diff, so a split or a join shows where the boundary went. */
export const SENTENCE_BOUNDARY = ' ‖ ';

export interface HistoryEntry {
	id: number;
	kind: Revision['kind'];
	author: string | null;
	createdAt: string;
	state: Revision['state'];
	reverts: number | null;
	diff: { value: string; added: boolean; removed: boolean }[];
}

export interface HistoryPage {
	document: { id: number; slug: string; title: string; version: number };
	history: HistoryState;
	entries: HistoryEntry[];
}

type Texts = (documentId: number) => string[];

/** The pairs of one alignment snapshot that the other lacks, as "English ⇄ Spanish" lines. */
function pairLines(
	beads: readonly Bead[],
	others: readonly Bead[],
	enTexts: string[],
	esTexts: string[]
): string[] {
	const key = (b: Bead) => JSON.stringify([b.en, b.es, !!b.reviewed]);
	const kept = new Set(others.map(key));
	const side = (ids: number[], texts: string[]) =>
		ids.map((i) => texts[i] ?? `#${i + 1}`).join(' ') || '—';
	return beads
		.filter((b) => !kept.has(key(b)))
		.map((b) => `${b.reviewed ? '✓ ' : ''}${side(b.en, enTexts)} ⇄ ${side(b.es, esTexts)}`);
}

function sides(db: Db, revision: Revision, texts: Texts): [string, string] {
	const patch = revision.after.patch;
	if (patch)
		return [
			patch.before.map((s) => s.text).join(SENTENCE_BOUNDARY),
			patch.after.map((s) => s.text).join(SENTENCE_BOUNDARY)
		];
	const before: string[] = [];
	const after: string[] = [];
	for (const a of revision.after.alignments) {
		const b = revision.before.alignments.find((x) => x.id === a.id);
		const row = db
			.prepare('SELECT en_document_id en, es_document_id es FROM alignments WHERE id = ?')
			.get(a.id) as { en: number; es: number } | undefined;
		if (!row) continue;
		const [en, es] = [texts(row.en), texts(row.es)];
		before.push(...pairLines(b?.beads ?? [], a.beads, en, es));
		after.push(...pairLines(a.beads, b?.beads ?? [], en, es));
	}
	return [before.join('\n'), after.join('\n')];
}

export function historyPage(db: Db, idOrSlug: string): HistoryPage | undefined {
	const document = (
		/^\d+$/.test(idOrSlug)
			? db
					.prepare('SELECT id, slug, title, version FROM documents WHERE id = ?')
					.get(Number(idOrSlug))
			: db.prepare('SELECT id, slug, title, version FROM documents WHERE slug = ?').get(idOrSlug)
	) as HistoryPage['document'] | undefined;
	if (!document) return undefined;
	const cache = new Map<number, string[]>();
	const texts: Texts = (id) => {
		let found = cache.get(id);
		if (!found) cache.set(id, (found = sentenceTexts(db, id)));
		return found;
	};
	const entries = revisionsOf(db, document.id).map((revision): HistoryEntry => {
		const [before, after] = sides(db, revision, texts);
		return {
			id: revision.id,
			kind: revision.kind,
			author: revision.author,
			createdAt: revision.createdAt,
			state: revision.state,
			reverts: revision.reverts,
			diff: diffWords(before, after).map((c) => ({
				value: c.value,
				added: !!c.added,
				removed: !!c.removed
			}))
		};
	});
	return { document, history: historyState(db, document.id), entries };
}
