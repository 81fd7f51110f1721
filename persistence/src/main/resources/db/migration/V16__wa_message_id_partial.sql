-- Only Cloud API messages have a WhatsApp id; an imported message's is NULL. The unique constraint's
-- index held an entry for each of those NULLs, so every imported row paid one more index insert
-- for nothing. The partial index keeps the webhook's dedupe (ON CONFLICT names its predicate).
ALTER TABLE message DROP CONSTRAINT message_wa_message_id_key;
CREATE UNIQUE INDEX message_by_wa_message_id ON message (wa_message_id) WHERE wa_message_id IS NOT NULL;
