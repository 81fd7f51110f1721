-- An import marks the days it touched itself, one statement per batch (MessageWriter), instead of
-- through the statement trigger of V12: collecting the transition table of every batch cost about a
-- quarter of PostgreSQL's time per imported row, whether or not the trigger function did anything.
-- Other inserts (Cloud API messages, one row per statement) keep a trigger, now a row trigger that
-- skips imported rows by its WHEN clause, which PostgreSQL evaluates before queueing anything.
DROP TRIGGER message_added_for_analytics ON message;
DROP FUNCTION analytics_mark_added();

CREATE FUNCTION analytics_mark_added_row() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO analytics_touched_day (conversation_id, day)
    SELECT NEW.conversation_id, (COALESCE(NEW.local_time, NEW.sent_at AT TIME ZONE c.time_zone))::date
    FROM conversation c WHERE c.id = NEW.conversation_id;
    RETURN NULL;
END $$;

CREATE TRIGGER message_added_for_analytics AFTER INSERT ON message
    FOR EACH ROW WHEN (NEW.import_job_id IS NULL) EXECUTE FUNCTION analytics_mark_added_row();
