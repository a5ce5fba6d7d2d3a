-- Grain: one row per author name credited on any current article. Key: author_id.
-- A view: always consistent with the current articles, nothing to maintain at publish.
-- Columns:
--   author_id: First 12 hex digits of md5(name)
--   name: Author name as credited
--   roles: Roles credited (记者, 通讯员 ...); empty when none is printed
--   n_articles: Current articles crediting the author
CREATE OR REPLACE VIEW marts.authors AS
SELECT author_id, any_value(name) AS name,
       coalesce(list_sort(list(DISTINCT role) FILTER (WHERE role IS NOT NULL)), []::VARCHAR[]) AS roles,
       count(DISTINCT article_id)::INTEGER AS n_articles
FROM marts.article_authors
GROUP BY author_id;
COMMENT ON VIEW marts.authors IS 'Authors of current articles (grain: author name; key: author_id). Two people with one name are one row. Recomputed from marts.article_authors at each publish. Computed when queried.';
