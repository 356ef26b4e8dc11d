-- Emergency and disaster lookups (DOMAIN.md §8).
--
-- match_key is the comparison form of a name (FourAttributes.key in Java): Unicode NFKC, then every space removed (NFKC
-- turns the ideographic space U+3000 and the other spacing characters into U+0020; those it keeps are listed too), so
-- that "山田 太郎", "山田　太郎" and "山田太郎" are equal. person.name_key is generated from it, so every writer of person
-- (member batches, demo data, fixtures, the benchmark's data) fills it without knowing; adding the column back-fills
-- every existing row. A disaster lookup reads the few persons of one name key, birth date and sex through the index.
CREATE FUNCTION match_key(value text) RETURNS text LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
    RETURN regexp_replace(normalize(value, NFKC),
        '[\t\n\v\f\r \u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+', '', 'g');

ALTER TABLE person ADD COLUMN name_key text GENERATED ALWAYS AS (match_key(name)) STORED;
CREATE INDEX person_name_key_birth_date ON person (name_key, birth_date);

-- A grant issued by a successful lookup: that facility may view that person's medication and checkups until
-- expires_at, on the basis EMERGENCY or DISASTER (then under disaster_id), recorded with who looked the person up and
-- how the patient's consent stood. Published on consents in the same transaction.
CREATE TABLE emergency_grant (
    id              uuid PRIMARY KEY,
    person_id       uuid NOT NULL REFERENCES person (id),
    facility_code   char(10) NOT NULL,
    basis           varchar(9) NOT NULL CHECK (basis IN ('EMERGENCY', 'DISASTER')),
    viewer_subject  text NOT NULL,
    profession      varchar(10) NOT NULL,
    patient_consent varchar(19) NOT NULL CHECK (patient_consent IN ('OBTAINED', 'UNABLE_LIFE_AT_RISK')),
    disaster_id     uuid REFERENCES disaster (id),
    issued_at       timestamptz NOT NULL,
    expires_at      timestamptz NOT NULL,
    CHECK (expires_at > issued_at),
    CHECK ((basis = 'DISASTER') = (disaster_id IS NOT NULL))
);

CREATE INDEX emergency_grant_facility_person ON emergency_grant (facility_code, person_id, issued_at DESC);

-- Every lookup attempt, successful or not, for the rate limit per staff member (token subject), which must hold across
-- replicas: who, from which facility, when, on which basis, the outcome (IDENTIFIED or the error code) and, only when
-- identified, the person and the grant. Never the name, birth date, sex, address or insurer text that was given.
CREATE TABLE emergency_lookup (
    id             uuid PRIMARY KEY,
    viewer_subject text NOT NULL,
    facility_code  char(10) NOT NULL,
    basis          varchar(9),
    attempted_at   timestamptz NOT NULL,
    outcome        varchar(24) NOT NULL,
    person_id      uuid,
    grant_id       uuid
);

CREATE INDEX emergency_lookup_subject_time ON emergency_lookup (viewer_subject, attempted_at);
