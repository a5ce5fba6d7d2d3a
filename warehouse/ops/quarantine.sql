-- Grain: one row per rejected file version and reason. Key: (load_id, source_path, reason).
CREATE TABLE IF NOT EXISTS ops.quarantine (
    load_id VARCHAR NOT NULL,
    source_path VARCHAR NOT NULL,
    document_id VARCHAR,
    sha256 VARCHAR,
    stage VARCHAR NOT NULL,            -- read | decode | parse | segment | gate
    reason VARCHAR NOT NULL,
    expectations VARCHAR[],            -- for stage = gate: the expectations that rejected it
    raw_bytes BLOB,                    -- the file's bytes, so nothing is lost
    quarantined_at TIMESTAMPTZ NOT NULL,
    retried_by_load_id VARCHAR         -- set when a later load took the file again
);
COMMENT ON TABLE ops.quarantine IS 'What could not be loaded and why (grain: rejected file version per load). raw_bytes keeps the bytes.';
COMMENT ON COLUMN ops.quarantine.stage IS 'Stage that rejected the file: read, decode, parse, segment or gate';
COMMENT ON COLUMN ops.quarantine.expectations IS 'For gate rejections, the names of the failing expectations';
