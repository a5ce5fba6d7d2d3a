-- Grain: one row per sentence of any paragraph. Key: (load_id, article_id, paragraph_ordinal, ordinal).
CREATE TABLE IF NOT EXISTS staging.sentences (
    load_id VARCHAR NOT NULL,
    document_id VARCHAR NOT NULL,
    article_id VARCHAR NOT NULL,
    paragraph_ordinal INTEGER NOT NULL,
    ordinal INTEGER NOT NULL,          -- 1-based, contiguous within the paragraph
    text VARCHAR NOT NULL,
    tokens VARCHAR[] NOT NULL          -- rjieba tokens; array_to_string(tokens, '') = text
);
