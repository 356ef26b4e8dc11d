-- The relay sends the event type as a Kafka header without parsing the envelope, and is woken by a notification
-- when a transaction that wrote events commits (every replica listens), not only by its timer.
ALTER TABLE outbox ADD COLUMN event_type varchar(128);

CREATE FUNCTION outbox_notify() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('outbox', '');
    RETURN NULL;
END
$$;

CREATE TRIGGER outbox_inserted AFTER INSERT ON outbox FOR EACH STATEMENT EXECUTE FUNCTION outbox_notify();
