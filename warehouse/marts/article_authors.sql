-- Grain: one row per author credited on a current article. Key: (article_id, ordinal).
CREATE TABLE IF NOT EXISTS marts.article_authors (
    article_id VARCHAR NOT NULL,
    ordinal INTEGER NOT NULL,
    author_id VARCHAR NOT NULL,
    name VARCHAR NOT NULL,
    role VARCHAR,
    load_id VARCHAR NOT NULL
);
COMMENT ON TABLE marts.article_authors IS 'Bylines of current articles (grain: credit; key: article_id, ordinal).';
COMMENT ON COLUMN marts.article_authors.article_id IS 'marts.articles.article_id';
COMMENT ON COLUMN marts.article_authors.ordinal IS '1-based order of the credit in the byline';
COMMENT ON COLUMN marts.article_authors.author_id IS 'marts.authors.author_id: first 12 hex digits of md5(name)';
COMMENT ON COLUMN marts.article_authors.name IS 'Author name without role words';
COMMENT ON COLUMN marts.article_authors.role IS '记者, 通讯员, 摄影 ... when the byline says so';
COMMENT ON COLUMN marts.article_authors.load_id IS 'Load that published this row (ops.loads.load_id)';

-- @publish
DELETE FROM marts.article_authors WHERE article_id IN (SELECT article_id FROM retired_articles);
INSERT INTO marts.article_authors
SELECT article_id, ordinal, substr(md5(name), 1, 12), name, role, load_id
FROM staging.article_authors s
WHERE s.load_id = (SELECT load_id FROM publish_load)
  AND (s.document_id, s.article_id) IN (SELECT document_id, article_id FROM publish_articles);
