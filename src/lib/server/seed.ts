// Loads the bundled corpus (src/lib/data/corpus) into the store on first start. Idempotent:
// a document already there (same slug) is left as it is, so user edits survive restarts.
import type { Db } from './db';
import { insertDocument } from './documents';
import corpusIndex from '$lib/data/corpus/index.json';

interface CorpusEntry {
	slug: string;
	file: string;
	title: string;
	author: string | null;
	source: string | null;
	lang: string;
}

interface TranslationEntry {
	file: string;
	original: string;
	lang: string;
	title: string;
	translation: Record<string, string>;
}

// Bundled into the server build, so a production server needs no source tree beside it.
const texts = import.meta.glob('/src/lib/data/corpus/**/*.txt', {
	query: '?raw',
	import: 'default',
	eager: true
}) as Record<string, string>;
const translationIndexes = import.meta.glob('/src/lib/data/corpus/es/index.json', {
	import: 'default',
	eager: true
}) as Record<string, TranslationEntry[]>;

function corpusText(path: string): string {
	const text = texts[`/src/lib/data/corpus/${path}`];
	if (text === undefined) throw new Error(`bundled corpus file missing: ${path}`);
	return text;
}

export function seedCorpus(db: Db): void {
	const slugOf = new Map<string, string>();
	db.transaction(() => {
		for (const entry of corpusIndex as CorpusEntry[]) {
			slugOf.set(entry.file, entry.slug);
			insertDocument(db, {
				slug: entry.slug,
				title: entry.title,
				author: entry.author,
				source: entry.source,
				origin: 'corpus',
				text: corpusText(entry.file),
				meta: { declaredLanguage: entry.lang }
			});
		}
		for (const translations of Object.values(translationIndexes)) {
			for (const entry of translations) {
				const originalSlug = slugOf.get(entry.original);
				if (!originalSlug) continue;
				const original = db
					.prepare('SELECT id, author, source FROM documents WHERE slug = ?')
					.get(originalSlug) as { id: number; author: string | null; source: string | null };
				insertDocument(db, {
					slug: `${originalSlug}-${entry.lang}`,
					title: entry.title,
					author: original.author,
					source: original.source,
					origin: 'translation',
					translationOf: original.id,
					text: corpusText(`${entry.lang}/${entry.file}`),
					meta: { declaredLanguage: entry.lang, translation: entry.translation }
				});
			}
		}
	})();
}
