-- Grain: one row per expectation checked by the quality gate for a load (passing ones too).
-- Key: (load_id, expectation); expectation names are unique and start with the suite name.
-- Re-gating a load replaces its rows (the backbone deletes the load's rows before inserting).
CREATE TABLE IF NOT EXISTS ops.dq_results (
    load_id VARCHAR NOT NULL,
    suite VARCHAR NOT NULL,
    expectation VARCHAR NOT NULL,
    column_name VARCHAR,
    severity VARCHAR NOT NULL,
    scope VARCHAR NOT NULL,
    success BOOLEAN NOT NULL,
    unexpected_count BIGINT,
    unexpected_sample VARCHAR[],
    observed_value VARCHAR,
    checked_at TIMESTAMPTZ NOT NULL
);
COMMENT ON TABLE ops.dq_results IS 'Quality-gate results: one row per expectation checked for a load. Key: (load_id, expectation).';
COMMENT ON COLUMN ops.dq_results.load_id IS 'The load whose staging rows were checked (ops.loads.load_id).';
COMMENT ON COLUMN ops.dq_results.suite IS 'Suite name = file name in expectations/ (one per staging table).';
COMMENT ON COLUMN ops.dq_results.expectation IS 'Stable name: <suite>.<gx type>(<column>) or <suite>.<meta.name>; ops.quarantine reasons use the same name.';
COMMENT ON COLUMN ops.dq_results.column_name IS 'Column checked (comma-separated for multi-column expectations); NULL for table-wide ones.';
COMMENT ON COLUMN ops.dq_results.severity IS 'critical (can reject documents or fail the load) or warning (recorded only).';
COMMENT ON COLUMN ops.dq_results.scope IS 'row (failing rows quarantine their documents) or table (failure stops the whole load).';
COMMENT ON COLUMN ops.dq_results.success IS 'Whether the expectation held (GX success, false also when it could not be evaluated).';
COMMENT ON COLUMN ops.dq_results.unexpected_count IS 'Number of failing rows for row-wise expectations; NULL for aggregate ones.';
COMMENT ON COLUMN ops.dq_results.unexpected_sample IS 'Up to 10 failing rows as "key=value, ...: offending value", or the observed aggregate.';
COMMENT ON COLUMN ops.dq_results.observed_value IS 'GX observed value for aggregates, "n of m rows unexpected" for row-wise ones, or "error: ..." when evaluation failed.';
COMMENT ON COLUMN ops.dq_results.checked_at IS 'When the gate ran.';
