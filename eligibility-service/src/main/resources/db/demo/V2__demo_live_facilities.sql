-- The five demo clinic systems (README, "Calling it") are live from 2021-10-01, so that the run command and the
-- end-to-end tests can check at once, before the facility registry's lifecycle events arrive. Their state time is
-- the epoch, older than any real event: the registry's event for one of them replaces its row.
INSERT INTO facility (facility_code, type, prefecture, go_live_on, emergency_terminal, state_time) VALUES
    ('0110113719', 'MEDICAL_CLINIC', '01', '2021-10-01', false, '1970-01-01T00:00:00Z'),
    ('1310123458', 'MEDICAL_CLINIC', '13', '2021-10-01', false, '1970-01-01T00:00:00Z'),
    ('1330123454', 'DENTAL_CLINIC',  '13', '2021-10-01', false, '1970-01-01T00:00:00Z'),
    ('1340123452', 'PHARMACY',       '13', '2021-10-01', false, '1970-01-01T00:00:00Z'),
    ('2710123452', 'MEDICAL_CLINIC', '27', '2021-10-01', false, '1970-01-01T00:00:00Z')
ON CONFLICT (facility_code) DO NOTHING;
