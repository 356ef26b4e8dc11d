-- Sweeps (issue 13, item 4; README "Sweeps"): NOT_FOUND answers to card-number checks, counted per facility and the
-- numbers checked (insurer number, symbol, number, branch), in windows starting at a window's first NOT_FOUND. The
-- numbers are kept only as their HMAC-SHA256 under shikaku.sweep.numbers-key, never in clear. A window reaching the
-- threshold is a sweep (swept_at set): further checks of those numbers from that facility are refused (counted in
-- refused) until the window ends, and the row stays as the auditor's record; windows that never reached it are deleted
-- once they end (SweepCleanup).
CREATE TABLE check_sweep (
    facility_code char(10)    NOT NULL,
    numbers_hash  bytea       NOT NULL,
    first_at      timestamptz NOT NULL,
    last_at       timestamptz NOT NULL,
    attempts      integer     NOT NULL,
    refused       integer     NOT NULL DEFAULT 0,
    swept_at      timestamptz,
    -- the check's lookup reads a facility's latest window for the numbers through this key (backwards)
    PRIMARY KEY (facility_code, numbers_hash, first_at)
);

-- The auditor's list, newest first, alone or by facility; the cleanup of windows that never became sweeps.
CREATE INDEX check_sweep_by_time ON check_sweep (first_at) WHERE swept_at IS NOT NULL;
CREATE INDEX check_sweep_by_facility ON check_sweep (facility_code, first_at) WHERE swept_at IS NOT NULL;
CREATE INDEX check_sweep_unswept ON check_sweep (first_at) WHERE swept_at IS NULL;
