-- Grain: one row per entity mentioned in any current article. Key: entity_id.
-- A view: always consistent with the current articles, nothing to maintain at publish.
-- Columns:
--   entity_id: type:name, or stock:<code> / sector:<code>
--   name: Name; for stocks the link text seen most often
--   type: person, place, organization, stock or sector
--   n_articles: Current articles that mention the entity
--   n_mentions: Mentions over all current articles
CREATE OR REPLACE VIEW marts.entities AS
SELECT entity_id, mode(name) AS name, any_value(type) AS type,
       count(*)::INTEGER AS n_articles, sum(mention_count)::INTEGER AS n_mentions
FROM marts.article_entities
GROUP BY entity_id;
COMMENT ON VIEW marts.entities IS 'Entities across current articles (grain: entity; key: entity_id). Computed from marts.article_entities when queried.';
