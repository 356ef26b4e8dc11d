-- My Number cards registered for use as an insurance card (DOMAIN.md §3, 健康保険証の利用登録). A card is known by its
-- certificate serial; it belongs to the person whose insurer linked its My Number (person.my_number_hash, of which the
-- card keeps the keyed hash it was registered with: never the number). Registered at a facility's reader
-- (registered_by_facility) or by the patient (registered_by_person). A revoked card (lost) stays refused and its serial
-- is never registered again; a withdrawn registration (利用登録の解除) is refused as not registered until the holder
-- registers the card again.
CREATE TABLE my_number_card (
    card_serial            varchar(40) PRIMARY KEY,
    person_id              uuid NOT NULL REFERENCES person (id),
    my_number_hash         char(64) NOT NULL,
    valid_until            date NOT NULL,
    registered_at          timestamptz NOT NULL,
    registered_by_facility char(10),
    registered_by_person   uuid,
    revoked_at             timestamptz,
    withdrawn_at           timestamptz,
    CHECK ((registered_by_facility IS NULL) <> (registered_by_person IS NULL))
);

CREATE INDEX my_number_card_person ON my_number_card (person_id);

-- Consent given at a card check (DOMAIN.md §4): that facility may view that person's medication and/or checkups until
-- expires_at (24 hours after the check). The newest live consent of a facility for a person is the one in force.
CREATE TABLE consent (
    id            uuid PRIMARY KEY,
    person_id     uuid NOT NULL REFERENCES person (id),
    facility_code char(10) NOT NULL,
    medication    boolean NOT NULL,
    checkup       boolean NOT NULL,
    granted_at    timestamptz NOT NULL,
    expires_at    timestamptz NOT NULL,
    check_id      uuid NOT NULL REFERENCES eligibility_check (id),
    CHECK (expires_at > granted_at),
    CHECK (medication OR checkup)
);

CREATE INDEX consent_facility_person ON consent (facility_code, person_id, granted_at DESC);
