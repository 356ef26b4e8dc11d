-- Every check, kept as evidence for claims and as the source of usage statistics (DOMAIN.md §4).
CREATE TABLE eligibility_check (
    id               uuid PRIMARY KEY,
    facility_code    char(10) NOT NULL,
    method           varchar(16) NOT NULL,
    visit_date       date NOT NULL,
    checked_at       timestamptz NOT NULL,
    validity         varchar(24) NOT NULL,
    person_id        uuid,
    qualification_id uuid,
    reference        varchar(64),
    answer           text NOT NULL  -- the answer as given, kept as evidence
);

CREATE INDEX eligibility_check_facility_day ON eligibility_check (facility_code, checked_at);
