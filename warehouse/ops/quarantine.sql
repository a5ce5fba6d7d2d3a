-- Grain: one row per rejected file version and reason. Key: (load_id, source_path, reason).
CREATE TABLE IF NOT EXISTS ops.quarantine (
    load_id VARCHAR NOT NULL,
    source_path VARCHAR NOT NULL,
    document_id VARCHAR,
    sha256 VARCHAR,
    source VARCHAR,                    -- the file's parent folder (see the quality gate)
    stage VARCHAR NOT NULL,            -- read | decode | parse | segment | gate | held
    reason VARCHAR NOT NULL,
    expectations VARCHAR[],            -- for stage = gate: the expectations that rejected it
    articles VARCHAR[],                -- article ids quarantined from a partly published document
    raw_bytes BLOB,                    -- the file's bytes, so nothing is lost
    quarantined_at TIMESTAMPTZ NOT NULL,
    retried_by_load_id VARCHAR         -- set when a later load took the file again
);
COMMENT ON TABLE ops.quarantine IS 'What could not be loaded and why (grain: rejected file version per load). raw_bytes keeps the bytes.';
COMMENT ON COLUMN ops.quarantine.stage IS 'Stage that kept the document out: read, decode, parse, segment, gate (a quality expectation) or held (its source was held by the gate; kept for zhnews retry)';
COMMENT ON COLUMN ops.quarantine.source IS 'Source of the document (its file''s parent folder), the unit of the gate''s hold decision';
COMMENT ON COLUMN ops.quarantine.articles IS 'For a partly published document: the article ids kept out (their siblings published); NULL when the whole document was kept out';
COMMENT ON COLUMN ops.quarantine.expectations IS 'For gate rejections, the names of the failing expectations';
