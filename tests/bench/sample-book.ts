// The benches' sample book: three English sentences and their Spanish translations, numbered so
// that no two sentences of a long book are the same, and the way the benches put it in a store.
import Database from 'better-sqlite3';

export const en = [
	'Protesters from Puno arrived in Lima on Monday to demand the resignation of the president.',
	'The police used tear gas against the march near the Plaza San Martín.',
	'Unions called a national strike for Thursday.'
];
export const es = [
	'Manifestantes de Puno llegaron a Lima el lunes para exigir la renuncia de la presidenta.',
	'La policía usó gases lacrimógenos contra la marcha cerca de la Plaza San Martín.',
	'Los sindicatos convocaron un paro nacional para el jueves.'
];

/** The `i`-th sentence of a book written in `list`'s language: "… (i + 1)." */
export const sentence = (list: string[], i: number) =>
	`${list[i % list.length].slice(0, -1)} (${i + 1}).`;

/** `pairs` numbered sentences, one a paragraph. */
export const bookText = (list: string[], pairs: number) =>
	Array.from({ length: pairs }, (_, i) => sentence(list, i)).join('\n\n');

/** Paragraphs of four numbered sentences up to `bytes` bytes of UTF-8. */
export function textOf(list: string[], bytes: number): string {
	const parts: string[] = [];
	let size = 0;
	for (let i = 0; ; i++) {
		const s = sentence(list, i) + (i % 4 === 3 ? '\n\n' : ' ');
		const n = Buffer.byteLength(s);
		if (size + n > bytes) break;
		parts.push(s);
		size += n;
	}
	return parts.join('').trimEnd();
}

/**
 * A book of `pairs` pairs written into the store at `dbPath` directly, as 'bench-en' and its
 * translation 'bench-es': the server detects and aligns them in the background when asked.
 */
export function insertBook(dbPath: string, pairs: number): void {
	const db = new Database(dbPath);
	const enId = db
		.prepare(
			"INSERT INTO documents (slug, title, origin, text) VALUES ('bench-en', 'Bench', 'user', ?)"
		)
		.run(bookText(en, pairs)).lastInsertRowid;
	db.prepare(
		"INSERT INTO documents (slug, title, origin, translation_of, text) VALUES ('bench-es', 'Banco', 'user', ?, ?)"
	).run(enId, bookText(es, pairs));
	db.close();
}
