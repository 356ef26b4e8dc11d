-- The projection of eligibility's consents events that common's access rule reads (io.shikaku.common.access,
-- ConsentGrants): a facility may view a person's medication and/or checkups until expires_at (DOMAIN.md §4). The
-- access rule's other table, person (viewing_suspended), is the coverage projection of V1.
CREATE TABLE consent_grant (
    consent_id    uuid PRIMARY KEY,
    person_id     uuid NOT NULL,
    facility_code char(10) NOT NULL,
    medication    boolean NOT NULL,
    checkup       boolean NOT NULL,
    granted_at    timestamptz NOT NULL,
    expires_at    timestamptz NOT NULL
);
CREATE INDEX consent_grant_lookup ON consent_grant (person_id, facility_code, expires_at);
