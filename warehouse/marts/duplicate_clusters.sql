-- Grain: one row per article per duplicate cluster it belongs to. Key: (kind, article_id).
-- Columns: see the COMMENT ON COLUMN statements below.
--
-- A table maintained at publish, no longer a view: connected components over all pairs cost
-- seconds per query at 100,000 articles and grow with the warehouse, while a load changes only
-- the components it touches. The publish part recomputes exactly those (see below), so the
-- table always equals a whole-warehouse computation (tests/test_duplicate_clusters.py).
--
-- Lakes made when this was a view: ensure_schema drops the view before this CREATE TABLE
-- (DuckDB's DROP VIEW IF EXISTS fails once a table holds the name, so a SQL file cannot do it
-- itself), and the backfill below fills the new table once.
CREATE TABLE IF NOT EXISTS marts.duplicate_clusters (
    cluster_id VARCHAR NOT NULL,
    article_id VARCHAR NOT NULL,
    kind VARCHAR NOT NULL,
    similarity DOUBLE
);
COMMENT ON TABLE marts.duplicate_clusters IS 'Groups of current articles that tell the same thing (grain: article x kind; key: kind, article_id; only articles with at least one partner). exact = identical normalised text, near = connected components of marts.duplicate_pairs (exact pairs included), story = articles sharing a story_id. Maintained at publish: only the clusters that contain a retired article or an article of a pair the load found (and the story ids it published or retired) are recomputed, so a cluster that lost its bridge splits and an article that lost all partners drops out.';
COMMENT ON COLUMN marts.duplicate_clusters.cluster_id IS 'kind:<smallest article_id in the cluster> for exact and near, story:<story_id> for story; a cluster that splits or loses its smallest member gets a new id';
COMMENT ON COLUMN marts.duplicate_clusters.article_id IS 'A member (marts.articles.article_id)';
COMMENT ON COLUMN marts.duplicate_clusters.kind IS 'exact (same normalised text), near (connected through marts.duplicate_pairs) or story (same story_id)';
COMMENT ON COLUMN marts.duplicate_clusters.similarity IS 'exact: 1; near: highest estimated Jaccard similarity to a partner in marts.duplicate_pairs; story: NULL';
-- Backfill: a new (or emptied) table gets every cluster of the warehouse, once. An empty
-- table with pairs or shared story ids in the lake can only be one that was just created;
-- otherwise dup_nodes and dup_stories are empty and nothing is inserted. The two INSERTs are
-- the publish part's, word for word, over all articles instead of the load's.
CREATE OR REPLACE TEMP TABLE dup_nodes AS
SELECT article_a AS article_id FROM marts.duplicate_pairs
WHERE NOT EXISTS (SELECT 1 FROM marts.duplicate_clusters)
UNION
SELECT article_b FROM marts.duplicate_pairs
WHERE NOT EXISTS (SELECT 1 FROM marts.duplicate_clusters);
CREATE OR REPLACE TEMP TABLE dup_stories AS
SELECT DISTINCT story_id FROM marts.articles
WHERE story_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM marts.duplicate_clusters);
-- Components over dense integer ids (dup_index: the nodes numbered in article_id order, so the
-- smallest number of a component is its smallest article_id and the labels are those of a
-- string recursion). The recursion then joins and groups 4-byte keys instead of 16-character
-- strings: at 100,000 new articles (1.2 million pairs) the string form spilled ~200 MB beside
-- the publish transaction and took twice as long.
CREATE OR REPLACE TEMP TABLE dup_index AS
SELECT article_id, (row_number() OVER (ORDER BY article_id))::INTEGER AS n FROM dup_nodes;
CREATE OR REPLACE TEMP TABLE dup_edges AS
SELECT a.n AS x, b.n AS y, p.similarity, p.exact
FROM marts.duplicate_pairs p
JOIN dup_index a ON a.article_id = p.article_a
JOIN dup_index b ON b.article_id = p.article_b;
INSERT INTO marts.duplicate_clusters
WITH RECURSIVE edges AS (
    SELECT x, y, exact FROM dup_edges
    UNION ALL
    SELECT y, x, exact FROM dup_edges),
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
         FROM (SELECT x, similarity FROM dup_edges
               UNION ALL SELECT y, similarity FROM dup_edges)
         GROUP BY x),
labelled AS (
    SELECT n.node, n.label, 'near' AS kind, b.similarity FROM near n JOIN best b USING (node)
    UNION ALL
    SELECT node, label, 'exact', 1.0 FROM exact)
SELECT l.kind || ':' || c.article_id, m.article_id, l.kind, l.similarity
FROM labelled l
JOIN dup_index m ON m.n = l.node
JOIN dup_index c ON c.n = l.label;
INSERT INTO marts.duplicate_clusters
SELECT 'story:' || story_id, article_id, 'story', NULL
FROM marts.articles
WHERE story_id IN (SELECT story_id FROM dup_stories)
QUALIFY count(*) OVER (PARTITION BY story_id) > 1;
DROP TABLE dup_nodes;
DROP TABLE dup_stories;
DROP TABLE dup_index;
DROP TABLE dup_edges;

-- @publish
-- Which clusters this load can change: those holding a retired article (its old pairs are
-- gone) or an end of a pair the load found (duplicate_pairs ran before this file), and the
-- story clusters of the story ids published or retired.
CREATE OR REPLACE TEMP TABLE dup_touched AS
SELECT article_id FROM retired_articles
UNION
SELECT article_a FROM marts.duplicate_pairs WHERE load_id = (SELECT load_id FROM publish_load)
UNION
SELECT article_b FROM marts.duplicate_pairs WHERE load_id = (SELECT load_id FROM publish_load);
-- The nodes to recompute: the touched articles and every member of their near clusters as
-- the table holds them before this load. Any current pair with one end among them has the
-- other end there too (an old pair joins one old component, a new pair has both ends
-- touched), so the components recomputed over the pairs of these nodes are exactly the
-- warehouse's. Exact clusters lie inside near clusters and follow them.
CREATE OR REPLACE TEMP TABLE dup_nodes AS
SELECT article_id FROM dup_touched
UNION
SELECT c.article_id FROM marts.duplicate_clusters c
WHERE c.kind = 'near'
  AND c.cluster_id IN (SELECT cluster_id FROM marts.duplicate_clusters
                       WHERE kind = 'near' AND article_id IN (SELECT article_id FROM dup_touched));
-- Story ids: from marts.articles for what this load published (marts.articles ran before this
-- file), from this table's own story clusters for what it retired (their rows are gone from
-- marts.articles by now).
CREATE OR REPLACE TEMP TABLE dup_stories AS
SELECT story_id FROM marts.articles
WHERE story_id IS NOT NULL AND article_id IN (SELECT article_id FROM publish_articles)
UNION
SELECT substr(cluster_id, length('story:') + 1) FROM marts.duplicate_clusters
WHERE kind = 'story' AND article_id IN (SELECT article_id FROM retired_articles);
DELETE FROM marts.duplicate_clusters
WHERE (kind IN ('near', 'exact') AND article_id IN (SELECT article_id FROM dup_nodes))
   OR (kind = 'story' AND cluster_id IN (SELECT 'story:' || story_id FROM dup_stories));
-- Components over dense integer ids (dup_index: the nodes numbered in article_id order, so the
-- smallest number of a component is its smallest article_id and the labels are those of a
-- string recursion). The recursion then joins and groups 4-byte keys instead of 16-character
-- strings: at 100,000 new articles (1.2 million pairs) the string form spilled ~200 MB beside
-- the publish transaction and took twice as long.
CREATE OR REPLACE TEMP TABLE dup_index AS
SELECT article_id, (row_number() OVER (ORDER BY article_id))::INTEGER AS n FROM dup_nodes;
CREATE OR REPLACE TEMP TABLE dup_edges AS
SELECT a.n AS x, b.n AS y, p.similarity, p.exact
FROM marts.duplicate_pairs p
JOIN dup_index a ON a.article_id = p.article_a
JOIN dup_index b ON b.article_id = p.article_b;
INSERT INTO marts.duplicate_clusters
WITH RECURSIVE edges AS (
    SELECT x, y, exact FROM dup_edges
    UNION ALL
    SELECT y, x, exact FROM dup_edges),
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
         FROM (SELECT x, similarity FROM dup_edges
               UNION ALL SELECT y, similarity FROM dup_edges)
         GROUP BY x),
labelled AS (
    SELECT n.node, n.label, 'near' AS kind, b.similarity FROM near n JOIN best b USING (node)
    UNION ALL
    SELECT node, label, 'exact', 1.0 FROM exact)
SELECT l.kind || ':' || c.article_id, m.article_id, l.kind, l.similarity
FROM labelled l
JOIN dup_index m ON m.n = l.node
JOIN dup_index c ON c.n = l.label;
INSERT INTO marts.duplicate_clusters
SELECT 'story:' || story_id, article_id, 'story', NULL
FROM marts.articles
WHERE story_id IN (SELECT story_id FROM dup_stories)
QUALIFY count(*) OVER (PARTITION BY story_id) > 1;
DROP TABLE dup_touched;
DROP TABLE dup_nodes;
DROP TABLE dup_stories;
DROP TABLE dup_index;
DROP TABLE dup_edges;
