-- Grain: one row per article per duplicate cluster it belongs to. Key: (kind, article_id).
CREATE TABLE IF NOT EXISTS marts.duplicate_clusters (
    cluster_id VARCHAR NOT NULL,
    article_id VARCHAR NOT NULL,
    kind VARCHAR NOT NULL,
    similarity DOUBLE,
    PRIMARY KEY (kind, article_id)
);
COMMENT ON TABLE marts.duplicate_clusters IS 'Groups of current articles that tell the same thing (grain: article x kind; key: kind, article_id; only articles with at least one partner). exact = identical normalised text, near = connected components of marts.duplicate_pairs (exact pairs included), story = articles sharing a story_id. Recomputed at publish from marts.duplicate_pairs (small) and a GROUP BY over marts.articles.';
COMMENT ON COLUMN marts.duplicate_clusters.cluster_id IS 'kind:<smallest article_id in the cluster> (kind:story_id for story clusters)';
COMMENT ON COLUMN marts.duplicate_clusters.article_id IS 'marts.articles.article_id';
COMMENT ON COLUMN marts.duplicate_clusters.kind IS 'exact, near or story';
COMMENT ON COLUMN marts.duplicate_clusters.similarity IS 'exact: 1; near: highest estimated Jaccard similarity to another member; story: NULL';

-- @publish
DELETE FROM marts.duplicate_clusters;
INSERT INTO marts.duplicate_clusters
WITH RECURSIVE edges AS (
    SELECT article_a AS x, article_b AS y, exact FROM marts.duplicate_pairs
    UNION ALL
    SELECT article_b, article_a, exact FROM marts.duplicate_pairs),
reach(kind, node, other) AS (
    SELECT DISTINCT 'near', x, x FROM edges
    UNION
    SELECT DISTINCT 'exact', x, x FROM edges WHERE exact
    UNION
    SELECT r.kind, r.node, e.y FROM reach r JOIN edges e ON e.x = r.other
    WHERE r.kind = 'near' OR e.exact),
components AS (SELECT kind, node, min(other) AS root FROM reach GROUP BY kind, node)
SELECT c.kind || ':' || c.root, c.node, c.kind,
       CASE WHEN c.kind = 'exact' THEN 1.0
            ELSE (SELECT max(similarity) FROM marts.duplicate_pairs p
                  WHERE p.article_a = c.node OR p.article_b = c.node) END
FROM components c;
INSERT INTO marts.duplicate_clusters
SELECT 'story:' || story_id, article_id, 'story', NULL
FROM marts.articles
WHERE story_id IN (SELECT story_id FROM marts.articles WHERE story_id IS NOT NULL
                   GROUP BY story_id HAVING count(*) > 1);
