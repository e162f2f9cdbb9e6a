-- API keys: shown once, stored only as the SHA-256 of the key, bound to one company, revocable.
CREATE TABLE iat_api_keys (
    id            bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    company_id    bigint      NOT NULL REFERENCES iat_companies (id) ON DELETE CASCADE,
    name          text        NOT NULL DEFAULT 'default',
    prefix        text        NOT NULL,
    key_hash      bytea       NOT NULL,
    created_at    timestamptz NOT NULL DEFAULT now(),
    last_used_at  timestamptz NULL,
    revoked_at    timestamptz NULL,
    CONSTRAINT iat_api_keys_key_hash_key UNIQUE (key_hash),
    -- Lets an operator name a key by its prefix; also the index behind listing a company's keys.
    CONSTRAINT iat_api_keys_company_prefix_key UNIQUE (company_id, prefix),
    CONSTRAINT iat_api_keys_key_hash_check CHECK (octet_length(key_hash) = 32),
    CONSTRAINT iat_api_keys_prefix_check CHECK (prefix ~ '^iat_[A-Za-z0-9]{8}$'),
    CONSTRAINT iat_api_keys_name_check CHECK (length(name) BETWEEN 1 AND 100)
);
