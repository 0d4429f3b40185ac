-- dyad store for PostgreSQL, schema version 3: indexes for the story
-- index's queries (dyad.StoryStore), as in the SQLite store. No table
-- changes.

CREATE INDEX story_events_source ON story_events (source);
CREATE INDEX story_events_target ON story_events (target);
CREATE INDEX story_events_cameo ON story_events (cameo);
CREATE INDEX story_events_first ON story_events (first_seen);
CREATE INDEX story_events_last ON story_events (last_seen);
CREATE INDEX story_events_sources ON story_events (sources DESC, mentions DESC, id);
CREATE INDEX story_events_mentions ON story_events (mentions DESC, id);
CREATE INDEX stories_first ON stories (first);
CREATE INDEX stories_last ON stories (last);
CREATE INDEX stories_articles ON stories (articles DESC, id);
