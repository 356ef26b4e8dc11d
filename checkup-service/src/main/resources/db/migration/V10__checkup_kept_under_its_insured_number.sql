-- A checkup is kept under the individual insured number it was sent for (issue 9 review): its person is derived from
-- the coverage projection, like medication's dispensings, so that it follows the number when the number moves to
-- another person, and a checkup sent before its person's coverage arrived is kept (person_id null, shown to nobody)
-- and attached when it arrives. The insurer, number and examination date are the checkup's natural key: a later line
-- for the same replaces it (a correction), and a batch sent again adds nothing.
ALTER TABLE checkup ADD COLUMN symbol_key text, ADD COLUMN number_key text, ADD COLUMN branch char(2);
UPDATE checkup k SET symbol_key = l.symbol_key, number_key = l.number_key, branch = l.branch
FROM checkup_line l WHERE l.batch_id = k.batch_id AND l.line = k.line;
-- A checkup outlives its line only if its batch was purged, which happens after the checkup's own retention.
DELETE FROM checkup WHERE symbol_key IS NULL;
-- Of checkups for the same number and date (one per person before), the latest received is the one kept.
DELETE FROM checkup k USING checkup o WHERE o.insurer_number = k.insurer_number AND o.number_key = k.number_key
    AND o.symbol_key = k.symbol_key AND o.branch = k.branch AND o.examined_on = k.examined_on
    AND (o.received_at, o.id) > (k.received_at, k.id);
ALTER TABLE checkup ALTER COLUMN symbol_key SET NOT NULL, ALTER COLUMN number_key SET NOT NULL,
    ALTER COLUMN branch SET NOT NULL, ALTER COLUMN person_id DROP NOT NULL;
ALTER TABLE checkup DROP CONSTRAINT checkup_person_id_examined_on_insurer_number_key;
ALTER TABLE checkup ADD CONSTRAINT checkup_insured_number_examined_on
    UNIQUE (insurer_number, number_key, symbol_key, branch, examined_on);
CREATE INDEX checkup_by_person ON checkup (person_id, examined_on) WHERE person_id IS NOT NULL;
