-- Grain: one row per term of any current article. Key: term.
CREATE TABLE IF NOT EXISTS marts.term_df (
    term VARCHAR NOT NULL,
    df INTEGER NOT NULL
);
COMMENT ON TABLE marts.term_df IS 'Document frequency of keyword terms over current articles (grain: term; key: term). Maintained incrementally at publish: retired articles'' terms are subtracted, the new articles'' terms added; no rescan.';
COMMENT ON COLUMN marts.term_df.term IS 'Token of 2+ characters that is not a stop word or a number (flows/zhnews/enrich/data/stopwords.txt)';
COMMENT ON COLUMN marts.term_df.df IS 'Number of current articles containing the term';

-- @publish
-- Runs before marts/article_terms.sql: the retired articles' terms are still there to subtract.
UPDATE marts.term_df SET df = term_df.df - r.n
FROM (SELECT term, count(*) AS n FROM marts.article_terms
      WHERE article_id IN (SELECT article_id FROM retired_articles) GROUP BY term) r
WHERE term_df.term = r.term;
MERGE INTO marts.term_df t
USING (SELECT term, count(*)::INTEGER AS df
       FROM staging.article_terms s
       WHERE s.load_id = (SELECT load_id FROM publish_load)
         AND (s.document_id, s.article_id) IN (SELECT document_id, article_id FROM publish_articles)
       GROUP BY term) n
ON t.term = n.term
WHEN MATCHED THEN UPDATE SET df = t.df + n.df
WHEN NOT MATCHED THEN INSERT (term, df) VALUES (n.term, n.df);
DELETE FROM marts.term_df WHERE df <= 0;
