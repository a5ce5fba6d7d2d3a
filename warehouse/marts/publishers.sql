-- Grain: one row per canonical publisher of current articles. Key: publisher_id.
CREATE TABLE IF NOT EXISTS marts.publishers (
    publisher_id VARCHAR PRIMARY KEY,
    name VARCHAR NOT NULL,
    variants VARCHAR[] NOT NULL,
    n_articles INTEGER NOT NULL,
    first_published_at TIMESTAMPTZ,
    last_published_at TIMESTAMPTZ
);
COMMENT ON TABLE marts.publishers IS 'Publishers of current articles (grain: canonical publisher; key: publisher_id). Name = marts.articles.publisher without brackets and whitespace, mapped through marts.publisher_aliases. Recomputed at each publish (one GROUP BY).';
COMMENT ON COLUMN marts.publishers.publisher_id IS 'First 12 hex digits of md5(name); stable while the name is';
COMMENT ON COLUMN marts.publishers.name IS 'Canonical name (东财 and 东方财富 -> 东方财富网)';
COMMENT ON COLUMN marts.publishers.variants IS 'Spellings found in marts.articles.publisher';
COMMENT ON COLUMN marts.publishers.n_articles IS 'Current articles from this publisher';
COMMENT ON COLUMN marts.publishers.first_published_at IS 'Earliest published_at of those articles';
COMMENT ON COLUMN marts.publishers.last_published_at IS 'Latest published_at of those articles';

-- @publish
DELETE FROM marts.publishers;
INSERT INTO marts.publishers
WITH named AS (
    SELECT a.publisher AS variant, a.published_at,
           coalesce(p.name, regexp_replace(a.publisher, '[\s\[\]【】()（）<>《》「」]', '', 'g')) AS name
    FROM marts.articles a
    LEFT JOIN marts.publisher_aliases p
      ON p.alias = regexp_replace(a.publisher, '[\s\[\]【】()（）<>《》「」]', '', 'g')
    WHERE a.publisher IS NOT NULL)
SELECT substr(md5(name), 1, 12), name, list_sort(list(DISTINCT variant)), count(*)::INTEGER,
       min(published_at), max(published_at)
FROM named
WHERE name <> ''
GROUP BY name;
