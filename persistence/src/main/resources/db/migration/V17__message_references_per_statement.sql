-- A message's conversation and author are checked once per statement instead of once per row.
--
-- The two foreign keys of message ran a query and took a row lock per inserted row: in an import
-- (whole batches, V14) that was 40 % of PostgreSQL's time per row. The checks below hold the same
-- rules for every writer (imports, Cloud API messages, Hibernate), one query per statement over the
-- statement's new rows, and lock the referenced rows FOR KEY SHARE as the foreign keys did, so a
-- conversation or participant deleted meanwhile waits for the writer's commit or fails the writer.
-- They assume READ COMMITTED (PostgreSQL's default, and Conversa's): each query of a trigger then
-- sees what other transactions committed, as the foreign keys' checks do.
ALTER TABLE message DROP CONSTRAINT message_conversation_id_fkey;
ALTER TABLE message DROP CONSTRAINT message_participant_id_fkey;

-- A message's author is a participant of the message's own conversation (the foreign key only knew
-- that the participant existed), which lets a participant's removal look in one conversation only.
CREATE FUNCTION message_references_held() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    wanted integer;
    held integer;
BEGIN
    SELECT count(DISTINCT conversation_id) INTO wanted FROM added;
    SELECT count(*) INTO held FROM (SELECT 1 FROM conversation
        WHERE id IN (SELECT conversation_id FROM added) FOR KEY SHARE) locked;
    IF held < wanted THEN
        RAISE EXCEPTION 'a message refers to a conversation that does not exist'
            USING ERRCODE = 'foreign_key_violation';
    END IF;
    SELECT count(*) INTO wanted FROM (SELECT DISTINCT conversation_id, participant_id FROM added
        WHERE participant_id IS NOT NULL) authors;
    SELECT count(*) INTO held FROM (SELECT 1 FROM participant
        WHERE (conversation_id, id) IN (SELECT conversation_id, participant_id FROM added) FOR KEY SHARE) locked;
    IF held < wanted THEN
        RAISE EXCEPTION 'a message refers to a participant that its conversation does not have'
            USING ERRCODE = 'foreign_key_violation';
    END IF;
    RETURN NULL;
END $$;

CREATE TRIGGER message_references_held AFTER INSERT ON message
    REFERENCING NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION message_references_held();

-- Nothing moves a message to another conversation or author; an UPDATE trigger with a transition
-- table would cost every update of NLP results, so such a change is refused instead of checked.
-- Forgetting the author (NULL) stays allowed.
CREATE FUNCTION message_references_fixed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'a message''s conversation and author do not change (message %)', OLD.id
        USING ERRCODE = 'foreign_key_violation';
END $$;

CREATE TRIGGER message_references_fixed BEFORE UPDATE OF conversation_id, participant_id ON message
    FOR EACH ROW WHEN (OLD.conversation_id IS DISTINCT FROM NEW.conversation_id
        OR NEW.participant_id IS DISTINCT FROM OLD.participant_id AND NEW.participant_id IS NOT NULL)
    EXECUTE FUNCTION message_references_fixed();

-- ON DELETE CASCADE of the conversation's foreign key. After the row is gone: a writer that held the
-- conversation's key share has committed by then, and this statement sees its messages too.
CREATE FUNCTION conversation_messages_removed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    DELETE FROM message WHERE conversation_id = OLD.id;
    RETURN NULL;
END $$;

CREATE TRIGGER conversation_messages_removed AFTER DELETE ON conversation
    FOR EACH ROW EXECUTE FUNCTION conversation_messages_removed();

-- The participant foreign key's refusal to remove an author of messages. Messages of a conversation
-- that is itself being removed do not count: they go with it (the trigger above), which may run
-- after the conversation's foreign key has removed its participants.
CREATE FUNCTION participant_authors_nothing() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF EXISTS (SELECT 1 FROM removed r
               WHERE EXISTS (SELECT 1 FROM conversation c WHERE c.id = r.conversation_id)
                 AND EXISTS (SELECT 1 FROM message m WHERE m.conversation_id = r.conversation_id AND m.participant_id = r.id)) THEN
        RAISE EXCEPTION 'a participant that messages refer to cannot be removed'
            USING ERRCODE = 'foreign_key_violation';
    END IF;
    RETURN NULL;
END $$;

CREATE TRIGGER participant_authors_nothing AFTER DELETE ON participant
    REFERENCING OLD TABLE AS removed FOR EACH STATEMENT EXECUTE FUNCTION participant_authors_nothing();

-- Undoing a failed import looks in its conversation (message_by_conversation_time); the index of
-- every imported row by its job cost about a tenth of an import's inserts for that rare undo.
DROP INDEX message_by_import_job;
