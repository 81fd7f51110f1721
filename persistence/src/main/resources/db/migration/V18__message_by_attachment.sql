-- A zip import links each media file to the first message that names it. Without an index that lookup
-- walked the conversation's messages in time order until it met the name, so linking the media of a
-- long chat cost the product of its messages and its files (2,000 files among 202,000 messages: 112
-- CPU-seconds of PostgreSQL). Only messages that name an attachment are in this index, so the rows
-- of an import's plain messages do not pay for it.
CREATE INDEX message_by_attachment ON message (conversation_id, attachment_name, sent_at, id)
    WHERE attachment_name IS NOT NULL;
