-- Bulk checks (一括照会, DOMAIN.md §4): an inquiry and its entries; the worker's state lives here, so it survives
-- restarts. An entry is pending until it has either a recorded check (check_id) or an error found at submission.
CREATE TABLE bulk_inquiry (
    id            uuid PRIMARY KEY,
    facility_code char(10) NOT NULL,
    visit_date    date NOT NULL,
    status        varchar(12) NOT NULL,
    entries       integer NOT NULL,
    accepted_at   timestamptz NOT NULL,
    completed_at  timestamptz
);

CREATE TABLE bulk_entry (
    inquiry_id     uuid NOT NULL REFERENCES bulk_inquiry (id),
    position       integer NOT NULL,
    reference      varchar(64),
    insurer_number varchar(8),
    symbol         varchar(40),
    number         varchar(40),
    branch         varchar(2),
    birth_date     date,
    pending        boolean NOT NULL,
    error_code     varchar(32),
    error_message  varchar(200),
    validity       varchar(24),
    check_id       uuid UNIQUE,
    qualification  text,  -- the qualification as shown in the recorded check's answer, in JSON
    PRIMARY KEY (inquiry_id, position)
);

CREATE INDEX bulk_entry_pending ON bulk_entry (inquiry_id, position) WHERE pending;
CREATE INDEX bulk_inquiry_open ON bulk_inquiry (accepted_at) WHERE status <> 'COMPLETED';
