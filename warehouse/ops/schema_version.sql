-- Grain: one row per warehouse schema (DDL) version applied to this lake. Key: ddl_hash.
-- zhnews runs the lake's DDL only when the hash of warehouse/{raw,marts,ops}/*.sql DDL is not
-- here, so an ordinary load adds no catalog snapshot for it.
CREATE TABLE IF NOT EXISTS ops.schema_version (
    ddl_hash VARCHAR NOT NULL,
    parser_version VARCHAR NOT NULL,
    applied_at TIMESTAMPTZ NOT NULL
);
COMMENT ON TABLE ops.schema_version IS 'Schema (DDL) versions applied to this warehouse (grain: DDL version; key: ddl_hash).';
COMMENT ON COLUMN ops.schema_version.ddl_hash IS 'First 16 hex digits of sha256 over the DDL of warehouse/raw, marts and ops';
COMMENT ON COLUMN ops.schema_version.parser_version IS 'zhnews parser version that applied it';
COMMENT ON COLUMN ops.schema_version.applied_at IS 'When it was applied';
