-- Identity: single-use e-mail tokens (verification, password reset) and the login audit.

CREATE TABLE iat_user_tokens (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    user_id     bigint      NOT NULL REFERENCES iat_users (id) ON DELETE CASCADE,
    company_id  bigint      NOT NULL REFERENCES iat_companies (id) ON DELETE CASCADE,
    purpose     text        NOT NULL,
    token_hash  bytea       NOT NULL,
    expires_at  timestamptz NOT NULL,
    used_at     timestamptz NULL,
    created_at  timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT iat_user_tokens_hash_key UNIQUE (token_hash),
    CONSTRAINT iat_user_tokens_purpose_check CHECK (purpose IN ('verify_email', 'reset_password'))
);

CREATE INDEX iat_user_tokens_user_idx ON iat_user_tokens (user_id, purpose);

CREATE TABLE iat_login_audit (
    id               bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    company_id       bigint      NULL REFERENCES iat_companies (id) ON DELETE SET NULL,
    user_identifier  text        NOT NULL,
    auth_type        text        NOT NULL,
    outcome          text        NOT NULL,
    reason           text        NULL,
    source_ip        text        NULL,
    user_agent_hash  text        NULL,
    created_at       timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT iat_login_audit_outcome_check CHECK (outcome IN ('success', 'failure')),
    CONSTRAINT iat_login_audit_auth_type_check CHECK (auth_type IN ('local', 'external'))
);

CREATE INDEX iat_login_audit_company_idx ON iat_login_audit (company_id, created_at DESC);
