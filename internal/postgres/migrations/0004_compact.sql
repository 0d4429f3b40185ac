-- dyad store for PostgreSQL, schema version 4 (as the SQLite store's
-- 0004_compact.sql): text that is the article's own bytes is not stored
-- twice, and evidence is written without object keys.
--
-- * sentences.text and mentions.text are NULL when they are exactly the
--   bytes [start, end) of articles.text (always, for the pipeline's
--   analyses); the store cuts them from the article when it reads them.
-- * events.sentence_text is gone: it is the text of the event's sentence.
-- * events.evidence is a JSON array of arrays: [role, entry] for a piece
--   without a span, else [role, entry, text, start, end].
-- * mentions_span is gone: the primary key (article_id, actor_ord, idx)
--   serves the "about" quote search.
--
-- The rewritten tables are CLUSTERed in the same transaction, so that the
-- space of the old row versions goes back to the file system at once
-- rather than waiting for a VACUUM FULL.

ALTER TABLE sentences ALTER COLUMN text DROP NOT NULL;
UPDATE sentences s SET text = NULL FROM articles a
WHERE a.id = s.article_id AND s.start >= 0 AND s."end" >= s.start AND s."end" <= octet_length(a.text)
	AND convert_to(s.text, 'UTF8') = substring(convert_to(a.text, 'UTF8') FROM s.start + 1 FOR s."end" - s.start);

ALTER TABLE mentions ALTER COLUMN text DROP NOT NULL;
UPDATE mentions m SET text = NULL FROM articles a
WHERE a.id = m.article_id AND m.start >= 0 AND m."end" >= m.start AND m."end" <= octet_length(a.text)
	AND convert_to(m.text, 'UTF8') = substring(convert_to(a.text, 'UTF8') FROM m.start + 1 FOR m."end" - m.start);
DROP INDEX mentions_span;

ALTER TABLE events DROP COLUMN sentence_text;
UPDATE events SET evidence = (
	SELECT coalesce(jsonb_agg(
		CASE WHEN coalesce(x.v ->> 'text', '') = '' AND coalesce((x.v ->> 'start')::int, 0) = 0
			AND coalesce((x.v ->> 'end')::int, 0) = 0
		THEN jsonb_build_array(coalesce(x.v ->> 'role', ''), coalesce(x.v ->> 'entry', ''))
		ELSE jsonb_build_array(coalesce(x.v ->> 'role', ''), coalesce(x.v ->> 'entry', ''),
			coalesce(x.v ->> 'text', ''), coalesce((x.v ->> 'start')::int, 0), coalesce((x.v ->> 'end')::int, 0))
		END ORDER BY x.o), '[]'::jsonb)
	FROM jsonb_array_elements(events.evidence) WITH ORDINALITY x(v, o))
WHERE evidence <> '[]'::jsonb;

CLUSTER sentences USING sentences_pkey;
CLUSTER mentions USING mentions_pkey;
CLUSTER events USING events_pkey;
