-- Grain: one row per day (Asia/Shanghai) x publisher x category with current articles. Key: (date, publisher, category).
CREATE TABLE IF NOT EXISTS marts.daily_counts (
    date DATE NOT NULL,
    publisher VARCHAR NOT NULL,
    category VARCHAR NOT NULL,
    articles INTEGER NOT NULL,
    characters BIGINT NOT NULL,
    PRIMARY KEY (date, publisher, category)
);
COMMENT ON TABLE marts.daily_counts IS 'Articles and body characters per Asia/Shanghai day, publisher and category (grain: day x publisher x category; key: date, publisher, category). Articles without published_at are left out. Recomputed at each publish (one GROUP BY).';
COMMENT ON COLUMN marts.daily_counts.date IS 'Publication day in Asia/Shanghai (marts.dates.date)';
COMMENT ON COLUMN marts.daily_counts.publisher IS 'Canonical publisher (marts.publishers.name); (unknown) when the article names none';
COMMENT ON COLUMN marts.daily_counts.category IS 'marts.articles.category; (none) when missing';
COMMENT ON COLUMN marts.daily_counts.articles IS 'Current articles';
COMMENT ON COLUMN marts.daily_counts.characters IS 'Characters of their body_text';

-- @publish
DELETE FROM marts.daily_counts;
INSERT INTO marts.daily_counts
SELECT timezone('Asia/Shanghai', a.published_at)::DATE,
       coalesce(p.name, nullif(regexp_replace(a.publisher, '[\s\[\]【】()（）<>《》「」]', '', 'g'), ''), '(unknown)'),
       coalesce(a.category, '(none)'),
       count(*)::INTEGER, coalesce(sum(length(a.body_text)), 0)::BIGINT
FROM marts.articles a
LEFT JOIN marts.publisher_aliases p
  ON p.alias = regexp_replace(a.publisher, '[\s\[\]【】()（）<>《》「」]', '', 'g')
WHERE a.published_at IS NOT NULL
GROUP BY ALL;
