-- Eligibility checks per facility, day (Japan's calendar) and method (DOMAIN.md §10's usage table), counted from the
-- eligibility-checks events in the inbox's transaction, so that a redelivered event counts once.
CREATE TABLE usage_daily (
    facility_code  char(10) NOT NULL,
    day            date NOT NULL,
    method         varchar(16) NOT NULL CHECK (method IN ('MY_NUMBER_CARD', 'INSURANCE_CARD', 'BULK')),
    checks         bigint NOT NULL CHECK (checks >= 0),
    PRIMARY KEY (facility_code, day, method)
);

CREATE INDEX usage_daily_day ON usage_daily (day);
