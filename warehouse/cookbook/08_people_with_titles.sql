-- Q: Which people are quoted with a job title, and in how many stories?
SELECT name, list(DISTINCT role ORDER BY role) AS titles, count(DISTINCT article_id) AS articles,
       sum(mention_count) AS mentions
FROM marts.article_entities
WHERE type = 'person' AND role IS NOT NULL AND role NOT IN ('作者', '记者', '通讯员')
GROUP BY name
ORDER BY articles DESC, mentions DESC, name;
