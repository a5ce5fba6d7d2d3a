-- Grain: one row per author credited on an article. Key: (load_id, article_id, ordinal).
CREATE TABLE IF NOT EXISTS staging.article_authors (
    load_id VARCHAR NOT NULL,
    document_id VARCHAR NOT NULL,
    article_id VARCHAR NOT NULL,
    ordinal INTEGER NOT NULL,
    name VARCHAR NOT NULL,
    role VARCHAR
);
