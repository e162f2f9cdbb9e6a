-- The assistant: conversation turns, the query log and user feedback.

-- One question and its answer. A conversation is a chain of turns from a root turn (made by init-context);
-- any turn's response_id can be continued, which branches the conversation there.
CREATE TABLE iat_turns (
    response_id      text        PRIMARY KEY,
    company_id       bigint      NOT NULL REFERENCES iat_companies (id) ON DELETE CASCADE,
    user_identifier  text        NOT NULL,
    parent_id        text        NULL REFERENCES iat_turns (response_id) ON DELETE CASCADE,
    depth            integer     NOT NULL,
    question         text        NULL,
    answer           text        NULL,
    model            text        NULL,
    created_at       timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT iat_turns_depth_check CHECK (depth >= 0)
);

CREATE INDEX iat_turns_user_idx ON iat_turns (company_id, user_identifier, created_at DESC);
CREATE INDEX iat_turns_parent_idx ON iat_turns (parent_id);

-- Every llm_query, answered or not: who, which model, tokens, time, tool calls and outcome.
CREATE TABLE iat_queries (
    id                 bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    company_id         bigint      NOT NULL REFERENCES iat_companies (id) ON DELETE CASCADE,
    user_identifier    text        NOT NULL,
    response_id        text        NULL,
    model              text        NOT NULL,
    question           text        NOT NULL,
    prompt_name        text        NULL,
    answer             text        NULL,
    outcome            text        NOT NULL,
    error_message      text        NULL,
    prompt_tokens      integer     NOT NULL DEFAULT 0,
    completion_tokens  integer     NOT NULL DEFAULT 0,
    duration_ms        integer     NOT NULL,
    tool_calls         jsonb       NOT NULL DEFAULT '[]'::jsonb,
    created_at         timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX iat_queries_user_idx ON iat_queries (company_id, user_identifier, created_at DESC);
CREATE INDEX iat_queries_day_idx ON iat_queries (company_id, created_at);

CREATE TABLE iat_feedback (
    id               bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    company_id       bigint      NOT NULL REFERENCES iat_companies (id) ON DELETE CASCADE,
    user_identifier  text        NOT NULL,
    rating           integer     NOT NULL,
    message          text        NOT NULL,
    created_at       timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT iat_feedback_rating_check CHECK (rating BETWEEN 1 AND 5)
);

CREATE INDEX iat_feedback_company_idx ON iat_feedback (company_id, created_at DESC);
