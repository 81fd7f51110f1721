-- Edits of Cloud API messages (type "edit"), kept as a history: the message shows the latest edit's
-- text and is marked edited; the original stays in its metadata. Edits are stored whether or not
-- the message they change has arrived yet, and applied when it does.
CREATE TABLE message_edit (
    wa_message_id  VARCHAR(128) PRIMARY KEY,         -- the edit event's own id: delivered twice, stored once
    target_wa_id   VARCHAR(128) NOT NULL,
    edited_at      TIMESTAMPTZ  NOT NULL,
    body           TEXT,
    payload        JSONB        NOT NULL,
    received_at    TIMESTAMPTZ  NOT NULL DEFAULT now()
);
CREATE INDEX message_edit_by_target ON message_edit (target_wa_id, edited_at);
