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
	`,
	// 2: sentence alignments between an English and a Spanish document (the same document for a
	// mixed one, one row per passage pair). Beads index the documents' detected sentences.
	// A row a person corrected (edited = 1) is never recomputed over; `version` guards against
	// two tabs saving over each other.
	`
	CREATE TABLE alignments (
		id INTEGER PRIMARY KEY,
		en_document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
		es_document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
		passage INTEGER NOT NULL DEFAULT 0,
		aligner_version TEXT NOT NULL,
		score REAL,
		beads TEXT NOT NULL,
		edited INTEGER NOT NULL DEFAULT 0,
		version INTEGER NOT NULL DEFAULT 1,
		updated_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
		UNIQUE (en_document_id, es_document_id, passage)
	);
	CREATE INDEX alignments_es ON alignments (es_document_id);
	`,
	// 3: the glossary. The shipped file seeds it; people add, edit and remove entries here.
	// Removal is a flag so that a removed seed entry is not brought back by the next seeding.
	`
	CREATE TABLE glossary_entries (
		id TEXT PRIMARY KEY,
		type TEXT NOT NULL,
		es TEXT NOT NULL,
		en TEXT NOT NULL,
		variants TEXT NOT NULL DEFAULT '[]',
		explanation_en TEXT NOT NULL,
		explanation_es TEXT NOT NULL,
		first_occurrence TEXT,
		origin TEXT NOT NULL DEFAULT 'seed' CHECK (origin IN ('seed', 'user')),
		deleted INTEGER NOT NULL DEFAULT 0,
		version INTEGER NOT NULL DEFAULT 1,
		updated_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
	);
	`,
	// 4: analysis happens once, in the background, and is served from the store. Per document:
	// its analysis state (pending until a worker has detected and aligned it, failed with the
	// reason when that threw); its glossary marks beside the detection, so the reader never
	// recomputes them on a visit. The numbers the library lists live in narrow tables of their
	// own: a column added to documents, detections or alignments would sit after the text or
	// the JSON in each record, and SQLite walks a value's overflow pages to reach what follows
	// it. `analysis_meta` remembers the glossary the stored analyses were made with, so an edit
	// re-analyses only the texts that contain a changed term.
	`
	CREATE INDEX documents_translation_of ON documents (translation_of);
	CREATE INDEX glossary_entries_live ON glossary_entries (deleted, updated_at, version);
	ALTER TABLE detections ADD COLUMN glossary_generation TEXT;
	ALTER TABLE detections ADD COLUMN marks TEXT;
	CREATE TABLE document_stats (
		document_id INTEGER PRIMARY KEY REFERENCES documents(id) ON DELETE CASCADE,
		chars INTEGER NOT NULL,
		sentences INTEGER
	);
	INSERT INTO document_stats (document_id, chars) SELECT id, length(text) FROM documents;
	CREATE TABLE alignment_stats (
		alignment_id INTEGER PRIMARY KEY REFERENCES alignments(id) ON DELETE CASCADE,
		pairs INTEGER NOT NULL,
		reviewed INTEGER NOT NULL,
		en_sentences INTEGER NOT NULL,
		es_sentences INTEGER NOT NULL
	);
	CREATE TABLE analyses (
		document_id INTEGER PRIMARY KEY REFERENCES documents(id) ON DELETE CASCADE,
		state TEXT NOT NULL CHECK (state IN ('pending', 'ready', 'failed')),
		target TEXT NOT NULL,
		error TEXT,
		updated_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
	);
	CREATE INDEX analyses_state ON analyses (state);
	CREATE TABLE analysis_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
	`,
	// 5: the repeated passages of a document, found by the analysis worker with its detection,
	// so the reader does not look for them on a visit (a book takes ~100 ms).
	`
	ALTER TABLE detections ADD COLUMN repeats TEXT;
	`,
	// 6: the glossary's generation, counted by triggers on every write to its entries (whoever
	// writes: an edit, an import, the seeding), so a page learns whether the glossary changed by
	// reading one row instead of aggregating every entry. The token tells two stores apart.
	`
	CREATE TABLE glossary_state (
		id INTEGER PRIMARY KEY CHECK (id = 1),
		token TEXT NOT NULL,
		generation INTEGER NOT NULL
	);
	INSERT INTO glossary_state (id, token, generation) VALUES (1, lower(hex(randomblob(8))), 0);
	CREATE TRIGGER glossary_entries_inserted AFTER INSERT ON glossary_entries
	BEGIN UPDATE glossary_state SET generation = generation + 1; END;
	CREATE TRIGGER glossary_entries_updated AFTER UPDATE ON glossary_entries
	BEGIN UPDATE glossary_state SET generation = generation + 1; END;
	CREATE TRIGGER glossary_entries_deleted AFTER DELETE ON glossary_entries
	BEGIN UPDATE glossary_state SET generation = generation + 1; END;
	`,
	// 7: a learner's own vocabulary (saved words, phrases and sentences), per learner: an account
	// ("account:<id>") in shared mode, an anonymous cookie id otherwise. Cards hold the FSRS state
	// (ts-fsrs's Card as JSON, its due date copied out to be indexed) of each reviewed direction,
	// of a saved item or of a glossary entry; the review log and the status changes are kept so
	// the progress page can draw reviews per day and known words over time.
	`
	CREATE TABLE vocabulary_items (
		id INTEGER PRIMARY KEY,
		learner TEXT NOT NULL,
		text TEXT NOT NULL,
		text_key TEXT NOT NULL,
		lang TEXT NOT NULL CHECK (lang IN ('en', 'es')),
		kind TEXT NOT NULL CHECK (kind IN ('word', 'phrase', 'sentence')),
		lemma TEXT NOT NULL,
		translation TEXT NOT NULL DEFAULT '',
		context TEXT NOT NULL DEFAULT '',
		document TEXT,
		status TEXT NOT NULL CHECK (status IN ('new', 'learning', 'known')),
		created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
		updated_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
		UNIQUE (learner, lang, text_key)
	);
	CREATE TABLE review_cards (
		id INTEGER PRIMARY KEY,
		learner TEXT NOT NULL,
		item_id INTEGER REFERENCES vocabulary_items(id) ON DELETE CASCADE,
		glossary_id TEXT,
		prompt_lang TEXT NOT NULL CHECK (prompt_lang IN ('en', 'es')),
		due TEXT NOT NULL,
		fsrs TEXT NOT NULL,
		CHECK ((item_id IS NULL) <> (glossary_id IS NULL))
	);
	CREATE UNIQUE INDEX review_cards_item ON review_cards (item_id, prompt_lang) WHERE item_id IS NOT NULL;
	CREATE UNIQUE INDEX review_cards_glossary ON review_cards (learner, glossary_id, prompt_lang)
		WHERE glossary_id IS NOT NULL;
	CREATE INDEX review_cards_due ON review_cards (learner, due);
	CREATE TABLE review_log (
		id INTEGER PRIMARY KEY,
		learner TEXT NOT NULL,
		item_id INTEGER REFERENCES vocabulary_items(id) ON DELETE SET NULL,
		glossary_id TEXT,
		prompt_lang TEXT NOT NULL,
		rating INTEGER NOT NULL CHECK (rating BETWEEN 1 AND 4),
		reviewed_at TEXT NOT NULL,
		due_before TEXT NOT NULL,
		due_after TEXT NOT NULL
	);
	CREATE INDEX review_log_learner ON review_log (learner, reviewed_at);
	CREATE TABLE vocabulary_status_log (
		id INTEGER PRIMARY KEY,
		learner TEXT NOT NULL,
		lang TEXT NOT NULL,
		text_key TEXT NOT NULL,
		status TEXT NOT NULL,
		at TEXT NOT NULL
	);
	CREATE INDEX vocabulary_status_log_learner ON vocabulary_status_log (learner, at);
	`,
	// Edits that survive and can be undone. `revisions`: every change a person makes to a
	// document or its alignments (who, when, kind, the state before and after), newest last;
	// `state` keeps the undo stack (done, undone, abandoned when a new change follows an undo)
	// and the changes a version conflict refused (refused, until re-applied). `anchors` on an
	// alignment holds the text of the sentences of every pair a person confirmed, so the pairs
	// follow their text when re-segmentation moves sentences; what cannot be placed again is kept
	// in `unplaced_edits` for review. `segment_overrides`: a person's sentence splits and joins,
	// as offsets into the text, applied after the segmenter on every analysis.
	`
	CREATE TABLE revisions (
		id INTEGER PRIMARY KEY,
		document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
		alignment_id INTEGER REFERENCES alignments(id) ON DELETE SET NULL,
		kind TEXT NOT NULL,
		author TEXT,
		created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
		before TEXT NOT NULL,
		after TEXT NOT NULL,
		reverts INTEGER REFERENCES revisions(id) ON DELETE SET NULL,
		state TEXT NOT NULL DEFAULT 'done'
			CHECK (state IN ('done', 'undone', 'abandoned', 'refused', 'reapplied'))
	);
	CREATE INDEX revisions_document ON revisions (document_id, id);
	CREATE INDEX revisions_alignment ON revisions (alignment_id);
	ALTER TABLE alignments ADD COLUMN anchors TEXT;
	CREATE TABLE unplaced_edits (
		id INTEGER PRIMARY KEY,
		alignment_id INTEGER NOT NULL REFERENCES alignments(id) ON DELETE CASCADE,
		en_document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
		es_document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
		edit TEXT NOT NULL,
		created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
		dismissed INTEGER NOT NULL DEFAULT 0
	);
	CREATE INDEX unplaced_edits_en ON unplaced_edits (en_document_id);
	CREATE INDEX unplaced_edits_es ON unplaced_edits (es_document_id);
	CREATE TABLE segment_overrides (
		document_id INTEGER PRIMARY KEY REFERENCES documents(id) ON DELETE CASCADE,
		overrides TEXT NOT NULL
	);
	`,
	// 9: the shared mode's accounts (PUENTE_AUTH=on), in better-auth's shape: users with a role
	// (reader, editor, admin) and a ban flag, sessions, password accounts, verification tokens;
	// auth_settings keeps the session-signing secret made on first use. Written from the
	// library's own plan (getMigrations); tests/unit/auth/schema.test.ts checks they still agree.
	`
	CREATE TABLE auth_user (
		"id" TEXT NOT NULL PRIMARY KEY,
		"name" TEXT NOT NULL,
		"email" TEXT NOT NULL UNIQUE,
		"emailVerified" INTEGER NOT NULL,
		"image" TEXT,
		"createdAt" DATE NOT NULL,
		"updatedAt" DATE NOT NULL,
		"role" TEXT,
		"banned" INTEGER,
		"banReason" TEXT,
		"banExpires" DATE
	);
	CREATE TABLE auth_session (
		"id" TEXT NOT NULL PRIMARY KEY,
		"expiresAt" DATE NOT NULL,
		"token" TEXT NOT NULL UNIQUE,
		"createdAt" DATE NOT NULL,
		"updatedAt" DATE NOT NULL,
		"ipAddress" TEXT,
		"userAgent" TEXT,
		"userId" TEXT NOT NULL REFERENCES auth_user ("id") ON DELETE CASCADE,
		"impersonatedBy" TEXT
	);
	CREATE INDEX auth_session_userId_idx ON auth_session ("userId");
	CREATE TABLE auth_account (
		"id" TEXT NOT NULL PRIMARY KEY,
		"accountId" TEXT NOT NULL,
		"providerId" TEXT NOT NULL,
		"userId" TEXT NOT NULL REFERENCES auth_user ("id") ON DELETE CASCADE,
		"accessToken" TEXT,
		"refreshToken" TEXT,
		"idToken" TEXT,
		"accessTokenExpiresAt" DATE,
		"refreshTokenExpiresAt" DATE,
		"scope" TEXT,
		"password" TEXT,
		"createdAt" DATE NOT NULL,
		"updatedAt" DATE NOT NULL
	);
	CREATE INDEX auth_account_userId_idx ON auth_account ("userId");
	CREATE TABLE auth_verification (
		"id" TEXT NOT NULL PRIMARY KEY,
		"identifier" TEXT NOT NULL,
		"value" TEXT NOT NULL,
		"expiresAt" DATE NOT NULL,
		"createdAt" DATE NOT NULL,
		"updatedAt" DATE NOT NULL
	);
	CREATE INDEX auth_verification_identifier_idx ON auth_verification ("identifier");
	CREATE TABLE auth_settings (key TEXT PRIMARY KEY, value TEXT NOT NULL);
	`
];
