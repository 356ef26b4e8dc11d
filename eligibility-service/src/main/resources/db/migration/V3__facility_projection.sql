-- Facilities as eligibility needs them (DOMAIN.md §9), projected from the registry's facility-lifecycle events:
-- a facility may check from its go-live date on. Every event carries the facility's full state; state_time is the
-- event's time, and a state older than the one kept never overwrites it (an equal time: the later-read one wins,
-- Kafka keeps each facility's order). Seeded rows (demo data) carry an old state_time, so a real event wins.
CREATE TABLE facility (
    facility_code      char(10) PRIMARY KEY,
    type               varchar(16) NOT NULL,
    prefecture         char(2) NOT NULL,
    go_live_on         date,
    emergency_terminal boolean NOT NULL,
    state_time         timestamptz NOT NULL,
    event_id           uuid,          -- the event that set this state; null for seeded rows
    updated_at         timestamptz NOT NULL DEFAULT now()
);
