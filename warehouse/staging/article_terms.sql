-- Grain: one row per distinct keyword-worthy term of an article. Key: (load_id, article_id, term).
CREATE TABLE IF NOT EXISTS staging.article_terms (
    load_id VARCHAR NOT NULL,
    document_id VARCHAR NOT NULL,
    article_id VARCHAR NOT NULL,
    term VARCHAR NOT NULL,             -- a token of 2+ characters, not a stop word, not a number
    tf INTEGER NOT NULL                -- occurrences in the article's sentences
);
