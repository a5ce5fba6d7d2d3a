-- Q: How many figures of each category are stated approximately (约, 余, 多, +) rather than exactly?
SELECT category, count(*) AS figures,
       count(*) FILTER (WHERE approximate) AS approximate,
       round(100.0 * count(*) FILTER (WHERE approximate) / count(*), 1) AS pct_approximate
FROM marts.figures
GROUP BY category
ORDER BY figures DESC;
