-- Grain: one row per pair of current articles that are near duplicates. Key: (article_a, article_b), article_a < article_b.
CREATE TABLE IF NOT EXISTS marts.duplicate_pairs (
    article_a VARCHAR NOT NULL,
    article_b VARCHAR NOT NULL,
    similarity DOUBLE NOT NULL,
    exact BOOLEAN NOT NULL,
    load_id VARCHAR NOT NULL
);
COMMENT ON TABLE marts.duplicate_pairs IS 'Pairs of current articles whose estimated Jaccard similarity of character 5-grams is at least 0.5 (grain: pair; key: article_a, article_b with article_a < article_b). Maintained incrementally: only pairs involving newly published articles are computed. A new article is compared with at most 3 members (those with the lowest hash of article_id) of each of its 16 LSH buckets (band, band_hash), so an article has at most 48 candidate pairs from its load and a story republished a thousand times forms one connected cluster (through the buckets'' lowest ids) in linear rather than quadratic time.';
COMMENT ON COLUMN marts.duplicate_pairs.article_a IS 'The smaller article_id of the pair';
COMMENT ON COLUMN marts.duplicate_pairs.article_b IS 'The larger article_id of the pair';
COMMENT ON COLUMN marts.duplicate_pairs.similarity IS 'Share of equal MinHash values (64), an estimate of the Jaccard similarity';
COMMENT ON COLUMN marts.duplicate_pairs.exact IS 'True when the normalised texts are identical (same text_hash)';
COMMENT ON COLUMN marts.duplicate_pairs.load_id IS 'Load that found the pair';

-- @publish
DELETE FROM marts.duplicate_pairs
WHERE article_a IN (SELECT article_id FROM retired_articles)
   OR article_b IN (SELECT article_id FROM retired_articles);
-- Candidates: each new article against 3 representatives of every bucket it is in (lowest
-- hash(article_id)). Comparing with all members would be quadratic in the size of a group of
-- near-copies. Pairs are kept as two 64-bit hashes, not strings: this runs inside the publish
-- transaction, next to the load's uncommitted rows, and must fit DuckDB's memory limit at
-- 100,000 new articles. A hash collision can only add a candidate; scoring uses the real ids.
CREATE OR REPLACE TEMP TABLE dup_candidates AS
WITH fresh AS (
    SELECT hash(article_id) AS k, band, band_hash FROM marts.article_fingerprints
    WHERE load_id = (SELECT load_id FROM publish_load)
      AND article_id IN (SELECT article_id FROM publish_articles)),
representatives AS (
    SELECT f.band, f.band_hash, unnest(min(hash(f.article_id), 3)) AS k
    FROM marts.article_fingerprints f
    SEMI JOIN fresh b ON b.band = f.band AND b.band_hash = f.band_hash
    GROUP BY f.band, f.band_hash)
SELECT DISTINCT least(x.k, r.k) AS a, greatest(x.k, r.k) AS b
FROM fresh x
JOIN representatives r ON r.band = x.band AND r.band_hash = x.band_hash AND r.k <> x.k;
-- Score each candidate once on the whole signature: one row per article involved (its 16
-- bands' values concatenated in band order, so position i compares the same MinHash function),
-- joined to the candidates on each side. Joining band rows instead made 16 rows per pair and
-- a grouped sum over them, which spilled ~1.3 GB at 100,000 new articles. No `x.article_id <>
-- y.article_id` filter: a candidate's two hashes differ (r.k <> x.k above), so its two ids do,
-- and with that filter DuckDB planned x × y as a nested-loop join (439M rows at 20,000).
-- The bands are put in order after grouping (list_sort of (band, values) structs): an ordered
-- aggregate, `list(minhashes ORDER BY band)`, buffers every group's rows in memory and ran out
-- of a 384MB limit at 100,000 new articles, where this form runs in 256MB.
CREATE OR REPLACE TEMP TABLE dup_signatures AS
SELECT hash(article_id) AS k, article_id, any_value(text_hash) AS text_hash,
       flatten(list_transform(list_sort(list(struct_pack(b := band, m := minhashes))),
                              s -> s.m)) AS minhashes
FROM marts.article_fingerprints
WHERE hash(article_id) IN (SELECT a FROM dup_candidates UNION SELECT b FROM dup_candidates)
GROUP BY article_id;
INSERT INTO marts.duplicate_pairs
WITH scored AS (
    SELECT x.article_id AS id_x, y.article_id AS id_y,
           list_sum(list_transform(list_zip(x.minhashes, y.minhashes),
                                   lambda p: (p[1] = p[2])::INTEGER)) AS equal,
           len(x.minhashes) AS total,
           x.text_hash = y.text_hash AS exact
    FROM dup_candidates c
    JOIN dup_signatures x ON x.k = c.a
    JOIN dup_signatures y ON y.k = c.b)
SELECT least(id_x, id_y), greatest(id_x, id_y), equal / total, exact,
       (SELECT load_id FROM publish_load)
FROM scored
WHERE exact OR equal >= 0.5 * total;
DROP TABLE dup_signatures;
DROP TABLE dup_candidates;
