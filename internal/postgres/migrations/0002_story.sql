-- dyad store for PostgreSQL, schema version 2: the story index
-- (internal/story), as in the SQLite store (0002_story.sql there). Writers
-- add articles to it under the transaction-level advisory lock storyLock
-- (story.go), so seq numbers the indexed articles without gaps.

CREATE TABLE story_articles (
	article_id bigint PRIMARY KEY REFERENCES articles (id) ON DELETE CASCADE,
	seq        bigint NOT NULL UNIQUE,
	outlet     text COLLATE "C" NOT NULL DEFAULT '',
	published  text COLLATE "C" NOT NULL DEFAULT '',
	date       text COLLATE "C" NOT NULL DEFAULT '',
	dup_of     bigint,
	similarity double precision NOT NULL DEFAULT 0,
	copy       boolean NOT NULL DEFAULT false,
	story_id   bigint NOT NULL,
	events     jsonb NOT NULL DEFAULT '[]',
	signature  bytea
);
CREATE INDEX story_articles_story ON story_articles (story_id, seq);
CREATE INDEX story_articles_dup ON story_articles (dup_of) WHERE dup_of IS NOT NULL;

CREATE TABLE story_events (
	id           bigint PRIMARY KEY,
	source       text COLLATE "C" NOT NULL,
	target       text COLLATE "C" NOT NULL DEFAULT '',
	cameo        text COLLATE "C" NOT NULL,
	root         text COLLATE "C" NOT NULL,
	mode         text COLLATE "C" NOT NULL,
	date         text COLLATE "C" NOT NULL DEFAULT '',
	place        jsonb NOT NULL DEFAULT '{}',
	mentions     integer NOT NULL,
	articles     integer NOT NULL,
	copies       integer NOT NULL DEFAULT 0,
	sources      integer NOT NULL,
	outlets      jsonb NOT NULL DEFAULT '[]',
	copy_outlets jsonb NOT NULL DEFAULT '[]',
	first_seen   text COLLATE "C" NOT NULL DEFAULT '',
	last_seen    text COLLATE "C" NOT NULL DEFAULT '',
	is_root      boolean NOT NULL DEFAULT false,
	story_id     bigint NOT NULL,
	merges       boolean NOT NULL DEFAULT true
);
CREATE INDEX story_events_story ON story_events (story_id);

CREATE TABLE story_mentions (
	article_id bigint NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
	ord        integer NOT NULL,
	event_id   bigint NOT NULL,
	eid        text COLLATE "C" NOT NULL,
	sentence   integer NOT NULL,
	cameo      text COLLATE "C" NOT NULL,
	mode       text COLLATE "C" NOT NULL,
	date       text COLLATE "C" NOT NULL DEFAULT '',
	lead       boolean NOT NULL DEFAULT false,
	copy       boolean NOT NULL DEFAULT false,
	PRIMARY KEY (article_id, ord)
);
CREATE INDEX story_mentions_event ON story_mentions (event_id);

CREATE TABLE stories (
	id            bigint PRIMARY KEY,
	title         text COLLATE "C" NOT NULL DEFAULT '',
	title_article bigint,
	first         text COLLATE "C" NOT NULL DEFAULT '',
	last          text COLLATE "C" NOT NULL DEFAULT '',
	articles      integer NOT NULL DEFAULT 0,
	actors        jsonb NOT NULL DEFAULT '[]',
	places        jsonb NOT NULL DEFAULT '[]',
	words         jsonb NOT NULL DEFAULT '[]'
);
