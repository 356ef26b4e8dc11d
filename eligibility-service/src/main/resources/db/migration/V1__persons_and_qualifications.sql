-- Insurers, persons and their qualification history (DOMAIN.md §3–§5).
CREATE TABLE insurer (
    insurer_number varchar(8) PRIMARY KEY,
    name           text NOT NULL
);

CREATE TABLE person (
    id             uuid PRIMARY KEY,
    name           text NOT NULL,
    name_kana      text NOT NULL,
    sex            varchar(6) NOT NULL CHECK (sex IN ('MALE', 'FEMALE')),
    birth_date     date NOT NULL,
    address        text,
    created_at     timestamptz NOT NULL DEFAULT now()
);

-- symbol_key and number_key hold the NFKC-normalised, space-free forms that checks compare.
CREATE TABLE qualification (
    id              uuid PRIMARY KEY,
    person_id       uuid NOT NULL REFERENCES person (id),
    insurer_number  varchar(8) NOT NULL REFERENCES insurer (insurer_number),
    symbol          text NOT NULL DEFAULT '',
    number          text NOT NULL,
    symbol_key      text NOT NULL DEFAULT '',
    number_key      text NOT NULL,
    branch          char(2) NOT NULL,
    relationship    varchar(9) NOT NULL CHECK (relationship IN ('INSURED', 'DEPENDANT')),
    valid_from      date NOT NULL,
    valid_until     date,
    copayment_rate  smallint NOT NULL CHECK (copayment_rate IN (10, 20, 30)),
    limit_category  varchar(3),
    created_at      timestamptz NOT NULL DEFAULT now(),
    CHECK (valid_until IS NULL OR valid_until >= valid_from)
);

CREATE INDEX qualification_card_numbers ON qualification (insurer_number, number_key, symbol_key, branch);
CREATE INDEX qualification_person ON qualification (person_id);
