-- Q: Which organisations are most often mentioned together with which places?
SELECT o.name AS organization, p.name AS place, count(*) AS articles
FROM marts.article_entities o
JOIN marts.article_entities p ON p.article_id = o.article_id AND p.type = 'place'
WHERE o.type = 'organization'
GROUP BY ALL
ORDER BY articles DESC, organization, place
LIMIT 30;
