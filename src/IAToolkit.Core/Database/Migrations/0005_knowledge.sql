-- The knowledge base: the documents loaded from a company's document sources, and their chunks with an embedding
-- and a full-text vector for hybrid search.
--
-- iat_chunks.embedding has no fixed dimension: each company's embedding model fixes its own. The vector index is
-- therefore not created here but by KnowledgeStore at run time, one per company: a partial HNSW index on the cast
-- to that company's dimension,
--   CREATE INDEX iat_chunks_hnsw_c<company id>_d<dimensions> ON iat_chunks
--       USING hnsw ((embedding::vector(<dimensions>)) vector_cosine_ops) WHERE company_id = <company id>
-- so that one tenant's data never degrades another's recall or speed (docs/performance.md).

CREATE TABLE iat_documents (
    id            bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    company_id    bigint      NOT NULL REFERENCES iat_companies (id) ON DELETE CASCADE,
    source        text        NOT NULL,
    path          text        NOT NULL,
    file_name     text        NOT NULL,
    content_hash  bytea       NOT NULL,
    metadata      jsonb       NOT NULL DEFAULT '{}'::jsonb,
    pages         integer     NOT NULL DEFAULT 0,
    chunk_count   integer     NOT NULL DEFAULT 0,
    created_at    timestamptz NOT NULL DEFAULT now(),
    updated_at    timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT iat_documents_path_key UNIQUE (company_id, source, path),
    -- The target of the chunks' foreign key, which makes a chunk's company its document's company.
    CONSTRAINT iat_documents_id_company_key UNIQUE (id, company_id),
    CONSTRAINT iat_documents_content_hash_check CHECK (octet_length(content_hash) = 32),
    CONSTRAINT iat_documents_metadata_check CHECK (jsonb_typeof(metadata) = 'object'),
    CONSTRAINT iat_documents_counts_check CHECK (pages >= 0 AND chunk_count >= 0)
);

CREATE TABLE iat_chunks (
    id           bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    company_id   bigint      NOT NULL,
    document_id  bigint      NOT NULL,
    chunk_index  integer     NOT NULL,
    page         integer     NOT NULL,
    text         text        NOT NULL,
    -- The document's metadata, copied so that a metadata filter needs no join.
    metadata     jsonb       NOT NULL DEFAULT '{}'::jsonb,
    embedding    vector      NOT NULL,
    tsv          tsvector    NOT NULL,
    created_at   timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT iat_chunks_document_fkey FOREIGN KEY (document_id, company_id)
        REFERENCES iat_documents (id, company_id) ON DELETE CASCADE,
    -- Also the index behind deleting a document's chunks.
    CONSTRAINT iat_chunks_document_chunk_key UNIQUE (document_id, chunk_index)
);

CREATE INDEX iat_chunks_company_idx ON iat_chunks (company_id);
CREATE INDEX iat_chunks_tsv_idx ON iat_chunks USING gin (tsv);
-- A search with a narrow metadata filter compares exactly the chunks that match it, found here.
CREATE INDEX iat_chunks_metadata_idx ON iat_chunks USING gin (metadata jsonb_path_ops);
