-- Which insurer covers which person, projected from eligibility's person-qualifications events (DESIGN.md, Events):
-- a checkup line is attached to a person only through an individual insured number in force on the examination date.
-- The whole list of a person's numbers comes with every event and replaces the kept one; state_time is the event's
-- time, so an older state read late never overwrites a newer one.
CREATE TABLE person (
    id                uuid PRIMARY KEY,
    viewing_suspended boolean NOT NULL,
    state_time        timestamptz NOT NULL,
    event_id          uuid NOT NULL,
    updated_at        timestamptz NOT NULL DEFAULT now()
);

-- symbol_key and number_key are the card symbol and number as compared (NFKC, spaces removed), as in eligibility.
CREATE TABLE insured_number (
    person_id      uuid NOT NULL REFERENCES person (id) ON DELETE CASCADE,
    insurer_number varchar(8) NOT NULL,
    symbol         text NOT NULL,
    number         text NOT NULL,
    symbol_key     text NOT NULL,
    number_key     text NOT NULL,
    branch         char(2) NOT NULL,
    valid_from     date NOT NULL,
    valid_until    date
);
CREATE INDEX insured_number_by_number ON insured_number (insurer_number, number_key, symbol_key, branch);
CREATE INDEX insured_number_by_person ON insured_number (person_id);
