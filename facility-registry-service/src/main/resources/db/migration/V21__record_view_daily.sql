-- Medication and checkup views per facility, day (Japan's calendar) and kind (DOMAIN.md §10's view counts), counted
-- from the record-views events in the inbox's transaction, so that a redelivered event counts once. Only counts: no
-- person, viewer or basis is kept here.
CREATE TABLE record_view_daily (
    facility_code  char(10) NOT NULL,
    day            date NOT NULL,
    kind           varchar(10) NOT NULL CHECK (kind IN ('MEDICATION', 'CHECKUP')),
    views          bigint NOT NULL CHECK (views >= 0),
    PRIMARY KEY (facility_code, day, kind)
);

CREATE INDEX record_view_daily_day ON record_view_daily (day);
