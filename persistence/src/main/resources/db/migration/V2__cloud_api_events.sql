-- WhatsApp Cloud API events beside the messages they concern. Reactions, revocations and statuses
-- are their own rows keyed by the WhatsApp message id, so they are stored whatever order Meta
-- delivers them in (a reaction may arrive before the message it reacts to) and read back joined.

ALTER TABLE participant ADD CONSTRAINT participant_wa_id_per_conversation UNIQUE (conversation_id, wa_id);

-- The Cloud API type as received (text, image, interactive, ...), beside Conversa's own kind.
ALTER TABLE message ADD COLUMN wa_type VARCHAR(40);

CREATE TABLE message_status (
    id             BIGSERIAL    PRIMARY KEY,
    wa_message_id  VARCHAR(128) NOT NULL,
    status         VARCHAR(20)  NOT NULL,            -- sent, delivered, read, played, failed, ...
    recipient_id   VARCHAR(64),
    occurred_at    TIMESTAMPTZ  NOT NULL,
    error_code     INTEGER,
    error_title    TEXT,
    payload        JSONB        NOT NULL,
    received_at    TIMESTAMPTZ  NOT NULL DEFAULT now(),
    CONSTRAINT message_status_once UNIQUE (wa_message_id, status)
);

CREATE TABLE message_reaction (
    target_wa_id   VARCHAR(128) NOT NULL,            -- the message reacted to
    reactor_wa_id  VARCHAR(64)  NOT NULL,
    emoji          VARCHAR(64)  NOT NULL,
    reacted_at     TIMESTAMPTZ  NOT NULL,
    PRIMARY KEY (target_wa_id, reactor_wa_id)        -- one reaction per person; a new one replaces it
);

CREATE TABLE message_revocation (
    target_wa_id   VARCHAR(128) PRIMARY KEY,         -- the message its sender deleted for everyone
    revoked_at     TIMESTAMPTZ  NOT NULL
);

-- Webhook changes other than messages (account updates, templates, history, ...), kept as received.
CREATE TABLE channel_event (
    id               BIGSERIAL    PRIMARY KEY,
    phone_number_id  VARCHAR(64),
    field            VARCHAR(64)  NOT NULL,
    payload          JSONB        NOT NULL,
    received_at      TIMESTAMPTZ  NOT NULL DEFAULT now()
);
