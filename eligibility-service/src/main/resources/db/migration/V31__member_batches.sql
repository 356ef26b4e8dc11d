-- Insurer member batches (DOMAIN.md §5): a batch and its lines; the worker's state lives here, so it survives restarts.
-- A line is pending until the worker has decided it (ACCEPTED, HELD) or it was REJECTED at submission. The My Number
-- is kept only as its keyed hash (HMAC-SHA256, hex), never in plain text.
CREATE TABLE member_batch (
    id             uuid PRIMARY KEY,
    insurer_number varchar(8) NOT NULL REFERENCES insurer (insurer_number),
    status         varchar(12) NOT NULL,
    records        integer NOT NULL,
    accepted_at    timestamptz NOT NULL,
    completed_at   timestamptz
);

CREATE TABLE member_line (
    batch_id       uuid NOT NULL REFERENCES member_batch (id),
    line           integer NOT NULL,
    pending        boolean NOT NULL,
    op             varchar(6),
    my_number_hash char(64),
    name           text,
    name_kana      text,
    sex            varchar(6),
    birth_date     date,
    address        text,
    symbol         text,
    number         text,
    symbol_key     text,
    number_key     text,
    branch         char(2),
    relationship   varchar(9),
    valid_from     date,
    valid_until    date,
    copayment_rate smallint,
    limit_category varchar(3),
    outcome        varchar(8),
    code           varchar(40),
    message        varchar(300),
    PRIMARY KEY (batch_id, line)
);

CREATE INDEX member_line_pending ON member_line (batch_id, line) WHERE pending;
CREATE INDEX member_batch_open ON member_batch (accepted_at) WHERE status <> 'COMPLETED';

-- A line that failed the My Number checks: never applied, kept for the insurer's review until it is discarded or a
-- later line for the same My Number (hash) or individual insured number supersedes it. suspended_person_id is the
-- person whose viewing this record suspends (person.viewing_suspended is true while any open record names them).
CREATE TABLE held_record (
    id                  uuid PRIMARY KEY,
    insurer_number      varchar(8) NOT NULL,
    batch_id            uuid NOT NULL REFERENCES member_batch (id),
    line                integer NOT NULL,
    code                varchar(40) NOT NULL,
    message             varchar(300) NOT NULL,
    held_at             timestamptz NOT NULL,
    my_number_hash      char(64),
    name                text,
    name_kana           text,
    sex                 varchar(6),
    birth_date          date,
    address             text,
    symbol              text,
    number              text,
    symbol_key          text,
    number_key          text,
    branch              char(2),
    relationship        varchar(9),
    valid_from          date,
    valid_until         date,
    copayment_rate      smallint,
    limit_category      varchar(3),
    suspended_person_id uuid REFERENCES person (id),
    resolved_at         timestamptz,
    resolution          varchar(10) CHECK (resolution IN ('DISCARDED', 'SUPERSEDED'))
);

CREATE INDEX held_record_open ON held_record (insurer_number, held_at, id) WHERE resolved_at IS NULL;
CREATE INDEX held_record_open_hash ON held_record (my_number_hash) WHERE resolved_at IS NULL;
CREATE INDEX held_record_open_number ON held_record (insurer_number, number_key, symbol_key, branch)
    WHERE resolved_at IS NULL;
CREATE INDEX held_record_suspending ON held_record (suspended_person_id) WHERE resolved_at IS NULL;
