-- Grain: one row per paragraph of a current article. Key: (article_id, ordinal).
CREATE TABLE IF NOT EXISTS marts.paragraphs (
    article_id VARCHAR NOT NULL,
    ordinal INTEGER NOT NULL,
    kind VARCHAR NOT NULL,
    text VARCHAR NOT NULL,
    load_id VARCHAR NOT NULL
);
COMMENT ON TABLE marts.paragraphs IS 'One row per paragraph of a current article (grain: paragraph; key: article_id, ordinal), in reading order.';
COMMENT ON COLUMN marts.paragraphs.ordinal IS '1-based, contiguous within the article';
COMMENT ON COLUMN marts.paragraphs.kind IS 'body, subhead (小标题) or caption (photo caption)';

-- @publish
DELETE FROM marts.paragraphs WHERE article_id IN (SELECT article_id FROM retired_articles);
-- @adopt staging.paragraphs by article
INSERT INTO marts.paragraphs
SELECT article_id, ordinal, kind, text, load_id
FROM staging.paragraphs s
SEMI JOIN publish_articles p ON p.document_id = s.document_id AND p.article_id = s.article_id
WHERE s.load_id = (SELECT load_id FROM publish_load)
  AND s.document_id NOT IN (SELECT document_id FROM adopted_documents);
