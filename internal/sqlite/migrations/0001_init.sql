-- dyad store, schema version 1. Offsets are byte offsets into articles.text.
-- docs/STORE.md describes every table.

CREATE TABLE articles (
	id               INTEGER PRIMARY KEY,
	doc              TEXT NOT NULL,
	url              TEXT NOT NULL DEFAULT '',
	title            TEXT NOT NULL DEFAULT '',
	published        TEXT NOT NULL DEFAULT '',  -- YYYY-MM-DD or ''
	published_source TEXT NOT NULL DEFAULT '',
	text             TEXT NOT NULL,
	hash             TEXT NOT NULL,             -- hex SHA-256 of text
	warnings         TEXT NOT NULL DEFAULT '[]', -- JSON array of strings
	ingested_at      TEXT NOT NULL              -- RFC 3339, UTC
);
-- The two identities of an article: a second copy is never stored.
CREATE UNIQUE INDEX articles_hash ON articles (hash);
CREATE UNIQUE INDEX articles_url ON articles (url) WHERE url <> '';
CREATE INDEX articles_doc ON articles (doc);
CREATE INDEX articles_published ON articles (published);

CREATE TABLE sentences (
	article_id INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
	idx        INTEGER NOT NULL,
	start      INTEGER NOT NULL,
	"end"      INTEGER NOT NULL,
	text       TEXT NOT NULL,
	kind       TEXT NOT NULL,
	rule       TEXT NOT NULL DEFAULT '',
	para       INTEGER NOT NULL DEFAULT 0,
	PRIMARY KEY (article_id, idx)
) WITHOUT ROWID;

-- Actors per article, as the analysis found them.
CREATE TABLE actors (
	id         INTEGER PRIMARY KEY,
	article_id INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
	ord        INTEGER NOT NULL,               -- position in the analysis
	aid        TEXT NOT NULL,                  -- a1, a2, ...
	name       TEXT NOT NULL,
	country    TEXT NOT NULL DEFAULT '',
	sector     TEXT NOT NULL DEFAULT '',
	code       TEXT NOT NULL DEFAULT '',
	type       TEXT NOT NULL DEFAULT '',
	entries    TEXT NOT NULL DEFAULT '[]',      -- JSON array of strings
	mentions   INTEGER NOT NULL DEFAULT 0,      -- number of mentions
	UNIQUE (article_id, ord)
);
CREATE INDEX actors_name ON actors (name COLLATE NOCASE);
CREATE INDEX actors_code ON actors (code);

CREATE TABLE mentions (
	actor_id   INTEGER NOT NULL REFERENCES actors (id) ON DELETE CASCADE,
	idx        INTEGER NOT NULL,
	article_id INTEGER NOT NULL,               -- the actor's article, for span queries
	start      INTEGER NOT NULL,
	"end"      INTEGER NOT NULL,
	text       TEXT NOT NULL,
	sentence   INTEGER NOT NULL,
	via        TEXT NOT NULL DEFAULT '',
	PRIMARY KEY (actor_id, idx)
) WITHOUT ROWID;
CREATE INDEX mentions_span ON mentions (article_id, start, "end", actor_id);

-- Events: one row per coded event. Columns prefixed source_, target_,
-- place_ and trigger_ flatten the ActorRef, Place and Trigger; target_* and
-- place_* are all NULL when the event has none.
CREATE TABLE events (
	id              INTEGER PRIMARY KEY,       -- StoredEvent.GlobalID
	article_id      INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
	ord             INTEGER NOT NULL,          -- position in the analysis
	eid             TEXT NOT NULL,             -- e1, e2, ...
	sentence        INTEGER NOT NULL,
	lead            INTEGER NOT NULL DEFAULT 0,
	sentence_text   TEXT NOT NULL DEFAULT '',
	source_name     TEXT NOT NULL,
	source_country  TEXT NOT NULL,
	source_sector   TEXT NOT NULL,
	source_code     TEXT NOT NULL,
	source_text     TEXT NOT NULL,
	source_start    INTEGER NOT NULL,
	source_end      INTEGER NOT NULL,
	target_name     TEXT,
	target_country  TEXT,
	target_sector   TEXT,
	target_code     TEXT,
	target_text     TEXT,
	target_start    INTEGER,
	target_end      INTEGER,
	cameo           TEXT NOT NULL,
	root            TEXT NOT NULL,
	plover          TEXT NOT NULL DEFAULT '',
	quad            INTEGER NOT NULL CHECK (quad BETWEEN 0 AND 4),
	goldstein       REAL NOT NULL,
	mode            TEXT NOT NULL CHECK (mode IN ('asserted', 'hypothetical', 'negated', 'future')),
	date            TEXT,                      -- as coded: YYYY-MM-DD, YYYY-MM, YYYY or NULL
	day             TEXT,                      -- StoredEvent.Day, NULL when unknown
	place_text      TEXT,
	place_name      TEXT,
	place_country   TEXT,
	place_admin1    TEXT,
	place_lat       REAL,
	place_lon       REAL,
	place_start     INTEGER,
	place_end       INTEGER,
	place_sentence  INTEGER,
	place_geonameid INTEGER,
	trigger_text    TEXT NOT NULL DEFAULT '',
	trigger_start   INTEGER NOT NULL DEFAULT 0,
	trigger_end     INTEGER NOT NULL DEFAULT 0,
	evidence        TEXT NOT NULL DEFAULT '[]', -- JSON array of dyad.Evidence
	UNIQUE (article_id, ord)
);
CREATE INDEX events_day ON events (day);
CREATE INDEX events_cameo ON events (cameo);
CREATE INDEX events_root ON events (root, quad);
CREATE INDEX events_source_code ON events (source_code);
CREATE INDEX events_target_code ON events (target_code);
CREATE INDEX events_source_name ON events (source_name COLLATE NOCASE);
CREATE INDEX events_target_name ON events (target_name COLLATE NOCASE);
CREATE INDEX events_source_country ON events (source_country);
CREATE INDEX events_target_country ON events (target_country);
CREATE INDEX events_place ON events (place_country, place_name);

CREATE TABLE quotes (
	id              INTEGER PRIMARY KEY,       -- StoredQuote.GlobalID
	article_id      INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
	ord             INTEGER NOT NULL,
	text            TEXT NOT NULL,
	start           INTEGER NOT NULL,
	"end"           INTEGER NOT NULL,
	verb            TEXT NOT NULL DEFAULT '',
	sentence        INTEGER NOT NULL,
	speaker_name    TEXT,                      -- speaker_* all NULL without a speaker
	speaker_country TEXT,
	speaker_sector  TEXT,
	speaker_code    TEXT,
	speaker_text    TEXT,
	speaker_start   INTEGER,
	speaker_end     INTEGER,
	UNIQUE (article_id, ord)
);
CREATE INDEX quotes_speaker_name ON quotes (speaker_name COLLATE NOCASE);
CREATE INDEX quotes_speaker_code ON quotes (speaker_code);

CREATE TABLE places (
	article_id INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
	idx        INTEGER NOT NULL,
	text       TEXT NOT NULL,
	name       TEXT NOT NULL,
	country    TEXT NOT NULL DEFAULT '',
	admin1     TEXT NOT NULL DEFAULT '',
	lat        REAL NOT NULL DEFAULT 0,
	lon        REAL NOT NULL DEFAULT 0,
	start      INTEGER NOT NULL,
	"end"      INTEGER NOT NULL,
	sentence   INTEGER NOT NULL,
	geonameid  INTEGER NOT NULL DEFAULT 0,
	PRIMARY KEY (article_id, idx)
) WITHOUT ROWID;
CREATE INDEX places_name ON places (name COLLATE NOCASE);

-- Full-text indexes, kept in step with their tables by triggers.
CREATE VIRTUAL TABLE articles_fts USING fts5 (
	title, text, content = 'articles', content_rowid = 'id',
	tokenize = 'porter unicode61 remove_diacritics 2'
);
CREATE TRIGGER articles_fts_insert AFTER INSERT ON articles BEGIN
	INSERT INTO articles_fts (rowid, title, text) VALUES (new.id, new.title, new.text);
END;
CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles BEGIN
	INSERT INTO articles_fts (articles_fts, rowid, title, text) VALUES ('delete', old.id, old.title, old.text);
END;

CREATE VIRTUAL TABLE quotes_fts USING fts5 (
	text, content = 'quotes', content_rowid = 'id',
	tokenize = 'porter unicode61 remove_diacritics 2'
);
CREATE TRIGGER quotes_fts_insert AFTER INSERT ON quotes BEGIN
	INSERT INTO quotes_fts (rowid, text) VALUES (new.id, new.text);
END;
CREATE TRIGGER quotes_fts_delete AFTER DELETE ON quotes BEGIN
	INSERT INTO quotes_fts (quotes_fts, rowid, text) VALUES ('delete', old.id, old.text);
END;
