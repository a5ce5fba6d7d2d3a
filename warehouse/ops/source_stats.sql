-- Grain: one row per load x source (the parent folder of a document's file). Key: (load_id, source).
-- Written at publish for every load the gate decided (publish, partial, held; not fail), from
-- zhnews.gate.source_rows(report). The gate's per-source baseline is read from the last loads
-- of a source that were not held (zhnews.gate.source_history).
CREATE TABLE IF NOT EXISTS ops.source_stats (
    load_id VARCHAR NOT NULL,
    source VARCHAR NOT NULL,
    documents INTEGER NOT NULL,
    rejected INTEGER NOT NULL,
    held BOOLEAN NOT NULL,
    baseline_share DOUBLE,
    allowed_rejected INTEGER,
    decided_at TIMESTAMPTZ NOT NULL
);
COMMENT ON TABLE ops.source_stats IS 'Per-source outcome of each gated load (grain: load x source; key: load_id, source): the history the quality gate compares a source with.';
COMMENT ON COLUMN ops.source_stats.source IS 'Name of the folder the files came from (one feed or site per folder)';
COMMENT ON COLUMN ops.source_stats.documents IS 'Files of this source read in the load: staged documents plus files refused while reading, decoding or parsing';
COMMENT ON COLUMN ops.source_stats.rejected IS 'Of those, documents not published: refused before the gate or rejected by a critical row expectation (each counted once). Held documents are not counted here';
COMMENT ON COLUMN ops.source_stats.held IS 'True when the gate held the source: none of its documents published in this load. Held loads never enter the baseline';
COMMENT ON COLUMN ops.source_stats.baseline_share IS 'The rejected share the gate expected from this source (mean of its prior and recent history)';
COMMENT ON COLUMN ops.source_stats.allowed_rejected IS 'Most rejected documents the gate would have accepted from this source at this load''s size';
COMMENT ON COLUMN ops.source_stats.decided_at IS 'When the gate decided';
