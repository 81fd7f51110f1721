-- Analytics: what the "analytics" batch job computes per conversation, recomputed only for the
-- conversations that changed since its last run. Every table is rewritten per conversation in one
-- transaction, so readers never see half of a run.

-- What each conversation looked like when its analytics were last computed: a conversation whose
-- counts or times differ from these has changed.
CREATE TABLE analytics_state (
    conversation_id  UUID        PRIMARY KEY REFERENCES conversation (id) ON DELETE CASCADE,
    message_count    INTEGER     NOT NULL,
    last_message_at  TIMESTAMPTZ,
    source_updated   TIMESTAMPTZ NOT NULL,     -- conversation.updated_at seen by the run
    computed_at      TIMESTAMPTZ NOT NULL DEFAULT now()
);

-- Activity per participant and local hour (the wall time of the chat): the source of the series per
-- hour, day, week and month, of the hour x weekday heatmap, of peak times and of the sentiment trend.
CREATE TABLE analytics_activity (
    conversation_id  UUID        NOT NULL REFERENCES conversation (id) ON DELETE CASCADE,
    participant_id   BIGINT      NOT NULL,     -- 0 for system messages
    hour             TIMESTAMP   NOT NULL,     -- local time truncated to the hour
    messages         INTEGER     NOT NULL,
    words            INTEGER     NOT NULL,
    characters       INTEGER     NOT NULL,
    emoji            INTEGER     NOT NULL,
    media            INTEGER     NOT NULL,
    sentiment_sum    REAL        NOT NULL DEFAULT 0,   -- over messages NLP has scored
    sentiment_count  INTEGER     NOT NULL DEFAULT 0,
    PRIMARY KEY (conversation_id, hour, participant_id)
);

-- Media shared, by message kind and attachment type (file extension), per participant.
CREATE TABLE analytics_media (
    conversation_id  UUID         NOT NULL REFERENCES conversation (id) ON DELETE CASCADE,
    participant_id   BIGINT       NOT NULL,
    media_type       VARCHAR(40)  NOT NULL,
    count            INTEGER      NOT NULL,
    PRIMARY KEY (conversation_id, participant_id, media_type)
);

-- Conversation sessions: runs of messages with no silence longer than the session gap between them.
CREATE TABLE analytics_session (
    conversation_id  UUID         NOT NULL REFERENCES conversation (id) ON DELETE CASCADE,
    session_no       INTEGER      NOT NULL,
    started_at       TIMESTAMPTZ  NOT NULL,
    ended_at         TIMESTAMPTZ  NOT NULL,
    messages         INTEGER      NOT NULL,
    initiator_id     BIGINT,                   -- who wrote the session's first message
    PRIMARY KEY (conversation_id, session_no)
);

-- Replies: a message by someone else than the previous one, in the same session, answers the
-- previous author. The response-time matrix, the reply flow and the question-answer pairs.
CREATE TABLE analytics_reply (
    conversation_id     UUID     NOT NULL REFERENCES conversation (id) ON DELETE CASCADE,
    responder_id        BIGINT   NOT NULL,
    to_participant_id   BIGINT   NOT NULL,
    replies             INTEGER  NOT NULL,
    avg_seconds         DOUBLE PRECISION NOT NULL,
    median_seconds      DOUBLE PRECISION NOT NULL,
    answered_questions  INTEGER  NOT NULL,     -- replies to a message ending with a question mark
    PRIMARY KEY (conversation_id, responder_id, to_participant_id)
);

-- Top words and two-word phrases per conversation (stop words and short words left out).
CREATE TABLE analytics_term (
    conversation_id  UUID          NOT NULL REFERENCES conversation (id) ON DELETE CASCADE,
    kind             VARCHAR(10)   NOT NULL CHECK (kind IN ('word', 'phrase')),
    term             VARCHAR(200)  NOT NULL,
    count            INTEGER       NOT NULL,
    PRIMARY KEY (conversation_id, kind, term)
);

-- Distribution of what NLP decided (emotion and language), once it has run.
CREATE TABLE analytics_label (
    conversation_id  UUID          NOT NULL REFERENCES conversation (id) ON DELETE CASCADE,
    kind             VARCHAR(10)   NOT NULL CHECK (kind IN ('emotion', 'language')),
    label            VARCHAR(40)   NOT NULL,
    count            INTEGER       NOT NULL,
    PRIMARY KEY (conversation_id, kind, label)
);

-- The job also recomputes a conversation whose messages NLP enriched since its last run.
CREATE INDEX message_enriched_at ON message (conversation_id, enriched_at) WHERE enriched_at IS NOT NULL;
