-- Grain: one row per quantity stated in a sentence of a current article. Key: (article_id, paragraph_ordinal, sentence_ordinal, start).
CREATE TABLE IF NOT EXISTS marts.figures (
    article_id VARCHAR NOT NULL,
    paragraph_ordinal INTEGER NOT NULL,
    sentence_ordinal INTEGER NOT NULL,
    start INTEGER NOT NULL,
    raw VARCHAR NOT NULL,
    value DOUBLE NOT NULL,
    unit VARCHAR,
    value_base DOUBLE NOT NULL,
    base_unit VARCHAR,
    category VARCHAR NOT NULL,
    approximate BOOLEAN NOT NULL,
    load_id VARCHAR NOT NULL
);
COMMENT ON TABLE marts.figures IS 'Quantities stated in current articles (grain: figure; key: article_id, paragraph_ordinal, sentence_ordinal, start). Years, dates, ordinals (第81位) and bare integers are not figures.';
COMMENT ON COLUMN marts.figures.article_id IS 'marts.articles.article_id';
COMMENT ON COLUMN marts.figures.paragraph_ordinal IS 'marts.sentences.paragraph_ordinal of the sentence stating it';
COMMENT ON COLUMN marts.figures.sentence_ordinal IS 'marts.sentences.ordinal of the sentence stating it';
COMMENT ON COLUMN marts.figures.start IS 'Character offset of raw in the sentence';
COMMENT ON COLUMN marts.figures.raw IS 'The figure as printed, approximation markers included (约860余亩)';
COMMENT ON COLUMN marts.figures.value IS 'The number as printed (3.2 in 3.2亿元)';
COMMENT ON COLUMN marts.figures.unit IS 'Unit as printed with its magnitude (亿元, 万美元, 亩); NULL for a bare number such as 260万+';
COMMENT ON COLUMN marts.figures.value_base IS 'Value in base_unit (3.2亿元 -> 320000000, 860亩 -> 573333 m2)';
COMMENT ON COLUMN marts.figures.base_unit IS 'CNY, USD, HKD, EUR, m2, person, household, organization, item, kg, m, %, pp, day, ...; NULL for bare numbers';
COMMENT ON COLUMN marts.figures.category IS 'money, area, people, households, count, mass, length, percent, ratio, duration, age, energy or number (no unit)';
COMMENT ON COLUMN marts.figures.approximate IS 'True for 约/近/逾/超过/过 before or 余/多/来/+/以上/左右 after the number';
COMMENT ON COLUMN marts.figures.load_id IS 'Load that published this row (ops.loads.load_id)';

-- @publish
DELETE FROM marts.figures WHERE article_id IN (SELECT article_id FROM retired_articles);
-- @adopt staging.figures by article
INSERT INTO marts.figures
SELECT article_id, paragraph_ordinal, sentence_ordinal, start, raw, value, unit, value_base,
       base_unit, category, approximate, load_id
FROM staging.figures s
WHERE s.load_id = (SELECT load_id FROM publish_load)
  AND (s.document_id, s.article_id) IN (SELECT document_id, article_id FROM publish_articles)
  AND s.document_id NOT IN (SELECT document_id FROM adopted_documents);
