-- Insurers' checkup batches (DOMAIN.md §7): the batch and its lines are stored at once, each line judged on its own;
-- a worker attaches the well-formed lines to the persons the insurer covers on the examination date (the coverage
-- projection, V1), in chunks. A decided line keeps only its outcome: its items are cleared, the checkup holds them.
CREATE TABLE checkup_batch (
    id             uuid PRIMARY KEY,
    insurer_number varchar(8) NOT NULL,
    status         varchar(16) NOT NULL,
    records        integer NOT NULL,
    accepted_at    timestamptz NOT NULL,
    completed_at   timestamptz
);
CREATE INDEX checkup_batch_open ON checkup_batch (accepted_at, id) WHERE status <> 'COMPLETED';

CREATE TABLE checkup_line (
    batch_id           uuid NOT NULL REFERENCES checkup_batch (id) ON DELETE CASCADE,
    line               integer NOT NULL,
    pending            boolean NOT NULL,
    symbol_key         text,
    number_key         text,
    branch             char(2),
    sex                varchar(6),
    examined_on        date,
    items              jsonb,
    metabolic_syndrome varchar(16),
    outcome            varchar(16),
    code               varchar(32),
    message            text,
    PRIMARY KEY (batch_id, line)
);
CREATE INDEX checkup_line_pending ON checkup_line (batch_id, line) WHERE pending;

-- One checkup per person, examination date and insurer: a later line for the same replaces it (a correction).
-- items: by item name, { value | grade, unit, code (JLAC10), computed }.
CREATE TABLE checkup (
    id                 uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    person_id          uuid NOT NULL,
    examined_on        date NOT NULL,
    insurer_number     varchar(8) NOT NULL,
    sex                varchar(6) NOT NULL,
    items              jsonb NOT NULL,
    metabolic_syndrome varchar(16) NOT NULL,
    batch_id           uuid NOT NULL,
    line               integer NOT NULL,
    received_at        timestamptz NOT NULL DEFAULT now(),
    UNIQUE (person_id, examined_on, insurer_number)
);
CREATE INDEX checkup_by_examination_date ON checkup (examined_on);
