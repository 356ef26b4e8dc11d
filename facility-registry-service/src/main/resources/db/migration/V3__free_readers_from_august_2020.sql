-- Card readers were distributed free from 2020-08-07, when the Social Insurance Medical Fee Payment Fund opened the
-- applications for free face-recognition card readers on the portal (not from June 2020, as V2 assumed): the March
-- 2020 guidelines with subsidised readers apply until 2020-08-06. Rule data, corrected by a new version.
INSERT INTO subsidy_rule (rule_set, rule_set_name, valid_from, valid_until, category, readers, reader_amount,
        readers_free, cost_cap, rate_numerator, rate_denominator, ceiling)
    SELECT 'FREE_READERS_2020_08', 'Card readers distributed free from 2020-08-07 (hospitals up to 3, others 1)',
           DATE '2020-08-07', valid_until, category, readers, reader_amount, readers_free, cost_cap, rate_numerator,
           rate_denominator, ceiling
    FROM subsidy_rule WHERE rule_set = 'FREE_READERS_2020_06';
DELETE FROM subsidy_rule WHERE rule_set = 'FREE_READERS_2020_06';
UPDATE subsidy_rule SET valid_until = DATE '2020-08-06' WHERE rule_set = 'GUIDELINES_2020_03';
