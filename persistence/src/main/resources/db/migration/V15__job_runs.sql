-- How many times an import job started. A stop of the server in the middle of an import leaves its
-- message unacknowledged, so the job starts again at the next start; a job that keeps being cut short
-- (the import itself bringing the server down, say by running out of memory) must end FAILED with a
-- reason after a few runs, not stay RUNNING once its message has gone to the dead-letter queue.
ALTER TABLE job ADD COLUMN runs INTEGER NOT NULL DEFAULT 0;
UPDATE job SET runs = 1 WHERE started_at IS NOT NULL;
