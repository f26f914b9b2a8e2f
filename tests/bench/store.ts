// Store benchmark: a 10,000-verse English/Spanish pair (the Bible verses of ../shared/eval, one
// verse a paragraph, the books repeated in a shuffled order) imported, analysed and aligned by
// the app's own background analysis (worker threads), and exported as TMX and TSV, end to end on
// a SQLite file; then a person's corrections on it (confirm a pair, edit a sentence's text, the
// re-analysis that re-aligns around the confirmed pairs, undo). Beside it, in the same run, the
// baseline: the same two texts aligned by the aligner alone (alignTexts, no store, one thread).
// Each runs in a process of its own, so each peak RSS (the kernel's high-water mark, workers
// included) is its own. Prints numbers; asserts nothing. Run with `npm run bench:store`;
// VERSES=2000 npm run bench:store for a quicker look.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '../..');
const bibleDir = resolve(root, '../shared/eval/data/bible');
const VERSES = Number(process.env.VERSES ?? 10_000);

/** The two texts: VERSES verses, one a paragraph, books in a fixed shuffled order. */
function texts(): { en: string; es: string } {
	const books = readdirSync(bibleDir)
		.filter((name) => name.endsWith('.tsv'))
		.sort()
		.map((name) =>
			readFileSync(join(bibleDir, name), 'utf8')
				.trim()
				.split('\n')
				.slice(1)
				.map((line) => line.split('\t'))
				.filter((cells) => cells.length >= 3 && cells[1].trim() && cells[2].trim())
		);
	const en: string[] = [];
	const es: string[] = [];
	let seed = 11;
	while (en.length < VERSES) {
		const order = books.map((_, k) => k);
		for (let k = order.length - 1; k > 0; k--) {
			seed = (seed * 1103515245 + 12345) % 2147483648;
			const r = seed % (k + 1);
			[order[k], order[r]] = [order[r], order[k]];
		}
		for (const k of order)
			for (const [, e, s] of books[k]) {
				if (en.length === VERSES) break;
				en.push(e.trim());
				es.push(s.trim());
			}
	}
	return { en: en.join('\n\n'), es: es.join('\n\n') };
}

const peakMb = () => process.resourceUsage().maxRSS / 1024;
const time = async <T>(body: () => T | Promise<T>): Promise<[T, number]> => {
	const start = performance.now();
	const value = await body();
	return [value, (performance.now() - start) / 1000];
};

async function storeRun(): Promise<Record<string, number>> {
	const { openDb } = await import('../../src/lib/server/db');
	const { addPair } = await import('../../src/lib/server/contribute');
	const { analysisFor } = await import('../../src/lib/server/analysis');
	const { alignmentsOf, editAlignment } = await import('../../src/lib/server/alignments');
	const { buildExport } = await import('../../src/lib/server/contribute');
	const { getStoredDocument } = await import('../../src/lib/server/documents');
	const { changeSentence, undoRedo } = await import('../../src/lib/server/document-edits');
	const { historyState } = await import('../../src/lib/server/revisions');
	const dir = mkdtempSync(join(tmpdir(), 'puente-bench-store-'));
	try {
		const db = openDb(join(dir, 'puente.db'));
		const { en, es } = texts();
		const [added, importSeconds] = await time(() =>
			addPair(db, { title: 'Bench', en, es, via: 'paste', sides: 'confirmed' })
		);
		if (!added.ok) throw new Error(JSON.stringify(added.errors));
		const [enId, esId] = added.documentIds;
		const [, analyseSeconds] = await time(async () => {
			analysisFor(db).kick();
			await analysisFor(db).idle();
		});
		const alignment = alignmentsOf(db, enId).find((a) => a.kind === 'translation');
		if (!alignment) throw new Error('no alignment');
		const [tmx, exportTmxSeconds] = await time(() => buildExport(db, enId, 'tmx'));
		const [, exportTsvSeconds] = await time(() => buildExport(db, enId, 'tsv'));
		if (!tmx.ok) throw new Error(tmx.error.code);
		// A person's corrections on the book.
		const bead = Math.floor(alignment.beads.length / 2);
		const [, confirmSeconds] = await time(() =>
			editAlignment(db, alignment.id, alignment.version, { kind: 'review', bead })
		);
		const sentence = alignment.beads[bead].en[0];
		const original = getStoredDocument(db, enId)!.detection.sentences[sentence].text;
		const [edited, editSeconds] = await time(() =>
			changeSentence(db, enId, sentence, getStoredDocument(db, enId)!.version, {
				kind: 'edit-text',
				// A typo put right: one word changes, the sentence stays one sentence.
				text: original.replace(/(\p{L}+)(\P{L}*)$/u, '$1s$2')
			})
		);
		if (!edited.ok) throw new Error(edited.error.code);
		const [, reanalyseSeconds] = await time(() => analysisFor(db).idle());
		const kept = alignmentsOf(db, enId)
			.find((a) => a.kind === 'translation')!
			.beads.filter((b) => b.reviewed).length;
		const [undo, undoSeconds] = await time(() =>
			undoRedo(db, enId, 'undo', historyState(db, enId).latest)
		);
		if (!undo.ok) throw new Error(`undo: ${undo.error.code} ${undo.error.params?.detail ?? ''}`);
		await analysisFor(db).idle();
		const sentences = (id: number) => getStoredDocument(db, id)!.detection.sentences.length;
		const result = {
			enSentences: sentences(enId),
			esSentences: sentences(esId),
			pairs: alignment.beads.filter((b) => b.en.length && b.es.length).length,
			importSeconds,
			analyseSeconds,
			exportTmxSeconds,
			exportTsvSeconds,
			tmxMb: tmx.value.body.length / 1024 / 1024,
			confirmSeconds,
			editSeconds,
			reanalyseSeconds,
			confirmedKept: kept,
			undoSeconds,
			peakMb: peakMb()
		};
		db.close();
		return result;
	} finally {
		rmSync(dir, { recursive: true, force: true });
	}
}

async function baselineRun(): Promise<Record<string, number>> {
	const { alignTexts, loadAlignDictionary } = await import('../../src/lib/core/align/align-texts');
	const { en, es } = texts();
	const dictionary = await loadAlignDictionary();
	const [result, alignSeconds] = await time(() =>
		alignTexts({ en, es, presplit: false, format: 'json', dictionary })
	);
	if (!result.ok) throw new Error(result.error.code);
	return {
		enSentences: result.value.enUnits.length,
		esSentences: result.value.esUnits.length,
		pairs: result.value.beads.filter((b) => b.en.length && b.es.length).length,
		alignSeconds,
		peakMb: peakMb()
	};
}

const mode = process.argv[2];
if (mode === 'store' || mode === 'baseline') {
	const result = mode === 'store' ? await storeRun() : await baselineRun();
	console.log(JSON.stringify(result));
	process.exit(0);
}

function child(which: string): Record<string, number> {
	const run = spawnSync(
		process.execPath,
		['--import', 'tsx', resolve(import.meta.dirname, 'store.ts'), which],
		{ cwd: root, encoding: 'utf8', maxBuffer: 1 << 26, env: process.env }
	);
	if (run.status !== 0) throw new Error(`${which} run failed:\n${run.stderr}`);
	return JSON.parse(run.stdout.trim().split('\n').at(-1)!);
}

console.log(
	`Store benchmark: ${VERSES} verses a side (../shared/eval/data/bible), load ${loadavg()
		.map((x) => x.toFixed(2))
		.join(' ')}`
);
const baseline = child('baseline');
const store = child('store');
const s = (x: number) => `${x.toFixed(2)} s`;
const mb = (x: number) => `${x.toFixed(0)} MB`;
console.log(`
Baseline, the aligner alone (alignTexts, one thread, no store):
  ${baseline.enSentences} × ${baseline.esSentences} sentences, ${baseline.pairs} pairs
  align ${s(baseline.alignSeconds)}, peak RSS ${mb(baseline.peakMb)}

Puente end to end (SQLite file, background analysis in worker threads):
  ${store.enSentences} × ${store.esSentences} sentences, ${store.pairs} pairs
  import ${s(store.importSeconds)}, detect + align ${s(store.analyseSeconds)}, export TMX ${s(store.exportTmxSeconds)} (${store.tmxMb.toFixed(1)} MB), TSV ${s(store.exportTsvSeconds)}
  total ${s(store.importSeconds + store.analyseSeconds + store.exportTmxSeconds)} (${(
		(store.importSeconds + store.analyseSeconds + store.exportTmxSeconds) /
		baseline.alignSeconds
	).toFixed(1)}× the aligner alone), peak RSS ${mb(store.peakMb)}
  corrections: confirm a pair ${s(store.confirmSeconds)}, edit a sentence ${s(store.editSeconds)}, re-analysis around it ${s(store.reanalyseSeconds)} (${store.confirmedKept} confirmed pair kept), undo ${s(store.undoSeconds)}
load after: ${loadavg()
	.map((x) => x.toFixed(2))
	.join(' ')}`);
