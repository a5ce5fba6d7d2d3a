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
COMMENT ON TABLE marts.duplicate_clusters IS 'Groups of current articles that tell the same thing (grain: article x kind; key: kind, article_id; only articles with at least one partner). exact = identical normalised text, near = connected components of marts.duplicate_pairs (exact pairs included), story = articles sharing a story_id. Maintained at publish from what the load changed: a cluster holding a retired article is recomputed from its remaining pairs (a cluster that lost its bridge splits, an article that lost all partners drops out), a cluster the load''s new pairs join grows, and only its rows whose cluster_id or similarity change are rewritten; story clusters of the story ids the load published or retired are rebuilt.';
COMMENT ON COLUMN marts.duplicate_clusters.cluster_id IS 'kind:<smallest article_id in the cluster> for exact and near, story:<story_id> for story; a cluster that splits or loses its smallest member gets a new id';
COMMENT ON COLUMN marts.duplicate_clusters.article_id IS 'A member (marts.articles.article_id)';
COMMENT ON COLUMN marts.duplicate_clusters.kind IS 'exact (same normalised text), near (connected through marts.duplicate_pairs) or story (same story_id)';
COMMENT ON COLUMN marts.duplicate_clusters.similarity IS 'exact: 1; near: highest estimated Jaccard similarity to a partner in marts.duplicate_pairs; story: NULL';
-- Backfill: a new (or emptied) table gets every cluster of the warehouse, once. An empty
-- table with pairs or shared story ids in the lake can only be one that was just created;
-- otherwise dup_nodes and dup_stories are empty and nothing is inserted. The INSERTs are the
-- components over every pair (what the publish part below computes when every article is its
-- own unit: an empty table has no old cluster to keep whole) and the story clusters.
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
-- smallest number of a component is its smallest article_id), by the same union-find as the
-- publish part below (`-- @components`, zhnews.store.components): near over every pair into
-- dup_near, exact over the exact pairs into dup_exact, each made before the statement under
-- its mark runs.
CREATE OR REPLACE TEMP TABLE dup_index AS
SELECT article_id, (row_number() OVER (ORDER BY article_id))::INTEGER AS n FROM dup_nodes;
CREATE OR REPLACE TEMP TABLE dup_edges AS
SELECT a.n AS x, b.n AS y, p.similarity, p.exact
FROM marts.duplicate_pairs p
JOIN dup_index a ON a.article_id = p.article_a
JOIN dup_index b ON b.article_id = p.article_b;
-- @components dup_edges as dup_near
CREATE OR REPLACE TEMP TABLE dup_exact_edges AS
SELECT x, y FROM dup_edges WHERE exact;
-- @components dup_exact_edges as dup_exact
INSERT INTO marts.duplicate_clusters
WITH best AS (SELECT x AS node, max(similarity) AS similarity
              FROM (SELECT x, similarity FROM dup_edges
                    UNION ALL SELECT y, similarity FROM dup_edges)
              GROUP BY x),
labelled AS (
    SELECT n.node, n.label, 'near' AS kind, b.similarity FROM dup_near n JOIN best b USING (node)
    UNION ALL
    SELECT node, label, 'exact', 1.0 FROM dup_exact)
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
DROP TABLE dup_exact_edges;
DROP TABLE dup_near;
DROP TABLE dup_exact;

-- @publish
-- What this load changes, without walking unchanged clusters: a load only adds pairs (those it
-- found, duplicate_pairs ran before this file) and removes pairs (those of retired articles).
-- A cluster with no retired member lost no pair, so it is still connected: it enters the
-- computation as one unit named after its smallest member (its cluster_id's suffix) and is
-- rewritten only if it merges into a component with a smaller member or one of its members
-- gets a better pair. Only clusters holding a retired article ("broken": they may split) enter
-- member by member, with their remaining pairs. The components over these units are then the
-- warehouse's: a new pair joins two units, and a pair that is not new lies inside one old
-- cluster. A load of new articles therefore costs the pairs it found, however large the
-- clusters they join (a story copied 20,000 times recomputed its 170,000 pairs per load).
-- Exact clusters follow the same rules over exact pairs.
CREATE OR REPLACE TEMP TABLE dup_broken AS
SELECT DISTINCT kind, cluster_id FROM marts.duplicate_clusters
WHERE kind IN ('near', 'exact') AND article_id IN (SELECT article_id FROM retired_articles);
-- Edges per kind: the load's pairs, and the remaining pairs inside broken clusters (a pair
-- that is not new lies inside one old cluster, so the cluster of its first end says). A view,
-- read twice: as a table, its 1.2 million rows of a cold 100,000-document load (two article
-- ids each) spilled beside the publish transaction (disk 1.86x the warehouse).
CREATE OR REPLACE TEMP TABLE dup_broken_members AS
SELECT c.kind, c.article_id FROM marts.duplicate_clusters c
SEMI JOIN dup_broken k ON k.kind = c.kind AND k.cluster_id = c.cluster_id;
CREATE OR REPLACE TEMP VIEW dup_kind_edges AS
WITH fresh AS (
    SELECT article_a, article_b, similarity, exact FROM marts.duplicate_pairs
    WHERE load_id = (SELECT load_id FROM publish_load))
SELECT 'near' AS kind, article_a AS a, article_b AS b, similarity FROM fresh
UNION ALL
SELECT 'exact', article_a, article_b, 1.0 FROM fresh WHERE exact
UNION ALL
SELECT m.kind, p.article_a, p.article_b, CASE WHEN m.kind = 'exact' THEN 1.0 ELSE p.similarity END
FROM dup_broken_members m
JOIN marts.duplicate_pairs p ON p.article_a = m.article_id
WHERE p.load_id NOT IN (SELECT load_id FROM publish_load) AND (m.kind = 'near' OR p.exact);
-- Each end of an edge: its unit (its intact cluster's smallest member, or itself), its old
-- row's similarity (intact clusters only) and the best similarity among its edges.
CREATE OR REPLACE TEMP TABLE dup_ends AS
WITH ends AS (
    SELECT kind, a AS article_id, max(similarity) AS best FROM (
        SELECT kind, a, similarity FROM dup_kind_edges
        UNION ALL SELECT kind, b, similarity FROM dup_kind_edges)
    GROUP BY kind, a)
SELECT e.kind, e.article_id, e.best,
       CASE WHEN c.cluster_id IS NULL OR c.cluster_id IN (SELECT cluster_id FROM dup_broken)
            THEN e.article_id
            ELSE substr(c.cluster_id, length(e.kind) + 2) END AS unit,
       c.cluster_id IS NOT NULL AND c.cluster_id NOT IN (SELECT cluster_id FROM dup_broken)
           AS in_intact,
       c.similarity AS old_similarity
FROM ends e
LEFT JOIN marts.duplicate_clusters c ON c.kind = e.kind AND c.article_id = e.article_id;
-- Components over the units, numbered densely in (kind, unit) order: within a kind the
-- smallest number of a component is its smallest unit, i.e. its smallest article_id, and the
-- numbers of the two kinds never meet (an edge joins units of one kind), so the components
-- are computed over the numbers alone: 4-byte keys instead of 16-character strings.
CREATE OR REPLACE TEMP TABLE dup_index AS
SELECT kind, unit, (row_number() OVER (ORDER BY kind, unit))::INTEGER AS n
FROM (SELECT DISTINCT kind, unit FROM dup_ends);
-- Each article's numbers (one per kind it has edges in), then the edges' numbers through two
-- joins on article_id alone: the temporary tables have no statistics inside the publish
-- transaction, and joining on (kind, article_id) let DuckDB join the two ends' numbers with
-- each other on `kind` alone (a minute at 20,000 articles).
CREATE OR REPLACE TEMP TABLE dup_numbers AS
SELECT e.article_id,
       max(i.n) FILTER (WHERE e.kind = 'near') AS near,
       max(i.n) FILTER (WHERE e.kind = 'exact') AS exact
FROM dup_ends e JOIN dup_index i ON i.kind = e.kind AND i.unit = e.unit
GROUP BY e.article_id;
CREATE OR REPLACE TEMP TABLE dup_edges AS
SELECT CASE WHEN e.kind = 'near' THEN na.near ELSE na.exact END AS x,
       CASE WHEN e.kind = 'near' THEN nb.near ELSE nb.exact END AS y
FROM dup_kind_edges e
JOIN dup_numbers na ON na.article_id = e.a
JOIN dup_numbers nb ON nb.article_id = e.b;
-- The components themselves: `-- @components` fills dup_components(node, label) from
-- dup_edges before this statement runs, each node labelled with the smallest node of its
-- component (union-find in the writer, see zhnews.store.components: the recursive CTE it
-- replaced took ~9.5 s of a cold 100,000-document publish and spilled under a 384MB limit).
-- @components dup_edges as dup_components
CREATE OR REPLACE TEMP TABLE dup_labels AS
SELECT u.kind, u.unit, l.unit AS label
FROM dup_components c
JOIN dup_index u ON u.n = c.node
JOIN dup_index l ON l.n = c.label;
-- The rows to write: every end that is its own unit (a new article, a member of a broken
-- cluster that kept a pair), every member of an intact cluster that merged under a smaller
-- label, and the ends inside intact clusters that keep their label (a better pair).
CREATE OR REPLACE TEMP TABLE dup_rows AS
SELECT e.kind, e.article_id, l.label,
       CASE WHEN e.kind = 'exact' THEN 1.0
            WHEN e.in_intact THEN greatest(e.old_similarity, e.best)
            ELSE e.best END AS similarity
FROM dup_ends e JOIN dup_labels l ON l.kind = e.kind AND l.unit = e.unit
UNION ALL
SELECT c.kind, c.article_id, l.label, c.similarity
FROM marts.duplicate_clusters c
JOIN dup_labels l ON c.kind = l.kind AND c.cluster_id = l.kind || ':' || l.unit
ANTI JOIN dup_ends e ON e.kind = c.kind AND e.article_id = c.article_id
WHERE l.label <> l.unit;
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
WHERE (kind IN ('near', 'exact')
       AND (cluster_id IN (SELECT cluster_id FROM dup_broken)
            OR kind || ':' || article_id IN (SELECT kind || ':' || article_id FROM dup_rows)))
   OR (kind = 'story' AND cluster_id IN (SELECT 'story:' || story_id FROM dup_stories));
INSERT INTO marts.duplicate_clusters
SELECT kind || ':' || label, article_id, kind, similarity FROM dup_rows;
INSERT INTO marts.duplicate_clusters
SELECT 'story:' || story_id, article_id, 'story', NULL
FROM marts.articles
WHERE story_id IN (SELECT story_id FROM dup_stories)
QUALIFY count(*) OVER (PARTITION BY story_id) > 1;
DROP TABLE dup_broken;
DROP TABLE dup_broken_members;
DROP VIEW dup_kind_edges;
DROP TABLE dup_ends;
DROP TABLE dup_index;
DROP TABLE dup_numbers;
DROP TABLE dup_edges;
DROP TABLE dup_components;
DROP TABLE dup_labels;
DROP TABLE dup_rows;
DROP TABLE dup_stories;
