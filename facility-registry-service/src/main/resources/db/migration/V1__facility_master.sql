-- The facility master (DOMAIN.md §9): one row per medical facility, with the date of every onboarding step, so that
-- every statistic can be computed "as of" any date. Written in sets (COPY or batched statements), never row by row.
CREATE TABLE facility (
    facility_code          char(10) PRIMARY KEY,
    type                   varchar(16) NOT NULL
                           CHECK (type IN ('HOSPITAL', 'MEDICAL_CLINIC', 'DENTAL_CLINIC', 'PHARMACY')),
    prefecture             char(2) NOT NULL CHECK (prefecture BETWEEN '01' AND '47'),
    name                   text NOT NULL,
    account_registered_on  date,
    reader_applied_on      date,
    readers_applied        smallint CHECK (readers_applied BETWEEN 1 AND 3),
    ready_on               date,
    go_live_on             date,
    emergency_terminal     boolean NOT NULL DEFAULT false,
    updated_at             timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX facility_type_prefecture ON facility (type, prefecture);
