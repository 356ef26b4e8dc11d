-- The facility's name from the registry's master (facility-lifecycle events that carry it), shown to patients in
-- their access log; null until an event names the facility, and an event without a name keeps the one known.
ALTER TABLE facility ADD COLUMN name text;
