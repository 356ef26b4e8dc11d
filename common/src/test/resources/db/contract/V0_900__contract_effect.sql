-- Test only: what the inbox contract's test consumer does for each event it handles, so that a test can count effects.
CREATE TABLE contract_effect (
    id         bigserial PRIMARY KEY,
    subject    varchar(128) NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now()
);
