-- Grain: one row per run of the ETL flow. Key: load_id.
CREATE TABLE IF NOT EXISTS ops.loads (
    load_id VARCHAR NOT NULL,
    flow_run_id VARCHAR,
    started_at TIMESTAMPTZ NOT NULL,
    finished_at TIMESTAMPTZ,
    status VARCHAR NOT NULL,           -- running | published | partial | held | failed | aborted | noop
    files_seen INTEGER DEFAULT 0,
    files_new INTEGER DEFAULT 0,       -- new or changed files read in this load
    files_unchanged INTEGER DEFAULT 0,
    files_quarantined INTEGER DEFAULT 0,
    documents_published INTEGER DEFAULT 0,
    articles_published INTEGER DEFAULT 0,
    articles_retired INTEGER DEFAULT 0,
    documents_held INTEGER DEFAULT 0,  -- documents of sources the gate held (kept for retry)
    articles_quarantined INTEGER DEFAULT 0, -- articles kept out of partly published documents
    parser_version VARCHAR,
    message VARCHAR
);
COMMENT ON TABLE ops.loads IS 'One row per run, whatever its outcome, committed as soon as it starts and when it ends (grain: load; key: load_id). Only published, partial and held loads add rows to the marts.';
COMMENT ON COLUMN ops.loads.status IS 'running | published (all accepted) | partial (some documents or articles quarantined) | held (one or more sources held by the gate, the others published; exit code 4) | failed (table-level gate failure or error: nothing published) | aborted (process died; cleaned up by the next run) | noop (nothing new)';
COMMENT ON COLUMN ops.loads.documents_held IS 'Documents of held sources, kept out of this load for zhnews retry';
COMMENT ON COLUMN ops.loads.articles_quarantined IS 'Articles kept out of partly published documents (their siblings published)';
COMMENT ON COLUMN ops.loads.files_new IS 'Files read in this load: new paths, changed files and retried ones';
