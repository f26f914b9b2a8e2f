// Schema history. Append only: a released migration is never edited, a change is a new entry.
export const migrations: string[] = [
	// 1: documents and their cached language analysis.
	`
	CREATE TABLE documents (
		id INTEGER PRIMARY KEY,
		slug TEXT NOT NULL UNIQUE,
		title TEXT NOT NULL,
		author TEXT,
		source TEXT,
		origin TEXT NOT NULL CHECK (origin IN ('corpus', 'user', 'translation')),
		translation_of INTEGER REFERENCES documents(id) ON DELETE SET NULL,
		text TEXT NOT NULL,
		meta TEXT NOT NULL DEFAULT '{}',
		version INTEGER NOT NULL DEFAULT 1,
		created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
		updated_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
	);
	CREATE TABLE detections (
		document_id INTEGER PRIMARY KEY REFERENCES documents(id) ON DELETE CASCADE,
		detector_version TEXT NOT NULL,
		en_chars INTEGER NOT NULL,
		es_chars INTEGER NOT NULL,
		und_chars INTEGER NOT NULL,
		result TEXT NOT NULL
	);
	`
];
