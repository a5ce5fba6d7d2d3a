-- Q: Which terms occur in the most current articles, and how many of those are recent (last 7 days of data)?
WITH last AS (SELECT max(published_at) AS t FROM marts.articles)
SELECT d.term, d.df,
       count(*) FILTER (WHERE a.published_at >= (SELECT t FROM last) - INTERVAL 7 DAY) AS recent_articles
FROM marts.term_df d
JOIN marts.article_terms t USING (term)
JOIN marts.articles a USING (article_id)
GROUP BY d.term, d.df
ORDER BY d.df DESC, recent_articles DESC, d.term
LIMIT 30;
