-- The access log (issue 10, item 3; README "Access log"): every view of medication or checkups and every emergency or
-- disaster lookup, from the record-views topic, appended once per event and chained by hash. sequence is assigned by
-- the service (1, 2, 3, … without gaps, under an advisory lock); hash = HMAC-SHA256 of the entry's canonical encoding
-- (AccessChain) including previous_hash, the hash of the entry before (32 zero bytes for entry 1).
CREATE TABLE access_log (
    sequence       bigint PRIMARY KEY,
    event_id       uuid NOT NULL UNIQUE,
    accessed_at    timestamptz NOT NULL,
    recorded_at    timestamptz NOT NULL,
    person_id      uuid NOT NULL,
    facility_code  char(10) NOT NULL,
    viewer_subject text NOT NULL,
    profession     text,
    kind           varchar(16) NOT NULL,
    basis          varchar(16) NOT NULL,
    previous_hash  bytea NOT NULL,
    hash           bytea NOT NULL
);

-- Newest first, by each filter (person, facility, basis, period alone).
CREATE INDEX access_log_by_person ON access_log (person_id, accessed_at, sequence);
CREATE INDEX access_log_by_facility ON access_log (facility_code, accessed_at, sequence);
CREATE INDEX access_log_by_basis ON access_log (basis, accessed_at, sequence);
CREATE INDEX access_log_by_time ON access_log (accessed_at, sequence);

-- Append-only: no UPDATE, DELETE or TRUNCATE for the service's role (the migrating role: CURRENT_USER) or anyone
-- (PUBLIC), and a trigger that refuses them whatever the grants. The table's owner can still re-grant or disable the
-- trigger, and a superuser bypasses both: the hash chain's verification is what detects such changes.
REVOKE UPDATE, DELETE, TRUNCATE ON access_log FROM PUBLIC, CURRENT_USER;

CREATE FUNCTION access_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'access_log is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$;

CREATE TRIGGER access_log_append_only BEFORE UPDATE OR DELETE OR TRUNCATE ON access_log
    FOR EACH STATEMENT EXECUTE FUNCTION access_log_append_only();
