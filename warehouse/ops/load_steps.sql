-- Grain: one row per timed step of a load. Key: (load_id, step).
-- Written in the load's publish transaction (also when the gate failed), so a load that
-- published nothing still says where its time went.
CREATE TABLE IF NOT EXISTS ops.load_steps (
    load_id VARCHAR NOT NULL,
    step VARCHAR NOT NULL,
    seconds DOUBLE NOT NULL
);
COMMENT ON TABLE ops.load_steps IS 'Wall time per step of a load (grain: load x step; key: load_id, step): discover, parse and stage, quality gate, publish (total) and "publish <schema>/<table>" for each table''s publish SQL.';
COMMENT ON COLUMN ops.load_steps.load_id IS 'ops.loads.load_id';
COMMENT ON COLUMN ops.load_steps.step IS 'discover | parse and stage | quality gate | publish | publish <schema>/<table>';
COMMENT ON COLUMN ops.load_steps.seconds IS 'Wall-clock seconds the step took';
