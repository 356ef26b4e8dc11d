-- Demo data for the local suite (never production): five insurers, a handful of named persons that show
-- every validity code (README), and about 3,000 generated persons in households sharing symbol and number.

INSERT INTO insurer (insurer_number, name) VALUES
    ('06130017', 'さくら健康保険組合'),
    ('01130012', '全国健康保険協会 東京支部'),
    ('34130013', '東京都職員共済組合'),
    ('33120015', '国家公務員共済組合 本部'),
    ('138008',   '新宿区 国民健康保険');

INSERT INTO person (id, name, name_kana, sex, birth_date, address) VALUES
    ('00000000-0000-4000-8000-000000000001', '山田 太郎', 'ヤマダ タロウ', 'MALE',   '1980-04-01', '東京都中野区鷺宮1-1'),
    ('00000000-0000-4000-8000-000000000002', '山田 花子', 'ヤマダ ハナコ', 'FEMALE', '1982-06-15', '東京都中野区鷺宮1-1'),
    ('00000000-0000-4000-8000-000000000003', '山田 一郎', 'ヤマダ イチロウ', 'MALE', '2016-09-09', '東京都中野区鷺宮1-1'),
    ('00000000-0000-4000-8000-000000000004', '佐藤 健',   'サトウ ケン',   'MALE',   '1975-11-03', '東京都新宿区西新宿2-8-1'),
    ('00000000-0000-4000-8000-000000000005', '鈴木 明美', 'スズキ アケミ', 'FEMALE', '1950-02-20', '東京都練馬区豊玉北6-12-1'),
    ('00000000-0000-4000-8000-000000000006', '高橋 誠',   'タカハシ マコト', 'MALE', '1948-07-07', '東京都新宿区歌舞伎町1-4-1'),
    ('00000000-0000-4000-8000-000000000007', '高橋 誠',   'タカハシ マコト', 'MALE', '1948-07-07', '東京都新宿区百人町2-1'),
    ('00000000-0000-4000-8000-000000000008', '田中 美咲', 'タナカ ミサキ', 'FEMALE', '1990-01-10', '大阪府大阪市北区中之島1-3-20');

INSERT INTO qualification (id, person_id, insurer_number, symbol, number, symbol_key, number_key, branch,
                           relationship, valid_from, valid_until, copayment_rate, limit_category) VALUES
    -- a family under one symbol and number, told apart by branch: VALID
    ('00000000-0000-4000-9000-000000000001', '00000000-0000-4000-8000-000000000001', '06130017', '1234', '5678', '1234', '5678', '00', 'INSURED',   '2015-04-01', NULL, 30, 'A03'),
    ('00000000-0000-4000-9000-000000000002', '00000000-0000-4000-8000-000000000002', '06130017', '1234', '5678', '1234', '5678', '01', 'DEPENDANT', '2015-04-01', NULL, 30, 'A03'),
    ('00000000-0000-4000-9000-000000000003', '00000000-0000-4000-8000-000000000003', '06130017', '1234', '5678', '1234', '5678', '02', 'DEPENDANT', '2016-09-09', NULL, 20, 'A03'),
    -- changed insurer in 2022: the old numbers answer INVALID_NEWER_EXISTS with the new qualification
    ('00000000-0000-4000-9000-000000000004', '00000000-0000-4000-8000-000000000004', '01130012', '5010', '204', '5010', '204', '00', 'INSURED', '2005-04-01', '2022-03-31', 30, 'A04'),
    ('00000000-0000-4000-9000-000000000005', '00000000-0000-4000-8000-000000000004', '34130013', '72', '1001', '72', '1001', '00', 'INSURED', '2022-04-01', NULL, 30, 'A04'),
    -- ended in 2020 with nothing newer: INVALID
    ('00000000-0000-4000-9000-000000000006', '00000000-0000-4000-8000-000000000005', '06130017', '1234', '9001', '1234', '9001', '00', 'INSURED', '2000-04-01', '2020-03-31', 30, 'A05'),
    -- registered twice under the same numbers and birth date: MULTIPLE_MATCHES
    ('00000000-0000-4000-9000-000000000007', '00000000-0000-4000-8000-000000000006', '138008', '新宿', '777', '新宿', '777', '00', 'INSURED', '2013-04-01', NULL, 20, 'B05'),
    ('00000000-0000-4000-9000-000000000008', '00000000-0000-4000-8000-000000000007', '138008', '新宿', '777', '新宿', '777', '00', 'INSURED', '2013-04-01', NULL, 20, 'B05'),
    -- starts in the future: INVALID until then
    ('00000000-0000-4000-9000-000000000009', '00000000-0000-4000-8000-000000000008', '33120015', '88', '123', '88', '123', '00', 'INSURED', '2027-04-01', NULL, 30, 'A02');

-- Generated households: the insured person (branch 00) and up to three dependants share symbol and number.
-- Every 10th household changed insurer (the old numbers end, new ones start the next day); every 13th lost
-- its qualification without a newer one.
DO $$
DECLARE
    family_names  text[] := ARRAY['佐藤','鈴木','高橋','田中','伊藤','渡辺','山本','中村','小林','加藤','吉田','山口','松本','井上','木村','林','斎藤','清水','山崎','森'];
    family_kana   text[] := ARRAY['サトウ','スズキ','タカハシ','タナカ','イトウ','ワタナベ','ヤマモト','ナカムラ','コバヤシ','カトウ','ヨシダ','ヤマグチ','マツモト','イノウエ','キムラ','ハヤシ','サイトウ','シミズ','ヤマザキ','モリ'];
    male_names    text[] := ARRAY['翔','大輔','健太','拓也','直樹','陽介','誠','隆','浩','剛','蓮','悠真'];
    male_kana     text[] := ARRAY['ショウ','ダイスケ','ケンタ','タクヤ','ナオキ','ヨウスケ','マコト','タカシ','ヒロシ','ツヨシ','レン','ユウマ'];
    female_names  text[] := ARRAY['陽子','恵子','美穂','由美','香織','真由美','さくら','結衣','葵','陽菜','明美','直子'];
    female_kana   text[] := ARRAY['ヨウコ','ケイコ','ミホ','ユミ','カオリ','マユミ','サクラ','ユイ','アオイ','ヒナ','アケミ','ナオコ'];
    towns         text[] := ARRAY['東京都中野区鷺宮','東京都杉並区阿佐谷南','神奈川県横浜市港北区日吉','埼玉県さいたま市浦和区高砂','千葉県千葉市中央区富士見','大阪府大阪市北区梅田','北海道札幌市中央区北一条西','福岡県福岡市博多区博多駅前'];
    insurers      text[] := ARRAY['06130017','01130012','34130013','33120015','138008'];
    today         date := date '2026-11-21';  -- ages and copayment rates as of this date
    h int; m int; members int; f int; given int; town text;
    insurer text; new_insurer text; symbol text; number text; started date; ended date;
    birth date; sex text; age int; rate int; person uuid; head_birth date;
BEGIN
    FOR h IN 1..1200 LOOP
        members := 1 + (h * 7) % 4;
        f := 1 + h % array_length(family_names, 1);
        town := towns[1 + h % array_length(towns, 1)] || ' ' || (1 + h % 9) || '-' || (1 + h % 27);
        insurer := insurers[1 + h % array_length(insurers, 1)];
        symbol := CASE WHEN insurer = '138008' THEN '新' || (h % 90) ELSE (100 + h % 900)::text END;
        number := (20000 + h)::text;
        started := date '2008-04-01' + (h * 37) % 4000;
        ended := CASE WHEN h % 10 = 0 OR h % 13 = 0 THEN date '2024-03-31' + (h % 500) ELSE NULL END;
        head_birth := date '1945-01-01' + (h * 131) % 18000;
        FOR m IN 0..members - 1 LOOP
            person := md5('shikaku-demo-person-' || h || '-' || m)::uuid;
            IF m = 0 THEN
                birth := head_birth; sex := CASE WHEN h % 3 = 0 THEN 'FEMALE' ELSE 'MALE' END;
            ELSIF m = 1 THEN
                birth := head_birth + (h % 1500) - 700; sex := CASE WHEN h % 3 = 0 THEN 'MALE' ELSE 'FEMALE' END;
            ELSE
                birth := greatest(head_birth + 9000 + m * 700 + h % 300, started);
                birth := least(birth, date '2023-12-31');
                sex := CASE WHEN (h + m) % 2 = 0 THEN 'MALE' ELSE 'FEMALE' END;
            END IF;
            given := 1 + (h + m * 5) % 12;
            INSERT INTO person (id, name, name_kana, sex, birth_date, address)
            VALUES (person,
                    family_names[f] || ' ' || CASE WHEN sex = 'MALE' THEN male_names[given] ELSE female_names[given] END,
                    family_kana[f] || ' ' || CASE WHEN sex = 'MALE' THEN male_kana[given] ELSE female_kana[given] END,
                    sex, birth, town);
            age := extract(year FROM age(today, birth));
            rate := CASE WHEN age < 6 THEN 20 WHEN age >= 75 THEN 10 WHEN age >= 70 THEN 20 ELSE 30 END;
            INSERT INTO qualification (id, person_id, insurer_number, symbol, number, symbol_key, number_key, branch,
                                       relationship, valid_from, valid_until, copayment_rate, limit_category)
            VALUES (md5('shikaku-demo-qualification-' || h || '-' || m)::uuid, person, insurer, symbol, number,
                    symbol, number, lpad(m::text, 2, '0'), CASE WHEN m = 0 THEN 'INSURED' ELSE 'DEPENDANT' END,
                    greatest(started, birth), ended, rate,
                    CASE WHEN age >= 70 THEN 'B' || lpad((1 + h % 10)::text, 2, '0') ELSE 'A0' || (1 + h % 6) END);
            IF h % 10 = 0 THEN
                new_insurer := insurers[1 + (h + 2) % array_length(insurers, 1)];
                INSERT INTO qualification (id, person_id, insurer_number, symbol, number, symbol_key, number_key,
                                           branch, relationship, valid_from, valid_until, copayment_rate, limit_category)
                VALUES (md5('shikaku-demo-qualification-new-' || h || '-' || m)::uuid, person, new_insurer,
                        (500 + h % 400)::text, (60000 + h)::text, (500 + h % 400)::text, (60000 + h)::text,
                        lpad(m::text, 2, '0'), CASE WHEN m = 0 THEN 'INSURED' ELSE 'DEPENDANT' END,
                        ended + 1, NULL, rate,
                        CASE WHEN age >= 70 THEN 'B' || lpad((1 + h % 10)::text, 2, '0') ELSE 'A0' || (1 + h % 6) END);
            END IF;
        END LOOP;
    END LOOP;
END $$;
