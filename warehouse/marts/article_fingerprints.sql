-- Grain: one row per MinHash LSH band of a current article. Key: (article_id, band).
CREATE TABLE IF NOT EXISTS marts.article_fingerprints (
    article_id VARCHAR NOT NULL,
    text_hash VARCHAR NOT NULL,
    band INTEGER NOT NULL,
    band_hash VARCHAR NOT NULL,
    minhashes BIGINT[] NOT NULL,
    load_id VARCHAR NOT NULL
);
COMMENT ON TABLE marts.article_fingerprints IS 'Duplicate-detection fingerprints of current articles (grain: article x LSH band; key: article_id, band): 64 MinHash values over character 5-grams in 16 bands of 4. Articles sharing a (band, band_hash) are near-duplicate candidates.';
COMMENT ON COLUMN marts.article_fingerprints.article_id IS 'marts.articles.article_id';
COMMENT ON COLUMN marts.article_fingerprints.text_hash IS 'sha1 (16 hex) of the body (else summary, else title) after NFKC, lower-casing and removing whitespace and punctuation; equal = exact duplicate';
COMMENT ON COLUMN marts.article_fingerprints.band IS 'LSH band 0..15';
COMMENT ON COLUMN marts.article_fingerprints.band_hash IS 'Hash of the band''s MinHash values';
COMMENT ON COLUMN marts.article_fingerprints.minhashes IS 'The band''s 4 MinHash values; equal positions over all bands / 64 estimates the Jaccard similarity';
COMMENT ON COLUMN marts.article_fingerprints.load_id IS 'Load that published this row (ops.loads.load_id)';

-- @publish
DELETE FROM marts.article_fingerprints WHERE article_id IN (SELECT article_id FROM retired_articles);
-- @adopt staging.article_fingerprints by article
INSERT INTO marts.article_fingerprints
SELECT article_id, text_hash, band, band_hash, minhashes, load_id
FROM staging.article_fingerprints s
WHERE s.load_id = (SELECT load_id FROM publish_load)
  AND (s.document_id, s.article_id) IN (SELECT document_id, article_id FROM publish_articles)
  AND s.document_id NOT IN (SELECT document_id FROM adopted_documents);
