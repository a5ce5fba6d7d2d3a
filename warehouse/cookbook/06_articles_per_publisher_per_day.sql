-- Q: How many articles (and characters) did each publisher publish per day?
SELECT date, publisher, sum(articles) AS articles, sum(characters) AS characters
FROM marts.daily_counts
GROUP BY date, publisher
ORDER BY date, articles DESC;
