-- NLP enrichment beyond the per-message columns of V3: the entities each message names, and each
-- conversation's keywords (per period) and topics, for analytics, search and exports.

CREATE TABLE message_entity (
    id               BIGSERIAL    PRIMARY KEY,
    message_id       BIGINT       NOT NULL REFERENCES message (id) ON DELETE CASCADE,
    conversation_id  UUID         NOT NULL REFERENCES conversation (id) ON DELETE CASCADE,
    kind             VARCHAR(20)  NOT NULL,   -- PERSON, ORG, LOCATION, DATE, TIME, PHONE, EMAIL, URL, MENTION
    text             TEXT         NOT NULL,   -- as written in the message body
    start_offset     INTEGER      NOT NULL,   -- UTF-16 offsets into the body, end exclusive
    end_offset       INTEGER      NOT NULL,
    normalised       TEXT                     -- E.164 phone, ISO date, HH:MM, absolute URL, lower-case e-mail, full name
);
CREATE INDEX message_entity_by_message ON message_entity (message_id);
-- Analytics and exports ask for a conversation's entities of one kind ("every phone number in it").
CREATE INDEX message_entity_by_conversation_kind ON message_entity (conversation_id, kind);

CREATE TABLE conversation_keyword (
    conversation_id  UUID         NOT NULL REFERENCES conversation (id) ON DELETE CASCADE,
    period           VARCHAR(7)   NOT NULL,   -- 'all' or a month, 'yyyy-mm'
    rank             SMALLINT     NOT NULL,   -- 1 = highest TF-IDF score
    phrase           TEXT         NOT NULL,   -- one to three words, as most often written
    words            SMALLINT     NOT NULL,
    score            REAL         NOT NULL,
    occurrences      INTEGER      NOT NULL,
    PRIMARY KEY (conversation_id, period, rank)
);

CREATE TABLE conversation_topic (
    conversation_id  UUID         NOT NULL REFERENCES conversation (id) ON DELETE CASCADE,
    period           VARCHAR(7)   NOT NULL,   -- 'all' or a month, 'yyyy-mm' (months of enough days only)
    topic            SMALLINT     NOT NULL,   -- 1 = the largest
    weight           REAL         NOT NULL,   -- its share of the period's content words
    terms            TEXT[]       NOT NULL,   -- top terms, most probable first
    PRIMARY KEY (conversation_id, period, topic)
);

-- When each conversation's keywords and topics were last computed, from how many messages.
CREATE TABLE conversation_terms_state (
    conversation_id  UUID         PRIMARY KEY REFERENCES conversation (id) ON DELETE CASCADE,
    messages         INTEGER      NOT NULL,
    computed_at      TIMESTAMPTZ  NOT NULL DEFAULT now()
);

-- Progress of POST /api/v1/admin/nlp/rerun, one row per batch execution.
CREATE TABLE nlp_rerun (
    execution_id         BIGINT       PRIMARY KEY,
    conversation_id      UUID,                    -- null: every conversation
    conversations_total  INTEGER      NOT NULL DEFAULT 0,
    conversations_done   INTEGER      NOT NULL DEFAULT 0,
    messages_done        BIGINT       NOT NULL DEFAULT 0,
    started_at           TIMESTAMPTZ  NOT NULL DEFAULT now(),
    finished_at          TIMESTAMPTZ
);
