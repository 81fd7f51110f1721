-- Everything Conversa sends through the Cloud API. A row is written (QUEUED) in the same transaction
-- as the JMS message that asks for its delivery, so a send is never lost and never made twice:
-- the delivery consumer moves it to SENT with the WhatsApp id Meta returned, status webhooks move it
-- on to DELIVERED/READ, or it ends FAILED with the reason.
CREATE TABLE outbound_message (
    id               UUID         PRIMARY KEY,
    conversation_id  UUID         REFERENCES conversation (id) ON DELETE SET NULL,
    phone_number_id  VARCHAR(64)  NOT NULL,                -- the channel it goes out of
    recipient        VARCHAR(64)  NOT NULL,                -- the contact's wa_id
    kind             VARCHAR(20)  NOT NULL,                -- TEXT, MEDIA, TEMPLATE, REACTION, READ_RECEIPT
    payload          TEXT         NOT NULL,                -- the Graph API request body (JSON), as sent
    status           VARCHAR(20)  NOT NULL,                -- QUEUED, SENT, DELIVERED, READ, FAILED
    attempts         INTEGER      NOT NULL DEFAULT 0,
    wa_message_id    VARCHAR(128) UNIQUE,
    error_code       INTEGER,
    error_reason     TEXT,
    requested_by     VARCHAR(200),
    created_at       TIMESTAMPTZ  NOT NULL DEFAULT now(),
    updated_at       TIMESTAMPTZ  NOT NULL DEFAULT now()
);
CREATE INDEX outbound_by_status ON outbound_message (status, created_at);

-- Media of Cloud API messages: fetched from the Graph API after the message is stored. A download
-- that keeps failing ends with the reason here, and the message keeps its media id.
ALTER TABLE media_object ADD COLUMN wa_media_id VARCHAR(128);
ALTER TABLE media_object ADD COLUMN download_error TEXT;
ALTER TABLE media_object ALTER COLUMN object_key DROP NOT NULL;
CREATE UNIQUE INDEX media_by_wa_media_id ON media_object (wa_media_id) WHERE wa_media_id IS NOT NULL;
