-- Events leave in the same transaction as the change that caused them; a relay publishes them to Kafka
-- (at least once, in order per record key), as DESIGN.md requires.
CREATE TABLE outbox (
    id           uuid PRIMARY KEY,
    topic        varchar(64) NOT NULL,
    record_key   varchar(64) NOT NULL,
    envelope     text NOT NULL,
    created_at   timestamptz NOT NULL DEFAULT now(),
    published_at timestamptz
);
CREATE INDEX outbox_unpublished ON outbox (created_at) WHERE published_at IS NULL;
