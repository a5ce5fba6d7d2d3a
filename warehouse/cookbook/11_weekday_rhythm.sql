-- Q: On which weekdays are articles published, and how quiet are weekends?
SELECT weekday, weekday_name, is_weekend, sum(n_articles) AS articles, count(*) AS days,
       round(sum(n_articles) / count(*), 2) AS articles_per_day
FROM marts.dates
GROUP BY ALL
ORDER BY weekday;
