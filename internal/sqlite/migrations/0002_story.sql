-- dyad store, schema version 2: the story index (internal/story) of the
-- stored articles: near-duplicate links, merged events with GDELT-style
-- counts and stories. The rows are the index's persisted state: ingest
-- writes the rows each article changed in the transaction that stores the
-- article, and rebuilds the index from them (story.Restore) when it starts.
-- Articles stored before this version are not in the index.
-- docs/STORE.md describes every table.

-- One row per indexed article; seq is the order the index took them in.
CREATE TABLE story_articles (
	article_id INTEGER PRIMARY KEY REFERENCES articles (id) ON DELETE CASCADE,
	seq        INTEGER NOT NULL UNIQUE,          -- 1, 2, ... in arrival order
	outlet     TEXT NOT NULL DEFAULT '',
	published  TEXT NOT NULL DEFAULT '',         -- YYYY-MM-DD or ''
	date       TEXT NOT NULL DEFAULT '',         -- the date the index uses
	dup_of     INTEGER,                          -- article id of the earliest copy, NULL when none
	similarity REAL NOT NULL DEFAULT 0,          -- estimated Jaccard similarity to dup_of
	copy       INTEGER NOT NULL DEFAULT 0,       -- counted as a copy
	story_id   INTEGER NOT NULL,
	events     TEXT NOT NULL DEFAULT '[]',       -- JSON array of story_events ids, in first-mention order
	signature  BLOB                              -- MinHash signature, NULL when the body is too short
);
CREATE INDEX story_articles_story ON story_articles (story_id, seq);
CREATE INDEX story_articles_dup ON story_articles (dup_of) WHERE dup_of IS NOT NULL;

-- Merged events: one row per happening, with the counts of its mentions.
CREATE TABLE story_events (
	id           INTEGER PRIMARY KEY,
	source       TEXT NOT NULL,                  -- merge key: USA, SYR/REB, ...
	target       TEXT NOT NULL DEFAULT '',
	cameo        TEXT NOT NULL,                  -- code of the first mention
	root         TEXT NOT NULL,
	mode         TEXT NOT NULL,
	date         TEXT NOT NULL DEFAULT '',       -- date of the first mention
	place        TEXT NOT NULL DEFAULT '{}',     -- JSON story.Place
	mentions     INTEGER NOT NULL,               -- GDELT NumMentions
	articles     INTEGER NOT NULL,               -- GDELT NumArticles (copies excluded)
	copies       INTEGER NOT NULL DEFAULT 0,
	sources      INTEGER NOT NULL,               -- GDELT NumSources: distinct outlets
	outlets      TEXT NOT NULL DEFAULT '[]',     -- JSON array of outlets
	copy_outlets TEXT NOT NULL DEFAULT '[]',     -- JSON array of outlets seen only in copies
	first_seen   TEXT NOT NULL DEFAULT '',
	last_seen    TEXT NOT NULL DEFAULT '',
	is_root      INTEGER NOT NULL DEFAULT 0,
	story_id     INTEGER NOT NULL,               -- story of the first mention
	merges       INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX story_events_story ON story_events (story_id);

-- Mentions: each coded event of an indexed article and its merged event.
CREATE TABLE story_mentions (
	article_id INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
	ord        INTEGER NOT NULL,                 -- events.ord of the coded event
	event_id   INTEGER NOT NULL,                 -- story_events.id
	eid        TEXT NOT NULL,
	sentence   INTEGER NOT NULL,
	cameo      TEXT NOT NULL,
	mode       TEXT NOT NULL,
	date       TEXT NOT NULL DEFAULT '',
	lead       INTEGER NOT NULL DEFAULT 0,
	copy       INTEGER NOT NULL DEFAULT 0,
	PRIMARY KEY (article_id, ord)
) WITHOUT ROWID;
CREATE INDEX story_mentions_event ON story_mentions (event_id);

-- Stories: articles about one happening.
CREATE TABLE stories (
	id            INTEGER PRIMARY KEY,
	title         TEXT NOT NULL DEFAULT '',
	title_article INTEGER,                       -- article id the title comes from
	first         TEXT NOT NULL DEFAULT '',
	last          TEXT NOT NULL DEFAULT '',
	articles      INTEGER NOT NULL DEFAULT 0,
	actors        TEXT NOT NULL DEFAULT '[]',    -- JSON arrays: the profile
	places        TEXT NOT NULL DEFAULT '[]',
	words         TEXT NOT NULL DEFAULT '[]'
);
