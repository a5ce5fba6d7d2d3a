-- Grain: one row per pair of current articles that are near duplicates. Key: (article_a, article_b), article_a < article_b.
CREATE TABLE IF NOT EXISTS marts.duplicate_pairs (
    article_a VARCHAR NOT NULL,
    article_b VARCHAR NOT NULL,
    similarity DOUBLE NOT NULL,
    exact BOOLEAN NOT NULL,
    load_id VARCHAR NOT NULL,
    PRIMARY KEY (article_a, article_b)
);
COMMENT ON TABLE marts.duplicate_pairs IS 'Pairs of current articles whose estimated Jaccard similarity of character 5-grams is at least 0.5 (grain: pair; key: article_a, article_b with article_a < article_b). Maintained incrementally: only pairs involving newly published articles are computed, from a self-join of marts.article_fingerprints on (band, band_hash).';
COMMENT ON COLUMN marts.duplicate_pairs.article_a IS 'The smaller article_id of the pair';
COMMENT ON COLUMN marts.duplicate_pairs.article_b IS 'The larger article_id of the pair';
COMMENT ON COLUMN marts.duplicate_pairs.similarity IS 'Share of equal MinHash values (64), an estimate of the Jaccard similarity';
COMMENT ON COLUMN marts.duplicate_pairs.exact IS 'True when the normalised texts are identical (same text_hash)';
COMMENT ON COLUMN marts.duplicate_pairs.load_id IS 'Load that found the pair';

-- @publish
DELETE FROM marts.duplicate_pairs
WHERE article_a IN (SELECT article_id FROM retired_articles)
   OR article_b IN (SELECT article_id FROM retired_articles);
INSERT INTO marts.duplicate_pairs
WITH fresh AS (
    SELECT DISTINCT article_id FROM marts.article_fingerprints
    WHERE load_id = (SELECT load_id FROM publish_load)
      AND article_id IN (SELECT article_id FROM publish_articles)),
candidates AS (
    SELECT DISTINCT least(x.article_id, y.article_id) AS article_a,
                    greatest(x.article_id, y.article_id) AS article_b
    FROM marts.article_fingerprints x
    JOIN marts.article_fingerprints y
      ON y.band = x.band AND y.band_hash = x.band_hash AND y.article_id <> x.article_id
    WHERE x.article_id IN (SELECT article_id FROM fresh)),
scored AS (
    SELECT c.article_a, c.article_b,
           sum(list_sum(list_transform(range(1, len(x.minhashes) + 1),
                                       lambda i: (x.minhashes[i] = y.minhashes[i])::INTEGER)))
             / sum(len(x.minhashes)) AS similarity,
           bool_and(x.text_hash = y.text_hash) AS exact
    FROM candidates c
    JOIN marts.article_fingerprints x ON x.article_id = c.article_a
    JOIN marts.article_fingerprints y ON y.article_id = c.article_b AND y.band = x.band
    GROUP BY c.article_a, c.article_b)
SELECT article_a, article_b, similarity, exact, (SELECT load_id FROM publish_load)
FROM scored
WHERE similarity >= 0.5 OR exact
-- Each new article keeps its 10 closest matches: a story republished a thousand times makes
-- a connected cluster, not half a million pairs.
QUALIFY row_number() OVER (PARTITION BY article_a ORDER BY exact DESC, similarity DESC, article_b) <= 10
     OR row_number() OVER (PARTITION BY article_b ORDER BY exact DESC, similarity DESC, article_a) <= 10;
