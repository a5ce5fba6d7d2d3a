-- Q: Which articles are exact or near duplicates of each other, cluster by cluster?
SELECT c.kind, c.cluster_id, count(*) AS articles, max(c.similarity) AS max_similarity,
       list(a.title ORDER BY a.published_at) AS titles,
       list(DISTINCT a.publisher) AS publishers
FROM marts.duplicate_clusters c
JOIN marts.articles a USING (article_id)
WHERE c.kind IN ('exact', 'near')
GROUP BY c.kind, c.cluster_id
ORDER BY articles DESC, c.cluster_id;
