-- The reference copy of the resident registry (DOMAIN.md §5): what the four-attribute check of insurers' My Number
-- linkages reads. Keyed by HMAC-SHA256 of the My Number (hex): the number itself is never stored (DOMAIN.md §3).
-- name_key and address_key are the comparison forms (NFKC, all whitespace removed) of FourAttributes.
CREATE TABLE resident (
    my_number_hash char(64) PRIMARY KEY,
    name           text NOT NULL,
    name_kana      text NOT NULL,
    sex            varchar(6) NOT NULL CHECK (sex IN ('MALE', 'FEMALE')),
    birth_date     date NOT NULL,
    address        text NOT NULL,
    name_key       text NOT NULL,
    address_key    text NOT NULL,
    updated_at     timestamptz NOT NULL DEFAULT now()
);
