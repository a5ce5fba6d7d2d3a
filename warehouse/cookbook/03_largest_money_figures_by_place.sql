-- Q: What are the largest money figures (in CNY) per place named in the same article?
SELECT pl.name AS place, f.raw, f.value_base AS cny, a.title, s.text AS sentence
FROM marts.figures f
JOIN marts.articles a USING (article_id)
JOIN marts.sentences s ON s.article_id = f.article_id AND s.paragraph_ordinal = f.paragraph_ordinal
                      AND s.ordinal = f.sentence_ordinal
JOIN marts.article_entities pl ON pl.article_id = f.article_id AND pl.type = 'place'
WHERE f.category = 'money' AND f.base_unit = 'CNY'
QUALIFY row_number() OVER (PARTITION BY pl.name ORDER BY f.value_base DESC) <= 3
ORDER BY place, cny DESC;
