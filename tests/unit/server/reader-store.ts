// A store for the reader's server tests: a real SQLite file in a fresh folder, with the analysis
// worker's tasks run on this thread (the same code, no threads), so a test can add texts, wait
// for their analysis and read the pages made of them.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDb, type Db } from '$lib/server/db';
import { AnalysisService, setAnalysisService } from '$lib/server/analysis';
import { runAnalysisTask } from '$lib/server/analysis-jobs';

export function readerStore(name: string): { db: Db; remove: () => void } {
	const dir = mkdtempSync(join(tmpdir(), `puente-${name}-`));
	const db = openDb(join(dir, 'puente.db'));
	setAnalysisService(
		db,
		new AnalysisService(
			db,
			async (task) => runAnalysisTask(task as never) as never,
			() => {}
		)
	);
	return {
		db,
		remove: () => {
			db.close();
			rmSync(dir, { recursive: true, force: true });
		}
	};
}
