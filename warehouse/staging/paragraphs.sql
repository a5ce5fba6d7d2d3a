-- Grain: one row per paragraph (body, subhead or caption). Key: (load_id, article_id, ordinal).
CREATE TABLE IF NOT EXISTS staging.paragraphs (
    load_id VARCHAR NOT NULL,
    document_id VARCHAR NOT NULL,
    article_id VARCHAR NOT NULL,
    ordinal INTEGER NOT NULL,          -- 1-based, contiguous within the article, in reading order
    kind VARCHAR NOT NULL,             -- body | subhead | caption
    text VARCHAR NOT NULL
);
