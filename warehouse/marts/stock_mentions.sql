-- Grain: one row per stock/sector link in a current article. Key: (article_id, ordinal).
CREATE TABLE IF NOT EXISTS marts.stock_mentions (
    article_id VARCHAR NOT NULL,
    ordinal INTEGER NOT NULL,
    code VARCHAR NOT NULL,
    market VARCHAR,
    name VARCHAR,
    kind VARCHAR NOT NULL,
    raw_code VARCHAR,
    load_id VARCHAR NOT NULL
);
COMMENT ON TABLE marts.stock_mentions IS 'Stocks and sectors linked from a current article (grain: link; key: article_id, ordinal), from Eastmoney data-code attributes and codes in text.';
COMMENT ON COLUMN marts.stock_mentions.market IS 'Market code as given by the source (1 = Shanghai, 0 = Shenzhen, 116 = HK, 105/106 = US, HK for codes in text)';
COMMENT ON COLUMN marts.stock_mentions.kind IS 'stock or sector';

-- @publish
DELETE FROM marts.stock_mentions WHERE article_id IN (SELECT article_id FROM retired_articles);
-- @adopt staging.stock_mentions by article
INSERT INTO marts.stock_mentions
SELECT article_id, ordinal, code, market, name, kind, raw_code, load_id
FROM staging.stock_mentions s
SEMI JOIN publish_articles p ON p.document_id = s.document_id AND p.article_id = s.article_id
WHERE s.load_id = (SELECT load_id FROM publish_load)
  AND s.document_id NOT IN (SELECT document_id FROM adopted_documents);
