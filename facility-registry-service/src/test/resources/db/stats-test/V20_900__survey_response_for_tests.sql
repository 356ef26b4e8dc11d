-- Test only: the survey feature's table, in the shape the survey statistics read, for as long as that feature has not
-- created it itself (then this is a no-op).
CREATE TABLE IF NOT EXISTS survey_response (
    facility_code     char(10) NOT NULL,
    done_steps        text[] NOT NULL DEFAULT '{}',
    expected_go_live  text,
    obstacles         text[] NOT NULL DEFAULT '{}',
    initial_cost      bigint,
    monthly_cost      bigint,
    answered_at       timestamptz NOT NULL DEFAULT now()
);
