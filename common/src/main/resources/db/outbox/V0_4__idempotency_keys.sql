-- Batch endpoints honour Idempotency-Key (API.md): the same key and body give the same result, never a second
-- batch. The same shape as the inbox: a scope (the endpoint) and a key, claimed in the request's transaction.
CREATE TABLE idempotency_key (
    scope        varchar(64) NOT NULL,
    key          varchar(255) NOT NULL,
    request_hash varchar(64) NOT NULL,
    result_ref   varchar(255),
    created_at   timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (scope, key)
);
