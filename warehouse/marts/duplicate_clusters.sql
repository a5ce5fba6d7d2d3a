-- Grain: one row per article per duplicate cluster it belongs to. Key: (kind, article_id).
-- A view: always consistent with the current articles and pairs, nothing to maintain at publish.
-- Columns:
--   cluster_id: kind:<smallest article_id in the cluster> (kind:story_id for story clusters)
--   article_id: marts.articles.article_id
--   kind: exact, near or story
--   similarity: exact: 1; near: highest estimated Jaccard similarity to another member; story: NULL
CREATE OR REPLACE VIEW marts.duplicate_clusters AS
WITH RECURSIVE edges AS (
    SELECT article_a AS x, article_b AS y, exact FROM marts.duplicate_pairs
    UNION ALL
    SELECT article_b, article_a, exact FROM marts.duplicate_pairs),
near(node, label) USING KEY (node) AS (
    SELECT DISTINCT x, x FROM edges
    UNION
    SELECT e.y, min(l.label) FROM near l JOIN edges e ON e.x = l.node
    GROUP BY e.y
    HAVING min(l.label) < (SELECT r.label FROM recurring.near r WHERE r.node = e.y)),
exact(node, label) USING KEY (node) AS (
    SELECT DISTINCT x, x FROM edges WHERE exact
    UNION
    SELECT e.y, min(l.label) FROM exact l JOIN edges e ON e.x = l.node AND e.exact
    GROUP BY e.y
    HAVING min(l.label) < (SELECT r.label FROM recurring.exact r WHERE r.node = e.y)),
best AS (SELECT x AS node, max(similarity) AS similarity
         FROM (SELECT article_a AS x, similarity FROM marts.duplicate_pairs
               UNION ALL SELECT article_b, similarity FROM marts.duplicate_pairs)
         GROUP BY x)
SELECT 'near:' || n.label AS cluster_id, n.node AS article_id, 'near' AS kind, b.similarity
FROM near n JOIN best b USING (node)
UNION ALL
SELECT 'exact:' || x.label, x.node, 'exact', 1.0 FROM exact x
UNION ALL
SELECT 'story:' || story_id, article_id, 'story', NULL
FROM marts.articles
WHERE story_id IN (SELECT story_id FROM marts.articles WHERE story_id IS NOT NULL
                   GROUP BY story_id HAVING count(*) > 1);
COMMENT ON VIEW marts.duplicate_clusters IS 'Groups of current articles that tell the same thing (grain: article x kind; key: kind, article_id; only articles with at least one partner). exact = identical normalised text, near = connected components of marts.duplicate_pairs (exact pairs included), story = articles sharing a story_id. Computed when queried from marts.duplicate_pairs (connected components by min-label propagation: the work grows with the number of pairs) and a GROUP BY over marts.articles.';
