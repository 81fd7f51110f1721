-- How many of an import's messages the search index holds so far. Indexing runs after the messages
-- are stored and before the job succeeds; on a large import it is the longer part (15 M messages:
-- most of an hour on this machine), so the job shows its progress instead of standing at 100 %.
ALTER TABLE job ADD COLUMN messages_indexed INTEGER NOT NULL DEFAULT 0;
