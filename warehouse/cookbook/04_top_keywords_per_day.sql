-- Q: What were the top keywords of each day (summed tf-idf over that day's articles)?
SELECT timezone('Asia/Shanghai', a.published_at)::DATE AS day, k.term,
       round(sum(k.tfidf), 2) AS score, count(*) AS articles
FROM marts.keywords k
JOIN marts.articles a USING (article_id)
WHERE a.published_at IS NOT NULL
GROUP BY day, k.term
QUALIFY row_number() OVER (PARTITION BY day ORDER BY score DESC, term) <= 5
ORDER BY day, score DESC;
