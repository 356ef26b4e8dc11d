-- Demo only (shikaku.demo-data.enabled): eligibility's named demo persons (its db/demo V1) as the coverage projection
-- would hold them, with an epoch state time so that a real person-qualifications event replaces them.
INSERT INTO person (id, viewing_suspended, state_time, event_id) VALUES
    ('00000000-0000-4000-8000-000000000001', false, 'epoch', '00000000-0000-4000-a000-000000000001'),
    ('00000000-0000-4000-8000-000000000002', false, 'epoch', '00000000-0000-4000-a000-000000000002'),
    ('00000000-0000-4000-8000-000000000003', false, 'epoch', '00000000-0000-4000-a000-000000000003'),
    ('00000000-0000-4000-8000-000000000004', false, 'epoch', '00000000-0000-4000-a000-000000000004'),
    ('00000000-0000-4000-8000-000000000005', false, 'epoch', '00000000-0000-4000-a000-000000000005')
ON CONFLICT (id) DO NOTHING;

INSERT INTO insured_number (person_id, insurer_number, symbol, number, symbol_key, number_key, branch, valid_from,
                            valid_until)
SELECT x.* FROM (VALUES
    ('00000000-0000-4000-8000-000000000001'::uuid, '06130017', '1234', '5678', '1234', '5678', '00', date '2015-04-01', null::date),
    ('00000000-0000-4000-8000-000000000002'::uuid, '06130017', '1234', '5678', '1234', '5678', '01', date '2015-04-01', null),
    ('00000000-0000-4000-8000-000000000003'::uuid, '06130017', '1234', '5678', '1234', '5678', '02', date '2016-09-09', null),
    ('00000000-0000-4000-8000-000000000004'::uuid, '01130012', '5010', '204', '5010', '204', '00', date '2005-04-01', date '2022-03-31'),
    ('00000000-0000-4000-8000-000000000004'::uuid, '34130013', '72', '1001', '72', '1001', '00', date '2022-04-01', null),
    ('00000000-0000-4000-8000-000000000005'::uuid, '06130017', '1234', '9001', '1234', '9001', '00', date '2000-04-01', date '2020-03-31')
) AS x(person_id, insurer_number, symbol, number, symbol_key, number_key, branch, valid_from, valid_until)
WHERE NOT EXISTS (SELECT 1 FROM insured_number n WHERE n.person_id = x.person_id);
