-- Grain: one row per current article (latest published version of each story). Key: article_id.
CREATE TABLE IF NOT EXISTS marts.articles (
    article_id VARCHAR NOT NULL,
    document_id VARCHAR NOT NULL,
    source_path VARCHAR NOT NULL,
    sha256 VARCHAR NOT NULL,
    parser_version VARCHAR NOT NULL,
    ordinal INTEGER NOT NULL,
    story_id VARCHAR,
    title VARCHAR,
    title_derived BOOLEAN NOT NULL,
    kicker VARCHAR,
    subtitle VARCHAR,
    authors VARCHAR[],
    byline_raw VARCHAR,
    editor VARCHAR,
    published_at TIMESTAMPTZ,
    published_at_source VARCHAR NOT NULL,
    category VARCHAR,
    tags VARCHAR[],
    publisher VARCHAR,
    url VARCHAR,
    summary VARCHAR,
    body_text VARCHAR,
    n_paragraphs INTEGER NOT NULL,
    n_sentences INTEGER NOT NULL,
    n_tokens INTEGER NOT NULL,
    flags VARCHAR[],
    load_id VARCHAR NOT NULL
);
COMMENT ON TABLE marts.articles IS 'One row per current article (grain: article; key: article_id). A later version of a story or file replaces the earlier row; history is in raw.documents.';
COMMENT ON COLUMN marts.articles.article_id IS 'Stable id: from the story id when the document has one (so versions share it), else from source_path and ordinal';
COMMENT ON COLUMN marts.articles.document_id IS 'File version the article came from (raw.documents.document_id)';
COMMENT ON COLUMN marts.articles.ordinal IS '1-based position of the article in its document';
COMMENT ON COLUMN marts.articles.story_id IS 'Long numeric id or infoCode of the story (from file name or URL); NULL for pages without one';
COMMENT ON COLUMN marts.articles.title_derived IS 'True when the document had no title and it was derived from the summary or first sentence';
COMMENT ON COLUMN marts.articles.kicker IS '引题: the line printed above the title';
COMMENT ON COLUMN marts.articles.subtitle IS '副题: the line printed below the title';
COMMENT ON COLUMN marts.articles.authors IS 'Author names only (no role words such as 记者 or 通讯员)';
COMMENT ON COLUMN marts.articles.byline_raw IS 'Bylines exactly as printed';
COMMENT ON COLUMN marts.articles.editor IS 'Editor credit (责任编辑 / 编辑) as printed; editors are never authors';
COMMENT ON COLUMN marts.articles.published_at IS 'Publication time; NULL when unknown (then published_at_source = unknown)';
COMMENT ON COLUMN marts.articles.published_at_source IS 'Which evidence won the date vote (zhnews.parse.dates): front_matter, meta, page_title (a date segment of the page <title> or og:title), json_ld, url, story_id, visible, page, dateline, file_name, htmldate (the htmldate library, asked only when none of the others dates an HTML page), own_paths (the one day spelled by the site-relative links and picture paths of a print-edition page that prints no date; asked last) or unknown';
COMMENT ON COLUMN marts.articles.publisher IS 'Publisher from 文章来源 lines, page metadata or front matter';
COMMENT ON COLUMN marts.articles.body_text IS 'Body paragraphs (no subheads, captions, bylines or footers) joined by newlines';
COMMENT ON COLUMN marts.articles.n_paragraphs IS 'Number of body paragraphs after column-break joins';
COMMENT ON COLUMN marts.articles.n_sentences IS 'Sentences in body paragraphs';
COMMENT ON COLUMN marts.articles.n_tokens IS 'Word tokens in body sentences';
COMMENT ON COLUMN marts.articles.flags IS 'Parser flags, e.g. title_derived, misplaced_paragraph';
COMMENT ON COLUMN marts.articles.load_id IS 'Load that published this row (ops.loads.load_id)';

-- @publish
DELETE FROM marts.articles WHERE article_id IN (SELECT article_id FROM retired_articles);
-- @adopt staging.articles by article
INSERT INTO marts.articles BY NAME
SELECT article_id, document_id, source_path, sha256, parser_version, ordinal, story_id, title,
       title_derived, kicker, subtitle, authors, byline_raw, editor, published_at, published_at_source,
       category, tags, publisher, url, summary, body_text, n_paragraphs, n_sentences, n_tokens,
       flags, load_id
FROM staging.articles s
SEMI JOIN publish_articles p ON p.document_id = s.document_id AND p.article_id = s.article_id
WHERE s.load_id = (SELECT load_id FROM publish_load)
  AND s.document_id NOT IN (SELECT document_id FROM adopted_documents);
