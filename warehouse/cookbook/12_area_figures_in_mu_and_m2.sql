-- Q: Which land and floor areas do stories mention, in square metres and in mu (亩)?
SELECT a.title, f.raw, f.value_base AS m2, round(f.value_base * 15 / 10000, 1) AS mu, f.approximate
FROM marts.figures f
JOIN marts.articles a USING (article_id)
WHERE f.category = 'area'
ORDER BY m2 DESC;
