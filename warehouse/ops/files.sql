-- Grain: one row per source path seen. Key: source_path. The skip-unchanged registry.
CREATE TABLE IF NOT EXISTS ops.files (
    source_path VARCHAR NOT NULL,
    sha256 VARCHAR NOT NULL,
    bytes BIGINT NOT NULL,
    mtime_ns BIGINT,
    document_id VARCHAR NOT NULL,
    status VARCHAR NOT NULL,           -- published | partial | quarantined | held | unreadable
    load_id VARCHAR NOT NULL,
    updated_at TIMESTAMPTZ NOT NULL
);
COMMENT ON TABLE ops.files IS 'Last outcome per source path (grain: path; key: source_path). A file whose size, mtime and hash are unchanged is skipped; unreadable files (no hash) are remembered by size and mtime.';
