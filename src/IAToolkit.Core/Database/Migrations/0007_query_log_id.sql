-- The query log is written in batches off the request path (QueryLogWriter). Each row carries the id it was given
-- when the question ended, so a batch written twice (a writer that died after its INSERT, before it could say so)
-- adds nothing the second time. Rows written before this migration have none.

ALTER TABLE iat_queries ADD COLUMN log_id uuid NULL;

CREATE UNIQUE INDEX iat_queries_log_id_idx ON iat_queries (log_id);
