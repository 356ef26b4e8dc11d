-- Checks are evidence for claims, kept for years (README "Checks are kept as evidence"): the table is partitioned by
-- month of checked_at so that retention drops whole partitions (CheckRetention) instead of deleting rows, and a month's
-- checks stay together for the monthly claims. Months are Japan's (Asia/Tokyo, +09:00 all year): a check at 00:30 on
-- the 1st in Japan belongs to that month's claims, so bounds are midnight in Japan (CheckPartitions, which names and
-- bounds the partitions the job creates later, computes the same). Same columns and types as before, so INSERTs naming
-- the columns keep working. The copy holds an exclusive lock on the checks for its duration (see README).

ALTER TABLE eligibility_check RENAME TO eligibility_check_unpartitioned;
ALTER INDEX eligibility_check_pkey RENAME TO eligibility_check_unpartitioned_pkey;
ALTER INDEX eligibility_check_facility_day RENAME TO eligibility_check_unpartitioned_facility_day;

-- A foreign key to a partitioned table needs its whole key (id, checked_at), which consent does not hold; consent's
-- check_id stays as the (unenforced) pointer to the check that granted it. bulk_entry.check_id had no foreign key.
ALTER TABLE consent DROP CONSTRAINT IF EXISTS consent_check_id_fkey;

-- The same columns, types, NOT NULLs, defaults and checks as the old table, in the same order (LIKE, so that a column
-- another migration added before this one ran, out of order, comes along too). A unique key on a partitioned table
-- must include the partition key: (id, checked_at); its leading id serves the lookup by id
-- (GET /api/v1/eligibility/checks/{checkId}): one index probe per partition.
CREATE TABLE eligibility_check (
    LIKE eligibility_check_unpartitioned INCLUDING DEFAULTS INCLUDING CONSTRAINTS INCLUDING COMMENTS,
    PRIMARY KEY (id, checked_at)
) PARTITION BY RANGE (checked_at);

CREATE INDEX eligibility_check_facility_day ON eligibility_check (facility_code, checked_at);

-- Rows of a month with no partition (the job was down for months, or a clock far off) land here; the job moves them
-- into their month's partition when it creates it.
CREATE TABLE eligibility_check_default PARTITION OF eligibility_check DEFAULT;

-- One partition per month from the oldest recorded check's month to three months ahead (the job keeps creating them
-- ahead from then on).
DO $$
DECLARE
    first_month date;
    last_month  date := (date_trunc('month', now() AT TIME ZONE 'Asia/Tokyo') + interval '3 months')::date;
    m           date;
BEGIN
    SELECT least(coalesce(min(date_trunc('month', checked_at AT TIME ZONE 'Asia/Tokyo')), now() AT TIME ZONE 'Asia/Tokyo'),
                 date_trunc('month', now() AT TIME ZONE 'Asia/Tokyo'))::date
      INTO first_month
      FROM eligibility_check_unpartitioned;
    m := date_trunc('month', first_month)::date;
    WHILE m <= last_month LOOP
        EXECUTE format('CREATE TABLE %I PARTITION OF eligibility_check FOR VALUES FROM (%L) TO (%L)',
                       'eligibility_check_' || to_char(m, 'YYYY_MM'),
                       to_char(m, 'YYYY-MM-DD') || ' 00:00:00+09',
                       to_char((m + interval '1 month')::date, 'YYYY-MM-DD') || ' 00:00:00+09');
        m := (m + interval '1 month')::date;
    END LOOP;
END
$$;

INSERT INTO eligibility_check SELECT * FROM eligibility_check_unpartitioned;

DROP TABLE eligibility_check_unpartitioned;
