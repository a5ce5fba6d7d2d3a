-- Grain: one row per file version read in a load (before the gate). Key: (load_id, document_id).
CREATE TABLE IF NOT EXISTS staging.documents (
    load_id VARCHAR NOT NULL,
    document_id VARCHAR NOT NULL,      -- sha256(source_path NUL sha256)[:16]
    source_path VARCHAR NOT NULL,
    source VARCHAR NOT NULL,           -- name of the file's parent folder: the feed/site (gate)
    sha256 VARCHAR NOT NULL,
    bytes BIGINT NOT NULL,
    mtime_ns BIGINT,
    encoding VARCHAR NOT NULL,
    format VARCHAR NOT NULL,
    content VARCHAR NOT NULL,
    parser_version VARCHAR NOT NULL,
    n_articles INTEGER NOT NULL,
    warnings VARCHAR[],
    ingested_at TIMESTAMPTZ NOT NULL   -- when the worker read the file (raw.documents.ingested_at)
);
