-- The purges (OutboxPurge, InboxPurge) delete by time a chunk at a time. Rows arrive in time order, so a BRIN index
-- (a few pages for millions of rows, next to nothing per insert) finds a chunk without reading the table, where a
-- plain DELETE ... WHERE published_at < x read the whole outbox every hour.
CREATE INDEX inbox_by_time ON inbox USING brin (processed_at);
CREATE INDEX outbox_by_publication ON outbox USING brin (published_at);
