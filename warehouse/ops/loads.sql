-- Grain: one row per run of the ETL flow. Key: load_id.
CREATE TABLE IF NOT EXISTS ops.loads (
    load_id VARCHAR NOT NULL,
    flow_run_id VARCHAR,
    started_at TIMESTAMPTZ NOT NULL,
    finished_at TIMESTAMPTZ,
    status VARCHAR NOT NULL,           -- running | published | partial | failed | aborted | noop
    files_seen INTEGER DEFAULT 0,
    files_new INTEGER DEFAULT 0,       -- new or changed files read in this load
    files_unchanged INTEGER DEFAULT 0,
    files_quarantined INTEGER DEFAULT 0,
    documents_published INTEGER DEFAULT 0,
    articles_published INTEGER DEFAULT 0,
    articles_retired INTEGER DEFAULT 0,
    parser_version VARCHAR,
    message VARCHAR
);
COMMENT ON TABLE ops.loads IS 'One row per ETL run (grain: load; key: load_id). Rows of loads whose status is not published/partial never reach the marts.';
COMMENT ON COLUMN ops.loads.status IS 'running | published (all accepted) | partial (some documents quarantined) | failed (gate or error: nothing published) | aborted (process died; cleaned up by the next run) | noop (nothing new)';
COMMENT ON COLUMN ops.loads.files_new IS 'Files read in this load: new paths, changed files and retried ones';
