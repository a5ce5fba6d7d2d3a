-- Grain: one row per MinHash LSH band of an article. Key: (load_id, article_id, band).
CREATE TABLE IF NOT EXISTS staging.article_fingerprints (
    load_id VARCHAR NOT NULL,
    document_id VARCHAR NOT NULL,
    article_id VARCHAR NOT NULL,
    text_hash VARCHAR NOT NULL,        -- sha1 of the normalised body (NFKC, no whitespace or punctuation)
    band INTEGER NOT NULL,             -- 0 .. 15
    band_hash VARCHAR NOT NULL,        -- hash of the band's 4 MinHash values
    minhashes BIGINT[] NOT NULL        -- the band's 4 MinHash values (for similarity estimates)
);
