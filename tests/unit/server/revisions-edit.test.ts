// Revisions on a real SQLite file, with the analysis worker's own tasks run in this thread: a
// correction is a revision that undo reverts and redo applies again (each a new revision); a
// page that missed a revision gets a conflict with both versions and can re-apply its change;
// sentence text edits, splits and joins move the alignments with them, survive a re-analysis
// (kept as overrides) and are undone exactly; the reader's form actions answer as documented.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '$lib/server/db';
import { addText } from '$lib/server/contribute';
import { readFileSync } from 'node:fs';
import {
	alignmentsOf,
	dismissUnplacedEdit,
	editAlignment,
	reapplyUnplacedEdit,
	unplacedEdits
} from '$lib/server/alignments';
import { getStoredDocument } from '$lib/server/documents';
import { analysisFor } from '$lib/server/analysis';
import { readerStore } from './reader-store';
import { addMarch } from './march-pair';
import { historyState, revisionsOf } from '$lib/server/revisions';
import { changeSentence, reapply, undoRedo } from '$lib/server/document-edits';
import { runEditAction } from '$lib/server/edit-actions';
import { historyPage, SENTENCE_BOUNDARY } from '$lib/server/history';
import { counterparts, readingOf } from '$lib/server/reading';
import { applyPatch, planJoin } from '$lib/core/text/sentence-edits';
import type { Detection } from '$lib/core/types';

let remove: () => void;
let db: Db;
let enId: number;
let esId: number;

beforeEach(async () => {
	({ db, remove } = readerStore('revisions'));
	[enId, esId] = await addMarch(db, 'confirmed');
});

afterEach(() => {
	remove();
});

const translation = () => alignmentsOf(db, enId).find((a) => a.kind === 'translation')!;
const pairs = () => translation().beads.map((b) => [b.en, b.es]);
const versionOf = (id: number) => getStoredDocument(db, id)!.version;
const sentences = (id: number) => getStoredDocument(db, id)!.detection.sentences.map((s) => s.text);

describe('alignment corrections as revisions', () => {
	it('undo reverts a merge and redo applies it again, each a new revision', () => {
		const original = pairs();
		expect(original).toEqual([
			[[0], [0]],
			[[1], [1]],
			[[2], [2]],
			[[3], [3]]
		]);
		const a = translation();
		const merged = editAlignment(
			db,
			a.id,
			a.version,
			{ kind: 'merge', bead: 0 },
			{ documentId: enId }
		);
		expect(merged.ok).toBe(true);
		const afterMerge = pairs();
		expect(afterMerge[0]).toEqual([
			[0, 1],
			[0, 1]
		]);
		expect(historyState(db, enId)).toMatchObject({ canUndo: true, canRedo: false });

		const latest = historyState(db, enId).latest;
		const undone = undoRedo(db, enId, 'undo', latest);
		expect(undone.ok).toBe(true);
		expect(pairs()).toEqual(original);
		expect(historyState(db, enId)).toMatchObject({ canUndo: false, canRedo: true });

		const redone = undoRedo(db, enId, 'redo', historyState(db, enId).latest);
		expect(redone.ok).toBe(true);
		expect(pairs()).toEqual(afterMerge);
		// Three revisions, newest first; the Spanish document sees the same history.
		expect(revisionsOf(db, enId).map((r) => r.kind)).toEqual(['redo', 'undo', 'merge']);
		expect(revisionsOf(db, esId).map((r) => r.id)).toEqual(revisionsOf(db, enId).map((r) => r.id));
	});

	it('a new change after an undo leaves nothing to redo', () => {
		const a = translation();
		editAlignment(db, a.id, a.version, { kind: 'merge', bead: 0 });
		undoRedo(db, enId, 'undo', historyState(db, enId).latest);
		const b = translation();
		editAlignment(db, b.id, b.version, { kind: 'review', bead: 2 });
		expect(historyState(db, enId)).toMatchObject({ canUndo: true, canRedo: false });
		const redo = undoRedo(db, enId, 'redo', historyState(db, enId).latest);
		expect(redo.ok).toBe(false);
	});

	it('a second tab gets a conflict with both versions and can re-apply its change', () => {
		const seen = translation();
		editAlignment(db, seen.id, seen.version, { kind: 'merge', bead: 2 });
		const stale = editAlignment(db, seen.id, seen.version, { kind: 'review', bead: 0 });
		expect(stale.ok).toBe(false);
		if (stale.ok) return;
		expect(stale.error.code).toBe('conflict');
		expect(stale.conflict!.theirs.version).toBe(seen.version + 1);
		expect(stale.conflict!.yours).toMatchObject({
			version: seen.version,
			edit: { kind: 'review' }
		});
		expect(translation().beads[0].reviewed).toBeFalsy();
		const again = reapply(db, enId, stale.conflict!.yours.revision);
		expect(again.ok).toBe(true);
		expect(translation().beads[0].reviewed).toBe(true);
		// The merge made in the other tab is still there.
		expect(translation().beads[2]).toMatchObject({ en: [2, 3], es: [2, 3] });
		// Re-applied once only.
		expect(reapply(db, enId, stale.conflict!.yours.revision).ok).toBe(false);
	});

	it('undo from a page that missed a revision is refused with the newest one', () => {
		const a = translation();
		editAlignment(db, a.id, a.version, { kind: 'merge', bead: 0 });
		const seen = historyState(db, enId).latest;
		const b = translation();
		editAlignment(db, b.id, b.version, { kind: 'review', bead: 1 });
		const undo = undoRedo(db, enId, 'undo', seen);
		expect(undo.ok).toBe(false);
		if (undo.ok) return;
		expect(undo.error.code).toBe('conflict');
		expect(undo.conflict).toMatchObject({
			theirs: { latest: historyState(db, enId).latest, kind: 'review' },
			yours: { action: 'undo', revision: seen }
		});
		expect(translation().beads[1].reviewed).toBe(true);
	});
});

describe('sentence changes', () => {
	it('a split moves the alignment with it, survives a re-analysis, and undo restores it exactly', async () => {
		const before = {
			text: getStoredDocument(db, esId)!.text,
			pairs: pairs(),
			sentences: sentences(esId)
		};
		const second = sentences(esId)[1];
		const cut = second.indexOf(' cerró');
		const split = changeSentence(db, esId, 1, versionOf(esId), {
			kind: 'split-sentence',
			offset: cut
		});
		expect(split.ok).toBe(true);
		expect(sentences(esId).slice(1, 3)).toEqual(['El alcalde', 'cerró el puente viejo.']);
		// At once, before any re-analysis: the pair holds both parts, later indices moved on.
		expect(pairs()[1]).toEqual([[1], [1, 2]]);
		expect(pairs()[3]).toEqual([[3], [4]]);
		await analysisFor(db).idle();
		// The segmenter alone would join them again; the person's split is applied after it.
		expect(sentences(esId).slice(1, 3)).toEqual(['El alcalde', 'cerró el puente viejo.']);
		expect(sentences(esId)).toHaveLength(5);

		const undo = undoRedo(db, esId, 'undo', historyState(db, esId).latest);
		expect(undo.ok).toBe(true);
		expect(sentences(esId)).toEqual(before.sentences);
		expect(pairs()).toEqual(before.pairs);
		await analysisFor(db).idle();
		expect(sentences(esId)).toEqual(before.sentences);
		expect(getStoredDocument(db, esId)!.text).toBe(before.text);
	});

	it('a text edit changes the document at the sentence and is undone to the letter', async () => {
		const text = getStoredDocument(db, enId)!.text;
		const edited = changeSentence(db, enId, 1, versionOf(enId), {
			kind: 'edit-text',
			text: 'The mayor shut the old bridge.'
		});
		expect(edited.ok).toBe(true);
		expect(getStoredDocument(db, enId)!.text).toBe(text.replace('closed the old', 'shut the old'));
		expect(sentences(enId)[1]).toBe('The mayor shut the old bridge.');
		await analysisFor(db).idle();
		expect(sentences(enId)[2]).toBe('The OAS sent observers to Lima.');
		const undo = undoRedo(db, enId, 'undo', historyState(db, enId).latest);
		expect(undo.ok).toBe(true);
		expect(getStoredDocument(db, enId)!.text).toBe(text);
		const redo = undoRedo(db, enId, 'redo', historyState(db, enId).latest);
		expect(redo.ok).toBe(true);
		expect(sentences(enId)[1]).toBe('The mayor shut the old bridge.');
	});

	it('undo works after the re-analysis segmented an edited sentence anew', async () => {
		const before = { text: getStoredDocument(db, enId)!.text, sentences: sentences(enId) };
		const a = translation();
		editAlignment(db, a.id, a.version, { kind: 'review', bead: 1 });
		const edited = changeSentence(db, enId, 1, versionOf(enId), {
			kind: 'edit-text',
			text: 'The mayor closed the old bridge. It stayed shut.'
		});
		expect(edited.ok).toBe(true);
		await analysisFor(db).idle();
		// The segmenter reads the edited text as two sentences; the confirmed pair holds both.
		expect(sentences(enId).slice(1, 3)).toEqual([
			'The mayor closed the old bridge.',
			'It stayed shut.'
		]);
		expect(translation().beads.find((b) => b.reviewed)).toMatchObject({ en: [1, 2], es: [1] });
		const undo = undoRedo(db, enId, 'undo', historyState(db, enId).latest);
		expect(undo.ok).toBe(true);
		expect(getStoredDocument(db, enId)!.text).toBe(before.text);
		expect(sentences(enId)).toEqual(before.sentences);
		await analysisFor(db).idle();
		expect(sentences(enId)).toEqual(before.sentences);
		expect(translation().beads.find((b) => b.reviewed)).toMatchObject({ en: [1], es: [1] });
	});

	it('a join keeps a confirmed pair confirmed and the rows never point past the end', async () => {
		const a = translation();
		editAlignment(db, a.id, a.version, { kind: 'review', bead: 3 });
		const joined = changeSentence(db, enId, 1, versionOf(enId), { kind: 'join-sentences' });
		expect(joined.ok).toBe(true);
		expect(sentences(enId)).toHaveLength(3);
		await analysisFor(db).idle();
		const last = translation().beads.find((b) => b.reviewed)!;
		expect(last).toMatchObject({ en: [2], es: [3] });
		const reading = readingOf(db, getStoredDocument(db, enId)!, { stored: true });
		for (const row of reading.rows)
			for (const side of row.kind === 'pair' ? [row.en, row.es] : [row.side])
				for (const i of side.sentences)
					expect(i).toBeLessThan(reading.documents.get(side.doc)!.detection.sentences.length);
	});

	it('a stale version is refused with both texts', () => {
		const version = versionOf(enId);
		changeSentence(db, enId, 0, version, {
			kind: 'edit-text',
			text: 'The marchers reached the square.'
		});
		const stale = changeSentence(db, enId, 0, version, {
			kind: 'edit-text',
			text: 'The protesters reached the square.'
		});
		expect(stale.ok).toBe(false);
		if (stale.ok) return;
		expect(stale.conflict).toMatchObject({
			theirs: { version: version + 1, text: 'The marchers reached the square.' },
			yours: { version, change: { text: 'The protesters reached the square.' } }
		});
	});
});

describe('the reader’s form actions', () => {
	const post = (fields: Record<string, string | number>) => {
		const body = new URLSearchParams(
			Object.entries(fields).map(([k, v]) => [k, String(v)])
		).toString();
		return new Request('http://localhost/doc/x', {
			method: 'POST',
			headers: { 'content-type': 'application/x-www-form-urlencoded' },
			body
		});
	};

	it('edit, undo and redo answer { saved, revision }; a stale undo answers 409 with both', async () => {
		const a = translation();
		const saved = await runEditAction(
			db,
			'edit',
			post({ alignment: a.id, version: a.version, kind: 'merge', bead: 0, document: enId }),
			null
		);
		expect(saved).toMatchObject({ saved: 'merge', revision: expect.any(Number) });
		const { revision } = saved as { revision: number };
		const undone = await runEditAction(db, 'undo', post({ document: enId, revision }), null);
		expect(undone).toMatchObject({ saved: 'undo' });
		const stale = await runEditAction(db, 'redo', post({ document: enId, revision }), null);
		expect(stale).toMatchObject({
			status: 409,
			data: { error: { code: 'conflict' }, theirs: {}, yours: { action: 'redo', revision } }
		});
		const bad = await runEditAction(
			db,
			'splitSentence',
			post({ document: enId, sentence: 0 }),
			null
		);
		expect(bad).toMatchObject({ status: 400, data: { error: { code: 'invalid-input' } } });
	});
});

describe('confirmed pairs follow their text', () => {
	const reanalyse = async () => {
		db.prepare("UPDATE analyses SET target = 'an older analysis'").run();
		analysisFor(db).kick();
		await analysisFor(db).idle();
	};

	it('when the segmenter changes, a confirmed pair moves with its sentences', async () => {
		// As an older segmenter had it: the first two English sentences as one.
		const doc = getStoredDocument(db, enId)!;
		const join = planJoin(doc.text, doc.detection, 0);
		if (!join.ok) throw new Error(join.error.code);
		const older = applyPatch(doc.text, doc.detection, join.value);
		if (!older.ok) throw new Error(older.error.code);
		db.prepare('UPDATE detections SET result = ? WHERE document_id = ?').run(
			JSON.stringify(older.value.detection),
			enId
		);
		const beads = [
			{ en: [0], es: [0, 1], confidence: 0.9 },
			{ en: [1], es: [2], confidence: 0.9 },
			{ en: [2], es: [3], confidence: 0.9 }
		];
		db.prepare('UPDATE alignments SET beads = ? WHERE id = ?').run(
			JSON.stringify(beads),
			translation().id
		);
		const a = translation();
		expect(editAlignment(db, a.id, a.version, { kind: 'review', bead: 1 }).ok).toBe(true);
		await reanalyse();
		expect(sentences(enId)).toHaveLength(4);
		const confirmed = translation().beads.filter((b) => b.reviewed);
		expect(confirmed).toEqual([{ en: [2], es: [2], confidence: 1, reviewed: true }]);
		expect(unplacedEdits(db, enId)).toEqual([]);
	});

	it('a pair whose text vanished is listed for review, can be re-applied or dismissed', async () => {
		const a = translation();
		editAlignment(db, a.id, a.version, { kind: 'review', bead: 1 });
		const b = translation();
		editAlignment(db, b.id, b.version, { kind: 'review', bead: 3 });
		const original = getStoredDocument(db, enId)!.text;
		// The text changes where no revision sees it (another program wrote the file, say).
		const changeText = (text: string) =>
			db
				.prepare('UPDATE documents SET text = ?, version = version + 1 WHERE id = ?')
				.run(text, enId);
		changeText(original.replace('Schools stayed closed for a week.', 'Markets reopened.'));
		analysisFor(db).kick();
		await analysisFor(db).idle();
		const listed = unplacedEdits(db, enId);
		expect(listed.map((u) => u.pair)).toEqual([
			{
				en: [3],
				es: [3],
				enTexts: ['Schools stayed closed for a week.'],
				esTexts: ['Las escuelas siguieron cerradas una semana.']
			}
		]);
		expect(unplacedEdits(db, esId)).toEqual(listed);
		// The other confirmed pair is where it was; the vanished one is not confirmed any more.
		expect(
			translation()
				.beads.filter((x) => x.reviewed)
				.map((x) => [x.en, x.es])
		).toEqual([[[1], [1]]]);
		// Not found yet: it stays listed.
		expect(reapplyUnplacedEdit(db, enId, listed[0].id, null).ok).toBe(false);
		expect(unplacedEdits(db, enId)).toHaveLength(1);
		changeText(original);
		analysisFor(db).kick();
		await analysisFor(db).idle();
		const again = reapplyUnplacedEdit(db, enId, listed[0].id, null);
		expect(again.ok).toBe(true);
		expect(unplacedEdits(db, enId)).toEqual([]);
		expect(
			translation()
				.beads.filter((x) => x.reviewed)
				.map((x) => [x.en, x.es])
		).toEqual([
			[[1], [1]],
			[[3], [3]]
		]);
		// Re-applying is a revision like any other: undo takes it back.
		expect(undoRedo(db, enId, 'undo', historyState(db, enId).latest).ok).toBe(true);
		expect(translation().beads.filter((x) => x.reviewed)).toHaveLength(1);

		changeText(original.replace('The mayor closed the old bridge.', 'The bridge stayed open.'));
		analysisFor(db).kick();
		await analysisFor(db).idle();
		const [gone] = unplacedEdits(db, enId);
		expect(gone.pair.enTexts).toEqual(['The mayor closed the old bridge.']);
		expect(dismissUnplacedEdit(db, enId, gone.id).ok).toBe(true);
		expect(unplacedEdits(db, enId)).toEqual([]);
		expect(dismissUnplacedEdit(db, enId, gone.id).ok).toBe(false);
	});

	it('counterpart lookups never read past the end of a document', () => {
		// An alignment stored against a longer segmentation than the one stored now.
		db.prepare('UPDATE alignments SET beads = ? WHERE id = ?').run(
			JSON.stringify([
				{ en: [0], es: [0], confidence: 1 },
				{ en: [1, 2, 3], es: [1, 2, 3], confidence: 1 },
				{ en: [7], es: [9], confidence: 1 }
			]),
			translation().id
		);
		const reading = readingOf(db, getStoredDocument(db, enId)!, { stored: true });
		const count = (id: number) =>
			(reading.documents.get(id)!.detection as Detection).sentences.length;
		for (const row of reading.rows)
			for (const side of row.kind === 'pair' ? [row.en, row.es] : [row.side])
				for (const i of side.sentences) expect(i).toBeLessThan(count(side.doc));
		const map = counterparts(reading);
		expect([...map.keys()].sort()).toEqual([0, 1, 2, 3]);
		for (const c of map.values()) expect(c.text).not.toBe('');
	});
});

describe('the history page', () => {
	it('lists revisions newest first with a word diff of what each changed', () => {
		const a = translation();
		editAlignment(db, a.id, a.version, { kind: 'merge', bead: 0 });
		changeSentence(db, esId, 1, versionOf(esId), {
			kind: 'split-sentence',
			offset: 'El alcalde'.length
		});
		changeSentence(db, enId, 2, versionOf(enId), {
			kind: 'edit-text',
			text: 'The OAS sent two observers to Lima.'
		});
		undoRedo(db, enId, 'undo', historyState(db, enId).latest);
		const page = historyPage(db, String(enId))!;
		expect(page.entries.map((e) => [e.kind, e.state])).toEqual([
			['undo', 'done'],
			['edit-text', 'undone'],
			['split-sentence', 'done'],
			['merge', 'done']
		]);
		const words = (id: number, which: 'added' | 'removed') =>
			page.entries
				.find((e) => e.id === id)!
				.diff.filter((c) => c[which])
				.map((c) => c.value.trim());
		const [undo, edit, split, merge] = page.entries.map((e) => e.id);
		expect(words(edit, 'added')).toEqual(['two']);
		expect(words(undo, 'removed')).toEqual(['two']);
		expect(words(split, 'added').join(' ')).toContain(SENTENCE_BOUNDARY.trim());
		// The merge wrote two pairs as one: the second pair's English joins the first.
		expect(
			page.entries
				.find((e) => e.id === merge)!
				.diff.map((c) => c.value)
				.join('')
		).toContain(
			'The protesters marched to the square in the morning. The mayor closed the old bridge.'
		);
		expect(page.history).toMatchObject({ canUndo: true, canRedo: true, latest: undo });
	});
});

describe('more corrections that survive', () => {
	it('a refused text edit is re-applied on the current text', () => {
		const version = versionOf(enId);
		changeSentence(db, enId, 0, version, {
			kind: 'split-sentence',
			offset: 'The protesters'.length
		});
		// The second tab, on the old version, edits its second sentence (the mayor's).
		const stale = changeSentence(db, enId, 1, version, {
			kind: 'edit-text',
			text: 'The mayor shut the old bridge.'
		});
		expect(stale.ok).toBe(false);
		if (stale.ok || !stale.conflict || !('change' in stale.conflict.yours))
			throw new Error('no conflict');
		// The split came first: the mayor's sentence is the third now, and that one is re-applied.
		expect(stale.conflict.yours.sentence).toBe(2);
		const again = reapply(db, enId, stale.conflict.yours.revision);
		expect(again.ok).toBe(true);
		expect(sentences(enId)).toEqual([
			'The protesters',
			'marched to the square in the morning.',
			'The mayor shut the old bridge.',
			'The OAS sent observers to Lima.',
			'Schools stayed closed for a week.'
		]);
		expect(revisionsOf(db, enId).map((r) => [r.kind, r.state])).toEqual([
			['edit-text', 'done'],
			['edit-text', 'reapplied'],
			['split-sentence', 'done']
		]);
	});

	it('a confirmed pair inside a mixed document keeps its place through a re-analysis', async () => {
		const mixed = readFileSync(
			new URL('../../../src/lib/data/corpus/brutal-repression-la-mosca.txt', import.meta.url),
			'utf8'
		);
		const added = addText(db, { title: 'La Mosca', text: mixed, via: 'paste' });
		if (!added.ok) throw new Error(JSON.stringify(added.errors));
		const [id] = added.documentIds;
		analysisFor(db).kick();
		await analysisFor(db).idle();
		const internal = () => alignmentsOf(db, id).find((a) => a.kind === 'internal')!;
		const a = internal();
		const bead = a.beads.findIndex((b) => b.en.length && b.es.length);
		const texts = sentences(id);
		const pairText = (b: { en: number[]; es: number[] }) => [
			b.en.map((i) => texts[i]),
			b.es.map((i) => texts[i])
		];
		const confirmed = pairText(a.beads[bead]);
		expect(editAlignment(db, a.id, a.version, { kind: 'review', bead }).ok).toBe(true);
		db.prepare("UPDATE analyses SET target = 'an older analysis' WHERE document_id = ?").run(id);
		analysisFor(db).kick();
		await analysisFor(db).idle();
		const after = internal();
		expect(after.edited).toBe(true);
		const kept = after.beads.filter((b) => b.reviewed);
		expect(kept.map(pairText)).toEqual([confirmed]);
		expect(unplacedEdits(db, id)).toEqual([]);
	});
});
