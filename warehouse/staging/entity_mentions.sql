-- Grain: one row per entity mention found in an article (bylines included). Key: (load_id, article_id, paragraph_ordinal, sentence_ordinal, start).
CREATE TABLE IF NOT EXISTS staging.entity_mentions (
    load_id VARCHAR NOT NULL,
    document_id VARCHAR NOT NULL,
    article_id VARCHAR NOT NULL,
    paragraph_ordinal INTEGER,         -- NULL for byline authors
    sentence_ordinal INTEGER,          -- NULL for byline authors
    start INTEGER,                     -- character offset in the sentence (author ordinal - 1 for bylines)
    name VARCHAR NOT NULL,
    type VARCHAR NOT NULL,             -- person | place | organization
    role VARCHAR,                      -- title before a person (总经理), byline role (记者, 作者)
    source VARCHAR NOT NULL            -- rule | pos | dictionary | recurrence | byline
);
