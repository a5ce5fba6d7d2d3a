-- Grain: one row per stock/sector link in an article. Key: (load_id, article_id, ordinal).
CREATE TABLE IF NOT EXISTS staging.stock_mentions (
    load_id VARCHAR NOT NULL,
    document_id VARCHAR NOT NULL,
    article_id VARCHAR NOT NULL,
    ordinal INTEGER NOT NULL,
    code VARCHAR NOT NULL,
    market VARCHAR,
    name VARCHAR,
    kind VARCHAR NOT NULL,             -- stock | sector
    raw_code VARCHAR
);
