-- Disasters the ministry declares (DOMAIN.md §8): a region (prefectures, JIS X 0401 codes) and a period of Japan's
-- calendar days, from_on to until_on inclusive. starts_at and ends_at are that period as instants (00:00 Asia/Tokyo on
-- from_on, 00:00 on the day after until_on); ending a disaster early sets ended_at and moves ends_at back to it, so
-- "does a disaster cover this prefecture now" is one comparison. Few rows: no index beyond the key.
CREATE TABLE disaster (
    id           uuid PRIMARY KEY,
    name         text NOT NULL,
    prefectures  char(2)[] NOT NULL CHECK (cardinality(prefectures) BETWEEN 1 AND 47),
    from_on      date NOT NULL,
    until_on     date NOT NULL,
    starts_at    timestamptz NOT NULL,
    ends_at      timestamptz NOT NULL,
    ended_at     timestamptz,
    declared_at  timestamptz NOT NULL,
    declared_by  text NOT NULL,
    CHECK (from_on <= until_on)
);

CREATE INDEX disaster_declared ON disaster (declared_at DESC);
