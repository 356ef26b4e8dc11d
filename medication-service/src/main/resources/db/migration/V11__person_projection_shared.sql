-- The person projection is common's (io.shikaku.common.person.PersonProjection, shared with checkup-service): it also
-- keeps the id of the event whose state a person holds and when it was applied, and each number as sent beside its
-- keys. Rows projected before (and the demo seed) have none of these.
ALTER TABLE person ADD COLUMN event_id uuid, ADD COLUMN updated_at timestamptz NOT NULL DEFAULT now();
ALTER TABLE insured_number ADD COLUMN symbol text, ADD COLUMN number text;
