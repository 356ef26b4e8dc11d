-- A person's My Number linkage (DOMAIN.md §5): the keyed hash (HMAC-SHA256, hex) of the My Number an insurer linked
-- once the four basic attributes agreed with the resident registry. One person per My Number, so that the same person
-- keeps one personId across insurers. The number itself is never stored.
ALTER TABLE person ADD COLUMN my_number_hash char(64);
CREATE UNIQUE INDEX person_my_number ON person (my_number_hash) WHERE my_number_hash IS NOT NULL;

-- Viewing suspended: another insurer's line claims this person's My Number for a different person, and the held record
-- awaits that insurer's review. While true, no consent is recorded and medication and checkup viewing is refused.
ALTER TABLE person ADD COLUMN viewing_suspended boolean NOT NULL DEFAULT false;
