-- Grain: one row per file a worker could not read, decode, parse or segment in a load.
-- Key: (load_id, source_path). Moved to ops.quarantine when the load finishes.
CREATE TABLE IF NOT EXISTS staging.rejections (
    load_id VARCHAR NOT NULL,
    document_id VARCHAR,
    source_path VARCHAR NOT NULL,
    source VARCHAR NOT NULL,           -- name of the file's parent folder, as in staging.documents
    sha256 VARCHAR,
    bytes BIGINT,
    mtime_ns BIGINT,
    stage VARCHAR NOT NULL,
    reason VARCHAR NOT NULL,
    raw_bytes BLOB
);
