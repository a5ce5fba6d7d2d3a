-- Grain: one row per entity per current article. Key: (article_id, entity_id).
CREATE TABLE IF NOT EXISTS marts.article_entities (
    article_id VARCHAR NOT NULL,
    entity_id VARCHAR NOT NULL,
    name VARCHAR NOT NULL,
    type VARCHAR NOT NULL,
    role VARCHAR,
    mention_count INTEGER NOT NULL,
    first_paragraph_ordinal INTEGER,
    first_sentence_ordinal INTEGER,
    load_id VARCHAR NOT NULL
);
COMMENT ON TABLE marts.article_entities IS 'Entities mentioned in a current article (grain: article x entity; key: article_id, entity_id). Persons, places and organisations from text rules and bylines; stocks and sectors from stock links.';
COMMENT ON COLUMN marts.article_entities.article_id IS 'marts.articles.article_id';
COMMENT ON COLUMN marts.article_entities.entity_id IS 'type:name (person:付言祥, organization:阿里巴巴集团); stock:<code> or sector:<code> for stock links; key of marts.entities';
COMMENT ON COLUMN marts.article_entities.name IS 'Name as written (places without a trailing 市/省); for stocks the link text';
COMMENT ON COLUMN marts.article_entities.type IS 'person, place, organization, stock or sector';
COMMENT ON COLUMN marts.article_entities.role IS 'First role seen in the article: title before a person (总经理), byline role (记者, 作者); NULL otherwise';
COMMENT ON COLUMN marts.article_entities.mention_count IS 'Mentions in the article (byline credits count once)';
COMMENT ON COLUMN marts.article_entities.first_paragraph_ordinal IS 'Paragraph of the first mention (marts.paragraphs.ordinal); NULL when only in the byline or a stock link';
COMMENT ON COLUMN marts.article_entities.first_sentence_ordinal IS 'Sentence of the first mention within that paragraph (marts.sentences.ordinal)';
COMMENT ON COLUMN marts.article_entities.load_id IS 'Load that published this row (ops.loads.load_id)';

-- @publish
DELETE FROM marts.article_entities WHERE article_id IN (SELECT article_id FROM retired_articles);
INSERT INTO marts.article_entities
SELECT article_id, type || ':' || name AS entity_id, name, type,
       arg_min(role, coalesce(paragraph_ordinal, 0) * 100000 + coalesce(sentence_ordinal, 0) * 1000 + coalesce(start, 0))
           FILTER (WHERE role IS NOT NULL) AS role,
       count(*)::INTEGER AS mention_count,
       min(paragraph_ordinal) AS first_paragraph_ordinal,
       arg_min(sentence_ordinal, paragraph_ordinal * 100000 + sentence_ordinal) AS first_sentence_ordinal,
       any_value(load_id) AS load_id
FROM staging.entity_mentions s
WHERE s.load_id = (SELECT load_id FROM publish_load)
  AND (s.document_id, s.article_id) IN (SELECT document_id, article_id FROM publish_articles)
GROUP BY article_id, type, name
UNION ALL
SELECT article_id, kind || ':' || code AS entity_id, arg_min(coalesce(name, code), ordinal) AS name, kind AS type,
       NULL AS role, count(*)::INTEGER, NULL, NULL, any_value(load_id)
FROM staging.stock_mentions s
WHERE s.load_id = (SELECT load_id FROM publish_load)
  AND (s.document_id, s.article_id) IN (SELECT document_id, article_id FROM publish_articles)
GROUP BY article_id, kind, code;
