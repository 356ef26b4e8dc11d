-- Demo only (SHIKAKU_DEMO_DATA=true, as bin/shikaku up sets): eligibility's demo persons are loaded by its own demo
-- migrations, which publish no person-qualifications events, so their projection is seeded here with an epoch state
-- time: any real event for them replaces it. The demo dispensings that bin/shikaku feeds through the claims endpoint
-- then attach to these persons.
INSERT INTO person (id, viewing_suspended, state_time) VALUES
    ('00000000-0000-4000-8000-000000000001', false, 'epoch'),
    ('00000000-0000-4000-8000-000000000002', false, 'epoch'),
    ('00000000-0000-4000-8000-000000000003', false, 'epoch'),
    ('00000000-0000-4000-8000-000000000004', false, 'epoch')
ON CONFLICT (id) DO NOTHING;

INSERT INTO insured_number (person_id, insurer_number, symbol_key, number_key, branch, valid_from, valid_until)
SELECT x.* FROM (VALUES
    ('00000000-0000-4000-8000-000000000001'::uuid, '06130017', '1234', '5678', '00', DATE '2015-04-01', NULL::date),
    ('00000000-0000-4000-8000-000000000002'::uuid, '06130017', '1234', '5678', '01', DATE '2015-04-01', NULL::date),
    ('00000000-0000-4000-8000-000000000003'::uuid, '06130017', '1234', '5678', '02', DATE '2016-09-09', NULL::date),
    ('00000000-0000-4000-8000-000000000004'::uuid, '01130012', '5010', '204', '00', DATE '2005-04-01', DATE '2022-03-31'),
    ('00000000-0000-4000-8000-000000000004'::uuid, '34130013', '72', '1001', '00', DATE '2022-04-01', NULL::date))
    AS x(person_id, insurer_number, symbol_key, number_key, branch, valid_from, valid_until)
JOIN person p ON p.id = x.person_id AND p.state_time = 'epoch'
WHERE NOT EXISTS (SELECT 1 FROM insured_number n WHERE n.person_id = x.person_id);
