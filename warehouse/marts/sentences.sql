-- Grain: one row per sentence of a current article. Key: (article_id, paragraph_ordinal, ordinal).
CREATE TABLE IF NOT EXISTS marts.sentences (
    article_id VARCHAR NOT NULL,
    paragraph_ordinal INTEGER NOT NULL,
    ordinal INTEGER NOT NULL,
    text VARCHAR NOT NULL,
    tokens VARCHAR[] NOT NULL,
    load_id VARCHAR NOT NULL
);
COMMENT ON TABLE marts.sentences IS 'One row per sentence of any paragraph of a current article (grain: sentence; key: article_id, paragraph_ordinal, ordinal).';
COMMENT ON COLUMN marts.sentences.ordinal IS '1-based, contiguous within the paragraph';
COMMENT ON COLUMN marts.sentences.tokens IS 'Words from rjieba; array_to_string(tokens, '''') = text';

-- @publish
DELETE FROM marts.sentences WHERE article_id IN (SELECT article_id FROM retired_articles);
-- @adopt staging.sentences by article
INSERT INTO marts.sentences
SELECT article_id, paragraph_ordinal, ordinal, text, tokens, load_id
FROM staging.sentences s
SEMI JOIN publish_articles p ON p.document_id = s.document_id AND p.article_id = s.article_id
WHERE s.load_id = (SELECT load_id FROM publish_load)
  AND s.document_id NOT IN (SELECT document_id FROM adopted_documents);
