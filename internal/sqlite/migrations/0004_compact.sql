-- dyad store, schema version 4: text that is the article's own bytes is
-- not stored twice, and evidence is written without object keys.
--
-- * sentences.text and mentions.text are NULL when they are exactly the
--   bytes [start, end) of articles.text (always, for the pipeline's
--   analyses); the store cuts them from the article when it reads them.
-- * events.sentence_text is gone: it is the text of the event's sentence.
-- * events.evidence is a JSON array of arrays: [role, entry] for a piece
--   without a span, else [role, entry, text, start, end].
-- * mentions refer to their actor by (article_id, actor_ord), as in the
--   PostgreSQL store, and are clustered by article: the primary key serves
--   both the article's mentions and the "about" quote search, so the
--   mentions_span index is gone.
--
-- SQLite cannot drop NOT NULL or re-key a table in place: each table is
-- rebuilt (new table, copy, drop, rename). The old pages go to the free
-- list and are reused by later writes; VACUUM gives them back to the file
-- system.

CREATE TABLE sentences_v4 (
	article_id INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
	idx        INTEGER NOT NULL,
	start      INTEGER NOT NULL,
	"end"      INTEGER NOT NULL,
	text       TEXT,                           -- NULL: the article's bytes [start, end)
	kind       TEXT NOT NULL,
	rule       TEXT NOT NULL DEFAULT '',
	para       INTEGER NOT NULL DEFAULT 0,
	PRIMARY KEY (article_id, idx)
) WITHOUT ROWID;
INSERT INTO sentences_v4 (article_id, idx, start, "end", text, kind, rule, para)
SELECT s.article_id, s.idx, s.start, s."end",
	CASE WHEN s.start >= 0 AND s."end" >= s.start AND s."end" <= length(CAST(a.text AS BLOB))
		AND CAST(s.text AS BLOB) = substr(CAST(a.text AS BLOB), s.start + 1, s."end" - s.start)
	THEN NULL ELSE s.text END,
	s.kind, s.rule, s.para
FROM sentences s LEFT JOIN articles a ON a.id = s.article_id;
DROP TABLE sentences;
ALTER TABLE sentences_v4 RENAME TO sentences;

CREATE TABLE mentions_v4 (
	article_id INTEGER NOT NULL,
	actor_ord  INTEGER NOT NULL,               -- actors.ord of the article's actor
	idx        INTEGER NOT NULL,
	start      INTEGER NOT NULL,
	"end"      INTEGER NOT NULL,
	text       TEXT,                           -- NULL: the article's bytes [start, end)
	sentence   INTEGER NOT NULL,
	via        TEXT NOT NULL DEFAULT '',
	PRIMARY KEY (article_id, actor_ord, idx),
	FOREIGN KEY (article_id, actor_ord) REFERENCES actors (article_id, ord) ON DELETE CASCADE
) WITHOUT ROWID;
INSERT INTO mentions_v4 (article_id, actor_ord, idx, start, "end", text, sentence, via)
SELECT ac.article_id, ac.ord, m.idx, m.start, m."end",
	CASE WHEN m.start >= 0 AND m."end" >= m.start AND m."end" <= length(CAST(a.text AS BLOB))
		AND CAST(m.text AS BLOB) = substr(CAST(a.text AS BLOB), m.start + 1, m."end" - m.start)
	THEN NULL ELSE m.text END,
	m.sentence, m.via
FROM mentions m JOIN actors ac ON ac.id = m.actor_id LEFT JOIN articles a ON a.id = ac.article_id;
DROP TABLE mentions;
ALTER TABLE mentions_v4 RENAME TO mentions;

CREATE TABLE events_v4 (
	id              INTEGER PRIMARY KEY,       -- StoredEvent.GlobalID
	article_id      INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
	ord             INTEGER NOT NULL,          -- position in the analysis
	eid             TEXT NOT NULL,             -- e1, e2, ...
	sentence        INTEGER NOT NULL,
	lead            INTEGER NOT NULL DEFAULT 0,
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
	evidence        TEXT NOT NULL DEFAULT '[]', -- JSON: [role, entry] or [role, entry, text, start, end] per piece
	UNIQUE (article_id, ord)
);
INSERT INTO events_v4 (id, article_id, ord, eid, sentence, lead,
	source_name, source_country, source_sector, source_code, source_text, source_start, source_end,
	target_name, target_country, target_sector, target_code, target_text, target_start, target_end,
	cameo, root, plover, quad, goldstein, mode, date, day,
	place_text, place_name, place_country, place_admin1, place_lat, place_lon,
	place_start, place_end, place_sentence, place_geonameid,
	trigger_text, trigger_start, trigger_end, evidence)
SELECT id, article_id, ord, eid, sentence, lead,
	source_name, source_country, source_sector, source_code, source_text, source_start, source_end,
	target_name, target_country, target_sector, target_code, target_text, target_start, target_end,
	cameo, root, plover, quad, goldstein, mode, date, day,
	place_text, place_name, place_country, place_admin1, place_lat, place_lon,
	place_start, place_end, place_sentence, place_geonameid,
	trigger_text, trigger_start, trigger_end,
	coalesce((SELECT json_group_array(json(
			CASE WHEN coalesce(j.value ->> 'text', '') = '' AND coalesce(j.value ->> 'start', 0) = 0
				AND coalesce(j.value ->> 'end', 0) = 0
			THEN json_array(coalesce(j.value ->> 'role', ''), coalesce(j.value ->> 'entry', ''))
			ELSE json_array(coalesce(j.value ->> 'role', ''), coalesce(j.value ->> 'entry', ''),
				coalesce(j.value ->> 'text', ''), coalesce(j.value ->> 'start', 0), coalesce(j.value ->> 'end', 0))
			END) ORDER BY j.key)
		FROM json_each(events.evidence) j), '[]')
FROM events;
DROP TABLE events;
ALTER TABLE events_v4 RENAME TO events;
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
