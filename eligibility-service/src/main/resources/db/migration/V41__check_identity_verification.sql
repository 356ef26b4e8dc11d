-- How the reader verified the card holder at a My Number card check (DOMAIN.md §4: face match, PIN, or staff by
-- sight), kept with the check as evidence; null for checks by card numbers.
ALTER TABLE eligibility_check ADD COLUMN identity_verification varchar(6)
    CHECK (identity_verification IN ('FACE', 'PIN', 'VISUAL'));
