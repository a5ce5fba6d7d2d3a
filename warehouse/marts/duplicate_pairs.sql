-- Grain: one row per pair of current articles that are near duplicates. Key: (article_a, article_b), article_a < article_b.
CREATE TABLE IF NOT EXISTS marts.duplicate_pairs (
    article_a VARCHAR NOT NULL,
    article_b VARCHAR NOT NULL,
    similarity DOUBLE NOT NULL,
    exact BOOLEAN NOT NULL,
    load_id VARCHAR NOT NULL,
    PRIMARY KEY (article_a, article_b)
);
COMMENT ON TABLE marts.duplicate_pairs IS 'Pairs of current articles whose estimated Jaccard similarity of character 5-grams is at least 0.5 (grain: pair; key: article_a, article_b with article_a < article_b). Maintained incrementally: only pairs involving newly published articles are computed. A new article is compared with at most 5 members (lowest article_id) of each of its 16 LSH buckets (band, band_hash), so an article has at most 80 candidate pairs from its load and a story republished a thousand times forms one connected cluster (through the buckets'' lowest ids) in linear rather than quadratic time.';
COMMENT ON COLUMN marts.duplicate_pairs.article_a IS 'The smaller article_id of the pair';
COMMENT ON COLUMN marts.duplicate_pairs.article_b IS 'The larger article_id of the pair';
COMMENT ON COLUMN marts.duplicate_pairs.similarity IS 'Share of equal MinHash values (64), an estimate of the Jaccard similarity';
COMMENT ON COLUMN marts.duplicate_pairs.exact IS 'True when the normalised texts are identical (same text_hash)';
COMMENT ON COLUMN marts.duplicate_pairs.load_id IS 'Load that found the pair';

-- @publish
DELETE FROM marts.duplicate_pairs
WHERE article_a IN (SELECT article_id FROM retired_articles)
   OR article_b IN (SELECT article_id FROM retired_articles);
-- Candidates: each new article against the 5 lowest article_ids of every bucket it is in.
-- Comparing with all members would be quadratic in the size of a group of near-copies, and
-- aggregates (unlike window functions) spill to disk when memory runs short.
CREATE OR REPLACE TEMP TABLE dup_candidates AS
WITH fresh AS (
    SELECT article_id, band, band_hash FROM marts.article_fingerprints
    WHERE load_id = (SELECT load_id FROM publish_load)
      AND article_id IN (SELECT article_id FROM publish_articles)),
representatives AS (
    SELECT f.band, f.band_hash, unnest(min(f.article_id, 5)) AS article_id
    FROM marts.article_fingerprints f
    SEMI JOIN fresh b ON b.band = f.band AND b.band_hash = f.band_hash
    GROUP BY f.band, f.band_hash)
SELECT DISTINCT least(x.article_id, r.article_id) AS article_a,
                greatest(x.article_id, r.article_id) AS article_b
FROM fresh x
JOIN representatives r
  ON r.band = x.band AND r.band_hash = x.band_hash AND r.article_id <> x.article_id;
-- One row of all 64 MinHash values per article involved, so a pair is scored in one row.
CREATE OR REPLACE TEMP TABLE dup_signatures AS
SELECT article_id, any_value(text_hash) AS text_hash,
       flatten(list(minhashes ORDER BY band)) AS minhashes
FROM marts.article_fingerprints
WHERE article_id IN (SELECT article_a FROM dup_candidates UNION SELECT article_b FROM dup_candidates)
GROUP BY article_id;
INSERT INTO marts.duplicate_pairs
WITH scored AS (
    SELECT c.article_a, c.article_b,
           list_sum(list_transform(list_zip(x.minhashes, y.minhashes),
                                   lambda p: (p[1] = p[2])::INTEGER)) / len(x.minhashes) AS similarity,
           x.text_hash = y.text_hash AS exact
    FROM dup_candidates c
    JOIN dup_signatures x ON x.article_id = c.article_a
    JOIN dup_signatures y ON y.article_id = c.article_b)
SELECT article_a, article_b, similarity, exact, (SELECT load_id FROM publish_load)
FROM scored
WHERE similarity >= 0.5 OR exact;
DROP TABLE dup_candidates;
DROP TABLE dup_signatures;
