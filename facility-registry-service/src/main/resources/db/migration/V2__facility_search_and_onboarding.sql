-- Search of the facility master (API.md "Facilities and statistics"): a code prefix uses this index whatever the
-- database's collation; type and prefecture filters use V1's index.
CREATE INDEX facility_code_prefix ON facility (facility_code bpchar_pattern_ops);

-- Subsidy rules (DOMAIN.md §9) as versioned, dated data: one row per rule set, facility category and number of card
-- readers. A rule set applies from valid_from to valid_until (inclusive; null = still in force). The estimate is
-- min(min(cost, cost_cap) × rate, ceiling), rounded down to the yen; reader_amount is the most paid towards the card
-- readers themselves (0 where readers_free: the readers are then distributed free). Amounts in yen, 10 % tax included.
CREATE TABLE subsidy_rule (
    rule_set          varchar(64) NOT NULL,
    rule_set_name     text NOT NULL,
    valid_from        date NOT NULL,
    valid_until       date,
    category          varchar(32) NOT NULL CHECK (category IN ('HOSPITAL', 'LARGE_CHAIN_PHARMACY', 'OTHER')),
    readers           smallint NOT NULL CHECK (readers BETWEEN 1 AND 3),
    reader_amount     integer NOT NULL CHECK (reader_amount >= 0),
    readers_free      boolean NOT NULL,
    cost_cap          integer NOT NULL CHECK (cost_cap > 0),
    rate_numerator    smallint NOT NULL CHECK (rate_numerator > 0),
    rate_denominator  smallint NOT NULL CHECK (rate_denominator >= rate_numerator),
    ceiling           integer NOT NULL CHECK (ceiling > 0),
    PRIMARY KEY (rule_set, category, readers),
    CHECK (valid_until IS NULL OR valid_until >= valid_from)
);

-- The March 2020 implementation guidelines (published by MHLW on 2020-03-04), with the card-reader amounts of the
-- then law: up to 99,000 yen per reader.
INSERT INTO subsidy_rule VALUES
    ('GUIDELINES_2020_03', 'Implementation guidelines of March 2020 (card readers subsidised)', '2020-03-04', '2020-05-31',
     'HOSPITAL', 1, 99000, false, 2101000, 1, 2, 1050000),
    ('GUIDELINES_2020_03', 'Implementation guidelines of March 2020 (card readers subsidised)', '2020-03-04', '2020-05-31',
     'HOSPITAL', 2, 198000, false, 2002000, 1, 2, 1001000),
    ('GUIDELINES_2020_03', 'Implementation guidelines of March 2020 (card readers subsidised)', '2020-03-04', '2020-05-31',
     'HOSPITAL', 3, 297000, false, 1903000, 1, 2, 951000),
    ('GUIDELINES_2020_03', 'Implementation guidelines of March 2020 (card readers subsidised)', '2020-03-04', '2020-05-31',
     'LARGE_CHAIN_PHARMACY', 1, 99000, false, 429000, 1, 2, 214000),
    ('GUIDELINES_2020_03', 'Implementation guidelines of March 2020 (card readers subsidised)', '2020-03-04', '2020-05-31',
     'OTHER', 1, 99000, false, 429000, 3, 4, 321000),
-- From June 2020, when reader applications opened on the portal, face-recognition card readers are distributed free
-- (hospitals up to 3, others 1); the other set-up costs are subsidised as before.
    ('FREE_READERS_2020_06', 'Card readers distributed free (hospitals up to 3, others 1)', '2020-06-01', NULL,
     'HOSPITAL', 1, 0, true, 2101000, 1, 2, 1050000),
    ('FREE_READERS_2020_06', 'Card readers distributed free (hospitals up to 3, others 1)', '2020-06-01', NULL,
     'HOSPITAL', 2, 0, true, 2002000, 1, 2, 1001000),
    ('FREE_READERS_2020_06', 'Card readers distributed free (hospitals up to 3, others 1)', '2020-06-01', NULL,
     'HOSPITAL', 3, 0, true, 1903000, 1, 2, 951000),
    ('FREE_READERS_2020_06', 'Card readers distributed free (hospitals up to 3, others 1)', '2020-06-01', NULL,
     'LARGE_CHAIN_PHARMACY', 1, 0, true, 429000, 1, 2, 214000),
    ('FREE_READERS_2020_06', 'Card readers distributed free (hospitals up to 3, others 1)', '2020-06-01', NULL,
     'OTHER', 1, 0, true, 429000, 3, 4, 321000);

-- Exemption requests (経過措置, DOMAIN.md §9): a facility asks with one reason; a portal administrator decides.
CREATE TABLE exemption_request (
    id             uuid PRIMARY KEY,
    facility_code  char(10) NOT NULL REFERENCES facility (facility_code),
    reason         varchar(48) NOT NULL,
    note           text,
    status         varchar(16) NOT NULL DEFAULT 'PENDING' CHECK (status IN ('PENDING', 'APPROVED', 'REJECTED')),
    requested_at   timestamptz NOT NULL DEFAULT now(),
    decided_at     timestamptz,
    decision_note  text
);
CREATE INDEX exemption_request_by_facility ON exemption_request (facility_code, requested_at);
CREATE INDEX exemption_request_pending ON exemption_request (requested_at) WHERE status = 'PENDING';

-- Survey responses (DOMAIN.md §9): one row per response. done_steps and obstacles hold enum names (DoneStep,
-- Obstacle of io.shikaku.facility.survey); expected_go_live one ExpectedGoLive name; costs are quotes in yen.
-- The statistics (GET /api/v1/stats/survey) aggregate this table in SQL.
CREATE TABLE survey_response (
    id                  uuid PRIMARY KEY,
    facility_code       char(10) NOT NULL REFERENCES facility (facility_code),
    responded_at        timestamptz NOT NULL DEFAULT now(),
    done_steps          text[] NOT NULL,
    expected_go_live    varchar(32) NOT NULL,
    obstacles           text[] NOT NULL,
    initial_cost_quote  integer CHECK (initial_cost_quote >= 0),
    monthly_cost_quote  integer CHECK (monthly_cost_quote >= 0)
);
CREATE INDEX survey_response_by_facility ON survey_response (facility_code, responded_at);
