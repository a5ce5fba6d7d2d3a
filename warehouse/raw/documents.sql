-- Grain: one row per distinct file version ever published or quarantined. Key: document_id.
-- History stays here: a changed file adds a row; nothing is updated or deleted.
CREATE TABLE IF NOT EXISTS raw.documents (
    document_id VARCHAR NOT NULL,   -- sha256(source_path || NUL || sha256)[:16]
    source_path VARCHAR NOT NULL,
    sha256 VARCHAR NOT NULL,           -- of the file's bytes
    bytes BIGINT NOT NULL,
    encoding VARCHAR NOT NULL,
    format VARCHAR NOT NULL,
    content VARCHAR NOT NULL,          -- decoded text (LF line ends)
    parser_version VARCHAR NOT NULL,
    load_id VARCHAR NOT NULL,
    ingested_at TIMESTAMPTZ NOT NULL   -- when the load read the file
);
COMMENT ON TABLE raw.documents IS 'One row per distinct file version loaded (grain: file version; key: document_id). History is kept: later versions add rows.';
COMMENT ON COLUMN raw.documents.document_id IS 'Stable id of this file version: first 16 hex chars of sha256(source_path NUL sha256).';
COMMENT ON COLUMN raw.documents.sha256 IS 'sha256 of the file bytes';
COMMENT ON COLUMN raw.documents.encoding IS 'Encoding the bytes were decoded with (utf-8, utf-8-sig, gb18030, big5hkscs, cp950, ...)';
COMMENT ON COLUMN raw.documents.format IS 'Detected document format (jekyll-markdown, jekyll-html, newspaper-markdown, newspaper-html, newspaper-xml: an XML newspaper transcription, one article per article division, text, feed: an RSS or Atom feed, one article per entry)';
COMMENT ON COLUMN raw.documents.content IS 'Decoded text with LF line ends';
COMMENT ON COLUMN raw.documents.ingested_at IS 'When the load read the file (its parse worker)';

-- @publish
-- @adopt staging.documents by document
INSERT INTO raw.documents
SELECT s.document_id, s.source_path, s.sha256, s.bytes, s.encoding, s.format, s.content,
       s.parser_version, s.load_id, s.ingested_at
FROM staging.documents s
WHERE s.load_id = (SELECT load_id FROM publish_load)
  AND s.document_id IN (SELECT document_id FROM accepted_documents)
  AND s.document_id NOT IN (SELECT document_id FROM raw.documents)
  AND s.document_id NOT IN (SELECT document_id FROM adopted_documents);
