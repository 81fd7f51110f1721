-- One media message, exported first without its file ("<Media omitted>", "image omitted") and later with it
-- ("IMG-0001.jpg (file attached)", "<attached: ...>"), has two different fingerprints, so a merge added it
-- a second time. Its media fingerprint is the same in both exports (MessageFingerprints.mediaOf): a merge
-- looks it up, gives the stored message its file instead of adding another, and counts it in the job.
-- Messages imported before this column have none, so a merge cannot match them this way.
ALTER TABLE message ADD COLUMN media_fingerprint BIGINT;
CREATE INDEX message_by_media_fingerprint ON message (conversation_id, media_fingerprint)
    WHERE media_fingerprint IS NOT NULL;

ALTER TABLE job ADD COLUMN messages_given_files INTEGER NOT NULL DEFAULT 0;

-- A message edited after an earlier export is matched by its place, not by a column: the same author's same
-- message of the same minute (StoredVersions), found through the (conversation_id, sent_at, id) index.
ALTER TABLE job ADD COLUMN messages_edited INTEGER NOT NULL DEFAULT 0;
