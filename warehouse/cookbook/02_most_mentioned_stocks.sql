-- Q: Which stocks are mentioned in the most articles?
SELECT entity_id, name, n_articles, n_mentions
FROM marts.entities
WHERE type = 'stock'
ORDER BY n_articles DESC, n_mentions DESC, name
LIMIT 20;
