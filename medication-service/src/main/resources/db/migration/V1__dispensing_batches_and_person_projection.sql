-- Dispensing records from the claims feed (DOMAIN.md §6, API.md "Medication and checkups"). A batch is stored at once;
-- its valid lines become dispensing rows, its invalid ones rejections; the worker then attaches the rows to persons
-- (attached_through: the last line it has looked at), so a restart neither loses nor repeats a line.
CREATE TABLE dispensing_batch (
    id               uuid PRIMARY KEY,
    status           varchar(12) NOT NULL,
    records          integer NOT NULL,
    attached_through integer NOT NULL DEFAULT 0,
    accepted_at      timestamptz NOT NULL,
    completed_at     timestamptz
);
CREATE INDEX dispensing_batch_open ON dispensing_batch (accepted_at) WHERE status <> 'COMPLETED';

CREATE TABLE dispensing_rejection (
    batch_id uuid NOT NULL REFERENCES dispensing_batch (id) ON DELETE CASCADE,
    line     integer NOT NULL,
    code     varchar(40) NOT NULL,
    message  varchar(300) NOT NULL,
    PRIMARY KEY (batch_id, line)
);

-- One dispensing. The individual insured number is kept as sent (symbol, number) and as compared (NFKC, no spaces:
-- symbol_key, number_key); person_id is null until a person's qualification in force on dispensed_on is known. The
-- facility codes are kept for the patient's own view; a facility's view never shows them.
CREATE TABLE dispensing (
    id                        bigserial PRIMARY KEY,
    batch_id                  uuid NOT NULL,
    line                      integer NOT NULL,
    insurer_number            varchar(8) NOT NULL,
    symbol                    text NOT NULL,
    number                    text NOT NULL,
    symbol_key                text NOT NULL,
    number_key                text NOT NULL,
    branch                    char(2) NOT NULL,
    dispensed_on              date NOT NULL,
    prescribed_on             date NOT NULL,
    drug_code                 varchar(12) NOT NULL,
    drug_name                 text NOT NULL,
    ingredient                text NOT NULL,
    quantity                  numeric(10, 3) NOT NULL,
    unit                      text NOT NULL,
    usage                     text,
    days                      smallint NOT NULL CHECK (days BETWEEN 1 AND 365),
    setting                   varchar(10) NOT NULL,
    dispensing_facility_code  char(10) NOT NULL,
    prescribing_facility_code char(10) NOT NULL,
    person_id                 uuid,
    UNIQUE (batch_id, line)
);
CREATE INDEX dispensing_by_person ON dispensing (person_id, dispensed_on) WHERE person_id IS NOT NULL;
CREATE INDEX dispensing_by_insured_number ON dispensing (insurer_number, number_key, symbol_key, branch, dispensed_on);
CREATE INDEX dispensing_by_day ON dispensing (dispensed_on);

-- The projection of eligibility's person-qualifications events: who holds which individual insured number, when,
-- and whether viewing is suspended (a linkage in doubt, DOMAIN.md §5). state_time: the event time of the state kept,
-- so that an older state read late never overwrites a newer one.
CREATE TABLE person (
    id                uuid PRIMARY KEY,
    viewing_suspended boolean NOT NULL,
    state_time        timestamptz NOT NULL
);

CREATE TABLE insured_number (
    person_id      uuid NOT NULL REFERENCES person (id) ON DELETE CASCADE,
    insurer_number varchar(8) NOT NULL,
    symbol_key     text NOT NULL,
    number_key     text NOT NULL,
    branch         char(2) NOT NULL,
    valid_from     date NOT NULL,
    valid_until    date
);
CREATE INDEX insured_number_key ON insured_number (insurer_number, number_key, symbol_key, branch);
CREATE INDEX insured_number_person ON insured_number (person_id);
