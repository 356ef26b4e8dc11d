-- The facility master's names (facility-lifecycle, from the facility registry) that a patient sees beside their own
-- dispensings (DOMAIN.md §6); a facility's view never reads them. updated_at: the event time of the name kept, so that
-- an older event read late never overwrites a newer name.
CREATE TABLE facility (
    code       char(10) PRIMARY KEY,
    name       text NOT NULL,
    updated_at timestamptz NOT NULL
);
