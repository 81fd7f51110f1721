-- Conversa platform schema: accounts, conversations, participants, messages, media, jobs.
-- Flyway owns the schema; Hibernate only validates nothing and generates nothing.

-- Liberty's Jakarta Batch job repository lives in its own schema; its tables are created by Liberty.
CREATE SCHEMA IF NOT EXISTS batch;

CREATE TABLE app_user (
    id             BIGSERIAL PRIMARY KEY,
    username       VARCHAR(120) UNIQUE,          -- staff accounts log in with a username
    phone          VARCHAR(32)  UNIQUE,          -- WhatsApp users log in with their number (E.164)
    display_name   VARCHAR(200),
    password_hash  VARCHAR(400),                 -- PBKDF2 (Jakarta Security format); null for code-login users
    enabled        BOOLEAN      NOT NULL DEFAULT TRUE,
    created_at     TIMESTAMPTZ  NOT NULL DEFAULT now(),
    CONSTRAINT app_user_has_identity CHECK (username IS NOT NULL OR phone IS NOT NULL)
);

CREATE TABLE user_role (
    user_id  BIGINT      NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
    role     VARCHAR(20) NOT NULL CHECK (role IN ('admin', 'analyst', 'user', 'integrator')),
    PRIMARY KEY (user_id, role)
);

CREATE TABLE conversation (
    id                  UUID         PRIMARY KEY,
    title               VARCHAR(300) NOT NULL,
    source              VARCHAR(20)  NOT NULL CHECK (source IN ('EXPORT', 'CLOUD_API')),
    status              VARCHAR(20)  NOT NULL CHECK (status IN ('IMPORTING', 'READY', 'FAILED')),
    time_zone           VARCHAR(64)  NOT NULL,
    owner_id            BIGINT       REFERENCES app_user (id),
    -- Cloud API conversations are one per (our phone number id, contact wa_id).
    wa_phone_number_id  VARCHAR(64),
    wa_contact_id       VARCHAR(64),
    message_count       INTEGER      NOT NULL DEFAULT 0,
    first_message_at    TIMESTAMPTZ,
    last_message_at     TIMESTAMPTZ,
    created_at          TIMESTAMPTZ  NOT NULL DEFAULT now(),
    updated_at          TIMESTAMPTZ  NOT NULL DEFAULT now(),
    CONSTRAINT conversation_channel_contact UNIQUE (wa_phone_number_id, wa_contact_id)
);
-- The conversation list is ordered by latest activity.
CREATE INDEX conversation_by_activity ON conversation (last_message_at DESC NULLS LAST, id);

CREATE TABLE participant (
    id               BIGSERIAL    PRIMARY KEY,
    conversation_id  UUID         NOT NULL REFERENCES conversation (id) ON DELETE CASCADE,
    display_name     VARCHAR(300) NOT NULL,
    phone            VARCHAR(32),
    wa_id            VARCHAR(64),
    message_count    INTEGER      NOT NULL DEFAULT 0,
    CONSTRAINT participant_name_per_conversation UNIQUE (conversation_id, display_name)
);
-- A user sees the conversations their number takes part in.
CREATE INDEX participant_by_phone ON participant (phone) WHERE phone IS NOT NULL;

CREATE TABLE message (
    id               BIGSERIAL    PRIMARY KEY,
    conversation_id  UUID         NOT NULL REFERENCES conversation (id) ON DELETE CASCADE,
    participant_id   BIGINT       REFERENCES participant (id),   -- null for SYSTEM messages
    sequence_no      INTEGER      NOT NULL,                       -- order within the source export
    sent_at          TIMESTAMPTZ  NOT NULL,
    local_time       TIMESTAMP,                                   -- wall time as the export wrote it
    kind             VARCHAR(20)  NOT NULL,
    body             TEXT,
    attachment_name  VARCHAR(500),
    edited           BOOLEAN      NOT NULL DEFAULT FALSE,
    direction        VARCHAR(10),                                 -- IN / OUT for Cloud API messages
    wa_message_id    VARCHAR(128) UNIQUE,                          -- dedupe key for webhook deliveries
    reply_to_wa_id   VARCHAR(128),
    metadata         JSONB,
    import_job_id    UUID,                                        -- the import that wrote it, to undo a failed one
    -- Identity of an exported message across re-imports of the same chat: the first 64 bits of a
    -- SHA-256 (see MessageFingerprints); a bigint keeps the unique index small and fast to insert into.
    fingerprint      BIGINT,
    created_at       TIMESTAMPTZ  NOT NULL DEFAULT now(),
    CONSTRAINT message_fingerprint_per_conversation UNIQUE (conversation_id, fingerprint)
);
CREATE INDEX message_by_import_job ON message (import_job_id) WHERE import_job_id IS NOT NULL;
-- Keyset paging of a conversation's messages in time order.
CREATE INDEX message_by_conversation_time ON message (conversation_id, sent_at, id);

CREATE TABLE media_object (
    id               BIGSERIAL     PRIMARY KEY,
    conversation_id  UUID          NOT NULL REFERENCES conversation (id) ON DELETE CASCADE,
    message_id       BIGINT        REFERENCES message (id) ON DELETE SET NULL,
    object_key       VARCHAR(500)  NOT NULL UNIQUE,
    file_name        VARCHAR(500),
    mime_type        VARCHAR(200),
    size_bytes       BIGINT,
    sha256           CHAR(64),
    width            INTEGER,
    height           INTEGER,
    duration_ms      BIGINT,
    created_at       TIMESTAMPTZ   NOT NULL DEFAULT now()
);
CREATE INDEX media_by_message ON media_object (message_id);
CREATE INDEX media_by_conversation_name ON media_object (conversation_id, file_name);

CREATE TABLE job (
    id               UUID          PRIMARY KEY,
    kind             VARCHAR(30)   NOT NULL,
    status           VARCHAR(20)   NOT NULL CHECK (status IN ('QUEUED', 'RUNNING', 'SUCCEEDED', 'FAILED')),
    conversation_id  UUID          REFERENCES conversation (id) ON DELETE SET NULL,
    created_by       BIGINT        REFERENCES app_user (id),
    source_object    VARCHAR(500),                 -- the upload in object storage
    source_name      VARCHAR(500),
    date_order       VARCHAR(20),                  -- the date order the caller asked for; null: decided from the file
    bytes_total      BIGINT,
    bytes_done       BIGINT        NOT NULL DEFAULT 0,
    messages_done    INTEGER       NOT NULL DEFAULT 0,     -- read from the export so far
    messages_new     INTEGER       NOT NULL DEFAULT 0,     -- of those, not stored before
    participants     INTEGER       NOT NULL DEFAULT 0,
    media_stored     INTEGER       NOT NULL DEFAULT 0,
    media_missing    INTEGER       NOT NULL DEFAULT 0,     -- attachments the chat names but the upload lacks
    merged           BOOLEAN       NOT NULL DEFAULT FALSE, -- added to a conversation imported before
    error            TEXT,
    created_at       TIMESTAMPTZ   NOT NULL DEFAULT now(),
    started_at       TIMESTAMPTZ,
    finished_at      TIMESTAMPTZ
);
CREATE INDEX job_by_creator ON job (created_by, created_at DESC);
