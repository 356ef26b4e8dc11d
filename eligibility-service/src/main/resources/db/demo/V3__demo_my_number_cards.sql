-- Demo My Number linkages and cards (never production). The demo My Numbers are fictional, with correct check digits;
-- only their keyed hashes are stored: HMAC-SHA256 (hex) under MyNumberHasher.DEVELOPMENT_KEY, computed once and
-- written here (pgcrypto's hmac() is not assumed to exist); DemoMyNumbersTest recomputes every one of them.
--   person                                  My Number      card serial        card
--   …0001 山田 太郎 (user patient-demo)      100000000013   0A1B2C3D4E5F0001   valid until 2034-04-01: VALID
--   …0002 山田 花子                          100000000021   0A1B2C3D4E5F0002   expires 60 days after loading: CARD_EXPIRES_SOON
--   …0004 佐藤 健                            100000000048   0A1B2C3D4E5F0004   valid until 2033-10-31: VALID (34130013)
--   …0005 鈴木 明美                          100000000056   0A1B2C3D4E5F0005   valid until 2032-02-20: INVALID (ended 2020)
--   …0008 田中 美咲                          100000000080   0A1B2C3D4E5F0008   revoked (lost): CARD_REVOKED

UPDATE person AS p SET my_number_hash = l.h FROM (VALUES
    ('00000000-0000-4000-8000-000000000001'::uuid, '3095cc6acf0fb7abd2f9029a6e0099024b8d8efe9142ace962f1699d5f89fa7f'),
    ('00000000-0000-4000-8000-000000000002'::uuid, '532e85cbe61592f1f919b9941980743462f5b63ac28e4a8e31dbd33b29a3763d'),
    ('00000000-0000-4000-8000-000000000004'::uuid, '7bba7d3323217d73da007dfe0771f5a8b21320ea639b98163b22d6d2607799ac'),
    ('00000000-0000-4000-8000-000000000005'::uuid, 'be16a3bf4cd9df0410e9453dd2c948206f212526d1d264fe493348b7f8f3919d'),
    ('00000000-0000-4000-8000-000000000008'::uuid, '39c444bd1c3a4b27d085f6f3f3e410678ea592dbffba0310c338168cd3b4a826')
) AS l(id, h)
WHERE p.id = l.id AND p.my_number_hash IS NULL;

-- The resident registry agrees with the linkages (the four basic attributes, DOMAIN.md §5).
INSERT INTO resident (my_number_hash, name, name_kana, sex, birth_date, address, name_key, address_key)
SELECT p.my_number_hash, p.name, p.name_kana, p.sex, p.birth_date, p.address,
       regexp_replace(normalize(p.name, NFKC), '[[:space:]　]+', '', 'g'),
       regexp_replace(normalize(p.address, NFKC), '[[:space:]　]+', '', 'g')
FROM person p
WHERE p.id IN ('00000000-0000-4000-8000-000000000001', '00000000-0000-4000-8000-000000000002',
               '00000000-0000-4000-8000-000000000004', '00000000-0000-4000-8000-000000000005',
               '00000000-0000-4000-8000-000000000008')
  AND p.my_number_hash IS NOT NULL
ON CONFLICT (my_number_hash) DO NOTHING;

-- Cards registered by their holders.
INSERT INTO my_number_card (card_serial, person_id, my_number_hash, valid_until, registered_at, registered_by_person,
                            revoked_at)
SELECT c.serial, p.id, p.my_number_hash, c.valid_until, now(), p.id, c.revoked_at
FROM (VALUES
    ('0A1B2C3D4E5F0001', '00000000-0000-4000-8000-000000000001'::uuid, DATE '2034-04-01', NULL::timestamptz),
    ('0A1B2C3D4E5F0002', '00000000-0000-4000-8000-000000000002'::uuid, CURRENT_DATE + 60, NULL),
    ('0A1B2C3D4E5F0004', '00000000-0000-4000-8000-000000000004'::uuid, DATE '2033-10-31', NULL),
    ('0A1B2C3D4E5F0005', '00000000-0000-4000-8000-000000000005'::uuid, DATE '2032-02-20', NULL),
    ('0A1B2C3D4E5F0008', '00000000-0000-4000-8000-000000000008'::uuid, DATE '2031-01-10', now())
) AS c(serial, person_id, valid_until, revoked_at)
JOIN person p ON p.id = c.person_id AND p.my_number_hash IS NOT NULL
ON CONFLICT (card_serial) DO NOTHING;
