-- Q: Which terms occur in the most current articles, and how many of those are recent (last 7 days of data)?
-- (Only the terms tied with or above the 30th largest df are joined to their articles: the
-- recent count only breaks ties among them, and joining every term cost ~1 s at 100,000 articles.)
WITH last AS (SELECT max(published_at) AS t FROM marts.articles),
top AS (SELECT term, df FROM marts.term_df
        WHERE df >= (SELECT min(df) FROM (SELECT df FROM marts.term_df ORDER BY df DESC LIMIT 30)))
SELECT d.term, d.df,
       count(*) FILTER (WHERE a.published_at >= (SELECT t FROM last) - INTERVAL 7 DAY) AS recent_articles
FROM top d
JOIN marts.article_terms t USING (term)
JOIN marts.articles a USING (article_id)
GROUP BY d.term, d.df
ORDER BY d.df DESC, recent_articles DESC, d.term
LIMIT 30;
