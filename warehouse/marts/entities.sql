-- Grain: one row per entity mentioned in any current article. Key: entity_id.
CREATE TABLE IF NOT EXISTS marts.entities (
    entity_id VARCHAR PRIMARY KEY,
    name VARCHAR NOT NULL,
    type VARCHAR NOT NULL,
    n_articles INTEGER NOT NULL,
    n_mentions INTEGER NOT NULL
);
COMMENT ON TABLE marts.entities IS 'Entities across current articles (grain: entity; key: entity_id). Recomputed from marts.article_entities at each publish (one GROUP BY).';
COMMENT ON COLUMN marts.entities.entity_id IS 'type:name, or stock:<code> / sector:<code>';
COMMENT ON COLUMN marts.entities.name IS 'Name; for stocks the link text seen most often';
COMMENT ON COLUMN marts.entities.type IS 'person, place, organization, stock or sector';
COMMENT ON COLUMN marts.entities.n_articles IS 'Current articles that mention the entity';
COMMENT ON COLUMN marts.entities.n_mentions IS 'Mentions over all current articles';

-- @publish
DELETE FROM marts.entities;
INSERT INTO marts.entities
SELECT entity_id, mode(name) AS name, any_value(type) AS type,
       count(*)::INTEGER AS n_articles, sum(mention_count)::INTEGER AS n_mentions
FROM marts.article_entities
GROUP BY entity_id;
