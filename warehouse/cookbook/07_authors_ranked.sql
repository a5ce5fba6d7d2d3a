-- Q: Which authors wrote the most articles, and in which roles?
SELECT name, roles, n_articles
FROM marts.authors
ORDER BY n_articles DESC, name
LIMIT 20;
