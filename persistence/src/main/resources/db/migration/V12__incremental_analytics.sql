-- Incremental analytics: the job keeps partial aggregates per local day (activity per hour, session
-- segments) and per local month (media, reply gaps, words and pairs, NLP labels), recomputes only the
-- days and months whose messages changed since its last run, and derives the conversation's totals
-- (sessions, reply times, top keywords) from the stored partials. Everything here is derived data:
-- it is dropped below, and the next run computes every conversation in full once.

DELETE FROM analytics_activity;
DELETE FROM analytics_media;
DELETE FROM analytics_session;
DELETE FROM analytics_reply;
DELETE FROM analytics_term;
DELETE FROM analytics_label;
DELETE FROM analytics_state;

-- The time zone the local days were computed in: another one makes every day different (full run).
ALTER TABLE analytics_state ADD COLUMN time_zone VARCHAR(64);

-- Days (the chat's wall time) whose messages were added, removed or edited since the job last looked,
-- written by the triggers below in the transaction that changed the messages, so a change is never
-- missed however its commit interleaves with a run. Append-only: the job deletes exactly the rows it
-- read, and a mark committed meanwhile stays for the next run. No foreign key: a conversation's
-- deletion cascades to its messages, whose trigger then finds no conversation and writes nothing.
CREATE TABLE analytics_touched_day (
    id               BIGSERIAL  PRIMARY KEY,
    conversation_id  UUID       NOT NULL,
    day              DATE       NOT NULL
);
CREATE INDEX analytics_touched_day_by_conversation ON analytics_touched_day (conversation_id);

-- One statement-level trigger per event (a trigger with transition tables has one event): an import
-- writing 5,000 messages per batch adds a row per day it touched, not one per message.
CREATE FUNCTION analytics_mark_added() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO analytics_touched_day (conversation_id, day)
    SELECT DISTINCT n.conversation_id, (COALESCE(n.local_time, n.sent_at AT TIME ZONE c.time_zone))::date
    FROM added n JOIN conversation c ON c.id = n.conversation_id;
    RETURN NULL;
END $$;

CREATE FUNCTION analytics_mark_removed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO analytics_touched_day (conversation_id, day)
    SELECT DISTINCT o.conversation_id, (COALESCE(o.local_time, o.sent_at AT TIME ZONE c.time_zone))::date
    FROM removed o JOIN conversation c ON c.id = o.conversation_id;
    RETURN NULL;
END $$;

-- Edits are rare (one webhook at a time): a row trigger, on the columns analytics read, so that NLP's
-- updates of its own columns (millions in a big import) do not fire it. The job sees enrichment
-- through message.enriched_at instead.
CREATE FUNCTION analytics_mark_edited() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO analytics_touched_day (conversation_id, day)
    SELECT DISTINCT x.conversation_id, (COALESCE(x.local_time, x.sent_at AT TIME ZONE c.time_zone))::date
    FROM (SELECT OLD.conversation_id, OLD.local_time, OLD.sent_at
          UNION ALL SELECT NEW.conversation_id, NEW.local_time, NEW.sent_at) AS x (conversation_id, local_time, sent_at)
    JOIN conversation c ON c.id = x.conversation_id;
    RETURN NULL;
END $$;

CREATE TRIGGER message_added_for_analytics AFTER INSERT ON message
    REFERENCING NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION analytics_mark_added();
CREATE TRIGGER message_removed_for_analytics AFTER DELETE ON message
    REFERENCING OLD TABLE AS removed FOR EACH STATEMENT EXECUTE FUNCTION analytics_mark_removed();
CREATE TRIGGER message_edited_for_analytics
    AFTER UPDATE OF body, kind, participant_id, sent_at, local_time, attachment_name ON message
    FOR EACH ROW WHEN (OLD.body IS DISTINCT FROM NEW.body OR OLD.kind IS DISTINCT FROM NEW.kind
        OR OLD.participant_id IS DISTINCT FROM NEW.participant_id OR OLD.sent_at IS DISTINCT FROM NEW.sent_at
        OR OLD.local_time IS DISTINCT FROM NEW.local_time OR OLD.attachment_name IS DISTINCT FROM NEW.attachment_name)
    EXECUTE FUNCTION analytics_mark_edited();

-- Media and NLP labels per local month (the first day of it): the answers sum the months.
ALTER TABLE analytics_media ADD COLUMN month DATE NOT NULL;
ALTER TABLE analytics_media DROP CONSTRAINT analytics_media_pkey;
ALTER TABLE analytics_media ADD PRIMARY KEY (conversation_id, month, participant_id, media_type);
ALTER TABLE analytics_label ADD COLUMN month DATE NOT NULL;
ALTER TABLE analytics_label DROP CONSTRAINT analytics_label_pkey;
ALTER TABLE analytics_label ADD PRIMARY KEY (conversation_id, month, kind, label);

-- Session segments: the runs of one local day's messages with no silence longer than the session gap
-- inside. A session is a chain of segments, each starting within the gap of the previous one's end
-- (the carry-over at day edges); analytics_session is derived from these after every run, so a
-- session spanning years costs one row per day, and a new day recomputes only that day's segments.
CREATE TABLE analytics_session_segment (
    conversation_id  UUID         NOT NULL REFERENCES conversation (id) ON DELETE CASCADE,
    day              DATE         NOT NULL,
    started_at       TIMESTAMPTZ  NOT NULL,
    ended_at         TIMESTAMPTZ  NOT NULL,
    messages         INTEGER      NOT NULL,
    initiator_id     BIGINT       NOT NULL,     -- who wrote the segment's first message
    PRIMARY KEY (conversation_id, day, started_at)
);

-- Reply gaps per local month of the reply, pair of participants and gap in seconds (a gap is at most
-- the session gap, and chat times have whole seconds or minutes, so few distinct values): an exact
-- histogram, from which analytics_reply's counts, averages and exact medians are derived.
CREATE TABLE analytics_reply_gap (
    conversation_id     UUID              NOT NULL REFERENCES conversation (id) ON DELETE CASCADE,
    month               DATE              NOT NULL,
    responder_id        BIGINT            NOT NULL,
    to_participant_id   BIGINT            NOT NULL,
    seconds             DOUBLE PRECISION  NOT NULL,
    replies             INTEGER           NOT NULL,
    answered_questions  INTEGER           NOT NULL,
    PRIMARY KEY (conversation_id, month, responder_id, to_participant_id, seconds)
);

-- Words and two-word pairs counted per local month (only those the top lists may show: the stop list
-- and length rules do not depend on counts); analytics_term's top lists are derived from their sums.
CREATE TABLE analytics_term_month (
    conversation_id  UUID          NOT NULL REFERENCES conversation (id) ON DELETE CASCADE,
    month            DATE          NOT NULL,
    kind             VARCHAR(10)   NOT NULL CHECK (kind IN ('word', 'phrase')),
    term             VARCHAR(200)  NOT NULL,
    count            INTEGER       NOT NULL,
    PRIMARY KEY (conversation_id, month, kind, term)
);
