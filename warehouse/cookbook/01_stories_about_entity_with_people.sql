-- Q: Which stories mention 智汇谷, and which people are quoted or named in them (with their titles)?
SELECT a.article_id, a.published_at, a.title,
       list(DISTINCT p.name || coalesce('（' || p.role || '）', '') ORDER BY p.name || coalesce('（' || p.role || '）', '')) AS people
FROM marts.article_entities e
JOIN marts.articles a USING (article_id)
LEFT JOIN marts.article_entities p ON p.article_id = e.article_id AND p.type = 'person'
WHERE e.name LIKE '%智汇谷%'
GROUP BY ALL
ORDER BY a.published_at DESC NULLS LAST;
