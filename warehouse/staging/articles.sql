-- Grain: one row per article parsed in a load. Key: (load_id, article_id).
CREATE TABLE IF NOT EXISTS staging.articles (
    load_id VARCHAR NOT NULL,
    document_id VARCHAR NOT NULL,
    article_id VARCHAR NOT NULL,       -- stable: from story_id when known, else source_path + ordinal
    source_path VARCHAR NOT NULL,
    sha256 VARCHAR NOT NULL,
    parser_version VARCHAR NOT NULL,
    ordinal INTEGER NOT NULL,          -- 1-based position in its document
    story_id VARCHAR,
    title VARCHAR,
    title_derived BOOLEAN NOT NULL,
    kicker VARCHAR,
    subtitle VARCHAR,
    authors VARCHAR[],
    byline_raw VARCHAR,
    editor VARCHAR,
    published_at TIMESTAMPTZ,
    published_at_source VARCHAR NOT NULL,  -- one of zhnews.parse.dates.SOURCES
    category VARCHAR,
    tags VARCHAR[],
    publisher VARCHAR,
    url VARCHAR,
    summary VARCHAR,
    body_text VARCHAR,                 -- body paragraphs joined by '\n'
    n_paragraphs INTEGER NOT NULL,     -- body paragraphs only
    n_sentences INTEGER NOT NULL,      -- sentences of body paragraphs
    n_tokens INTEGER NOT NULL,         -- tokens of body sentences
    flags VARCHAR[]
);
