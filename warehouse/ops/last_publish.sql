-- Grain: exactly one row: the last load that committed to the lake. Key: none (one row).
-- Every publish updates this row in its transaction, so two loaders sharing one lake always
-- conflict when they publish at the same time (whatever the catalog database); the one that
-- loses retries on the new snapshot (zhnews.db.Warehouse.publish). Analysts read freshness here.
CREATE TABLE IF NOT EXISTS ops.last_publish (
    load_id VARCHAR,
    committed_at TIMESTAMPTZ
);
INSERT INTO ops.last_publish
SELECT NULL, NULL WHERE NOT EXISTS (SELECT 1 FROM ops.last_publish);
COMMENT ON TABLE ops.last_publish IS 'The last load that committed to the lake (grain: the lake, exactly one row; key: none). Every publish updates it, which serialises loaders sharing one lake';
COMMENT ON COLUMN ops.last_publish.load_id IS 'ops.loads.load_id of the last commit (NULL before the first)';
COMMENT ON COLUMN ops.last_publish.committed_at IS 'When that load committed';
