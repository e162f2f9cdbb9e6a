-- Core tables: companies, users and their membership. Later features add their own migrations.
CREATE EXTENSION IF NOT EXISTS vector;

CREATE TABLE iat_companies (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    short_name  text        NOT NULL,
    name        text        NOT NULL,
    locale      text        NOT NULL DEFAULT 'en_US',
    parameters  jsonb       NOT NULL DEFAULT '{}'::jsonb,
    created_at  timestamptz NOT NULL DEFAULT now(),
    updated_at  timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT iat_companies_short_name_key UNIQUE (short_name),
    CONSTRAINT iat_companies_short_name_check CHECK (short_name ~ '^[a-z0-9][a-z0-9_-]{0,63}$')
);

CREATE TABLE iat_users (
    id                  bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    email               text        NOT NULL,
    first_name          text        NOT NULL DEFAULT '',
    last_name           text        NOT NULL DEFAULT '',
    password_hash       text        NULL,
    verified            boolean     NOT NULL DEFAULT false,
    preferred_language  text        NULL,
    created_at          timestamptz NOT NULL DEFAULT now(),
    updated_at          timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT iat_users_email_check CHECK (length(email) BETWEEN 3 AND 320),
    CONSTRAINT iat_users_language_check CHECK (preferred_language IS NULL OR preferred_language ~ '^[a-z]{2}(-[A-Z]{2})?$')
);

CREATE UNIQUE INDEX iat_users_email_key ON iat_users (lower(email));

CREATE TABLE iat_user_companies (
    user_id     bigint      NOT NULL REFERENCES iat_users (id) ON DELETE CASCADE,
    company_id  bigint      NOT NULL REFERENCES iat_companies (id) ON DELETE CASCADE,
    role        text        NOT NULL DEFAULT 'user',
    created_at  timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (user_id, company_id),
    CONSTRAINT iat_user_companies_role_check CHECK (role IN ('user', 'admin'))
);

CREATE INDEX iat_user_companies_company_idx ON iat_user_companies (company_id);
