-- Grain: one row per author name credited on any current article. Key: author_id.
CREATE TABLE IF NOT EXISTS marts.authors (
    author_id VARCHAR PRIMARY KEY,
    name VARCHAR NOT NULL,
    roles VARCHAR[] NOT NULL,
    n_articles INTEGER NOT NULL
);
COMMENT ON TABLE marts.authors IS 'Authors of current articles (grain: author name; key: author_id). Two people with one name are one row. Recomputed from marts.article_authors at each publish.';
COMMENT ON COLUMN marts.authors.author_id IS 'First 12 hex digits of md5(name)';
COMMENT ON COLUMN marts.authors.name IS 'Author name as credited';
COMMENT ON COLUMN marts.authors.roles IS 'Roles credited (记者, 通讯员 ...); empty when none is printed';
COMMENT ON COLUMN marts.authors.n_articles IS 'Current articles crediting the author';

-- @publish
DELETE FROM marts.authors;
INSERT INTO marts.authors
SELECT author_id, any_value(name),
       coalesce(list_sort(list(DISTINCT role) FILTER (WHERE role IS NOT NULL)), []::VARCHAR[]),
       count(DISTINCT article_id)::INTEGER
FROM marts.article_authors
GROUP BY author_id;
