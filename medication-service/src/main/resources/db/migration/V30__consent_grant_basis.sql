-- The basis of each projected grant (io.shikaku.common.access, ConsentProjection): CONSENT given at a card check, or an
-- EMERGENCY or DISASTER grant issued by eligibility's lookups (DOMAIN.md §8), so that the record-views event of a view
-- says on which basis it was allowed. Grants projected before this version were all consents.
ALTER TABLE consent_grant ADD COLUMN basis varchar(9) NOT NULL DEFAULT 'CONSENT'
    CHECK (basis IN ('CONSENT', 'EMERGENCY', 'DISASTER'));
