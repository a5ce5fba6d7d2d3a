-- Grain: one row per distinct term of a current article. Key: (article_id, term).
CREATE TABLE IF NOT EXISTS marts.article_terms (
    article_id VARCHAR NOT NULL,
    term VARCHAR NOT NULL,
    tf INTEGER NOT NULL,
    load_id VARCHAR NOT NULL
);
COMMENT ON TABLE marts.article_terms IS 'Term frequencies of current articles (grain: article x term; key: article_id, term); the input of marts.term_df and marts.keywords.';
COMMENT ON COLUMN marts.article_terms.article_id IS 'marts.articles.article_id';
COMMENT ON COLUMN marts.article_terms.term IS 'Token of 2+ characters, not a stop word or number; Latin words upper-cased';
COMMENT ON COLUMN marts.article_terms.tf IS 'Occurrences in the article''s sentences (body, subheads and captions)';
COMMENT ON COLUMN marts.article_terms.load_id IS 'Load that published this row (ops.loads.load_id)';

-- @publish
DELETE FROM marts.article_terms WHERE article_id IN (SELECT article_id FROM retired_articles);
-- @adopt staging.article_terms by article
INSERT INTO marts.article_terms
SELECT article_id, term, tf, load_id
FROM staging.article_terms s
WHERE s.load_id = (SELECT load_id FROM publish_load)
  AND (s.document_id, s.article_id) IN (SELECT document_id, article_id FROM publish_articles)
  AND s.document_id NOT IN (SELECT document_id FROM adopted_documents);
