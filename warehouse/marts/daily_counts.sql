-- Grain: one row per day (Asia/Shanghai) x publisher x category with current articles. Key: (date, publisher, category).
-- A view: always consistent with the current articles, nothing to maintain at publish.
-- Columns:
--   date: Publication day in Asia/Shanghai (marts.dates.date)
--   publisher: Canonical publisher (marts.publishers.name); (unknown) when the article names none
--   category: marts.articles.category; (none) when missing
--   articles: Current articles
--   characters: Characters of their body_text
CREATE OR REPLACE VIEW marts.daily_counts AS
SELECT timezone('Asia/Shanghai', a.published_at)::DATE AS date,
       coalesce(p.name, nullif(regexp_replace(a.publisher, '[\s\[\]【】()（）<>《》「」]', '', 'g'), ''), '(unknown)') AS publisher,
       coalesce(a.category, '(none)') AS category,
       count(*)::INTEGER AS articles, coalesce(sum(length(a.body_text)), 0)::BIGINT AS characters
FROM marts.articles a
LEFT JOIN marts.publisher_aliases p
  ON p.alias = regexp_replace(a.publisher, '[\s\[\]【】()（）<>《》「」]', '', 'g')
WHERE a.published_at IS NOT NULL
GROUP BY ALL;
COMMENT ON VIEW marts.daily_counts IS 'Articles and body characters per Asia/Shanghai day, publisher and category (grain: day x publisher x category; key: date, publisher, category). Articles without published_at are left out. Computed when queried.';
