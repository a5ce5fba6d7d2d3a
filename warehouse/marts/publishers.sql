-- Grain: one row per canonical publisher of current articles. Key: publisher_id.
-- A view: always consistent with the current articles, nothing to maintain at publish.
-- Columns:
--   publisher_id: First 12 hex digits of md5(name); stable while the name is
--   name: Canonical name (东财 and 东方财富 -> 东方财富网)
--   variants: Spellings found in marts.articles.publisher
--   n_articles: Current articles from this publisher
--   first_published_at: Earliest published_at of those articles
--   last_published_at: Latest published_at of those articles
CREATE OR REPLACE VIEW marts.publishers AS
WITH named AS (
    SELECT a.publisher AS variant, a.published_at,
           coalesce(p.name, regexp_replace(a.publisher, '[\s\[\]【】()（）<>《》「」]', '', 'g')) AS name
    FROM marts.articles a
    LEFT JOIN marts.publisher_aliases p
      ON p.alias = regexp_replace(a.publisher, '[\s\[\]【】()（）<>《》「」]', '', 'g')
    WHERE a.publisher IS NOT NULL)
SELECT substr(md5(name), 1, 12) AS publisher_id, name, list_sort(list(DISTINCT variant)) AS variants,
       count(*)::INTEGER AS n_articles, min(published_at) AS first_published_at,
       max(published_at) AS last_published_at
FROM named
WHERE name <> ''
GROUP BY name;
COMMENT ON VIEW marts.publishers IS 'Publishers of current articles (grain: canonical publisher; key: publisher_id). Name = marts.articles.publisher without brackets and whitespace, mapped through marts.publisher_aliases. Computed when queried.';
