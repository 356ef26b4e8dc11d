-- Every change of a facility (DOMAIN.md §9): one row per change with the facility's state after it, written in the
-- transaction of the change (an import's changed rows set-wise in its upsert statement; a lifecycle step or the
-- emergency terminal with the entity). change says what happened, changed_by who did it (the token's subject) and
-- changed_by_name the name they signed in with (the token's preferred_username, if any), for people to read.
-- Append-only; no foreign key, so that the national import's 229,202 history rows cost no per-row check.
CREATE TABLE facility_history (
    id                     bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    facility_code          char(10) NOT NULL,
    changed_at             timestamptz NOT NULL,
    change                 varchar(24) NOT NULL CHECK (change IN ('RECORDED', 'IMPORT', 'ACCOUNT_REGISTERED',
                           'READERS_APPLIED', 'READY', 'GO_LIVE', 'EMERGENCY_TERMINAL')),
    changed_by             text,
    changed_by_name        text,
    type                   varchar(16) NOT NULL,
    prefecture             char(2) NOT NULL,
    name                   text NOT NULL,
    account_registered_on  date,
    reader_applied_on      date,
    readers_applied        smallint,
    ready_on               date,
    go_live_on             date,
    emergency_terminal     boolean NOT NULL
);
CREATE INDEX facility_history_by_facility ON facility_history (facility_code, id);

-- Facilities already in the master start their history with their state of today (RECORDED, by nobody known).
INSERT INTO facility_history (facility_code, changed_at, change, changed_by, type, prefecture, name,
    account_registered_on, reader_applied_on, readers_applied, ready_on, go_live_on, emergency_terminal)
SELECT facility_code, updated_at, 'RECORDED', NULL, type, prefecture, name, account_registered_on, reader_applied_on,
    readers_applied, ready_on, go_live_on, emergency_terminal
FROM facility ORDER BY facility_code;
