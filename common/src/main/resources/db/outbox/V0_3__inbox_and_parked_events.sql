-- Consumers de-duplicate by event id in their own transaction (DESIGN.md, Events): one row per consumer and event
-- it has handled. An event a consumer cannot parse or handle is parked here with its error and skipped, so that it
-- never blocks its partition; the payload stays in the database (never in a log) for a later replay.
CREATE TABLE inbox (
    consumer     varchar(64) NOT NULL,
    event_id     uuid NOT NULL,
    processed_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (consumer, event_id)
);

CREATE TABLE parked_event (
    id               uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    consumer         varchar(64) NOT NULL,
    topic            varchar(128) NOT NULL,
    record_partition integer NOT NULL,
    record_offset    bigint NOT NULL,
    record_key       varchar(128),
    event_id         uuid,
    error            text NOT NULL,
    payload          text,
    parked_at        timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX parked_event_by_consumer ON parked_event (consumer, parked_at);
