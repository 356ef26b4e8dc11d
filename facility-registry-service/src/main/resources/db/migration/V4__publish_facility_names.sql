-- facility-lifecycle events carry the master's name since this version (the patient's own medication shows it). The
-- facilities imported before were published without it, and an unchanged re-import publishes nothing: publish every
-- facility's current state once more, name included, exactly as MasterImport writes it (consumers apply a state they
-- already hold as a no-op). Nothing in a new, empty master.
INSERT INTO outbox (id, topic, record_key, event_type, envelope, created_at)
SELECT id, 'facility-lifecycle', facility_code, 'io.shikaku.facility.lifecycle.changed',
       json_build_object('id', id, 'type', 'io.shikaku.facility.lifecycle.changed',
           'source', 'facility-registry-service',
           'time', to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'),
           'subject', facility_code,
           'data', json_build_object('facilityCode', facility_code, 'type', type, 'prefecture', prefecture,
               'name', name, 'accountRegisteredOn', account_registered_on, 'readerAppliedOn', reader_applied_on,
               'readyOn', ready_on, 'goLiveOn', go_live_on, 'emergencyTerminal', emergency_terminal))::text,
       now()
FROM (SELECT gen_random_uuid() AS id, f.* FROM facility f) AS f;
